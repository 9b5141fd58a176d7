from django.db import models
from django.utils.translation import gettext_lazy as _


class CandidateState(models.TextChoices):
    TO_SCREEN = "to_screen", _("To screen")
    ELIGIBLE = "eligible", _("Eligible")
    INELIGIBLE = "ineligible", _("Ineligible")
    MERGED = "merged", _("Merged into another candidate")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Screening may change its mind; a merge is undone only by undoing it (services.undo_merge).
ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    CandidateState.TO_SCREEN: {
        CandidateState.ELIGIBLE,
        CandidateState.INELIGIBLE,
        CandidateState.MERGED,
        CandidateState.WITHDRAWN,
    },
    CandidateState.ELIGIBLE: {
        CandidateState.INELIGIBLE,
        CandidateState.TO_SCREEN,
        CandidateState.MERGED,
        CandidateState.WITHDRAWN,
    },
    CandidateState.INELIGIBLE: {
        CandidateState.ELIGIBLE,
        CandidateState.TO_SCREEN,
        CandidateState.MERGED,
        CandidateState.WITHDRAWN,
    },
    CandidateState.MERGED: set(),
    CandidateState.WITHDRAWN: set(),
}
# Only undoing a merge (services.undo_merge) or an organisation's refusal (its consent given
# again in time) brings a candidate back, to the state it had before.
UNDO_TRANSITIONS: dict[str, set[str]] = {
    CandidateState.MERGED: {
        CandidateState.TO_SCREEN,
        CandidateState.ELIGIBLE,
        CandidateState.INELIGIBLE,
    },
    CandidateState.WITHDRAWN: {
        CandidateState.TO_SCREEN,
        CandidateState.ELIGIBLE,
        CandidateState.INELIGIBLE,
    },
}
# Candidates staff work with: a merged one lives on inside the one it was merged into.
ACTIVE_STATES = [CandidateState.TO_SCREEN, CandidateState.ELIGIBLE, CandidateState.INELIGIBLE]


class IneligibleReason(models.TextChoices):
    OUTSIDE_COUNTRIES = "outside_countries", _("Outside the eligible countries")
    NOT_ORGANISATION = "not_organisation", _("Not an organisation")
    OUTSIDE_THEME = "outside_theme", _("Outside the theme of the award")
    DUPLICATE = "duplicate", _("Duplicate of another candidate")
    WITHDRAWN = "withdrawn", _("Every nomination was withdrawn")
    OTHER = "other", _("Other reason")


class SuggestionState(models.TextChoices):
    OPEN = "open", _("To decide")
    CONFIRMED = "confirmed", _("Confirmed: merged")
    REJECTED = "rejected", _("Not the same organisation")


# Staff merge the pair or reject it; a rejected pair may be reopened, and a confirmed one opens
# again when its merge is undone (services.merging).
SUGGESTION_TRANSITIONS: dict[str, set[str]] = {
    SuggestionState.OPEN: {SuggestionState.CONFIRMED, SuggestionState.REJECTED},
    SuggestionState.CONFIRMED: {SuggestionState.OPEN},
    SuggestionState.REJECTED: {SuggestionState.OPEN},
}


class Flag(models.TextChoices):
    """What staff should know before reading a candidate's support as broad."""

    COORDINATED_DOMAIN = "coordinated_domain", _("Several nominations from one email domain")
    COORDINATED_NETWORK = "coordinated_network", _("Several nominations from one network")
    SELF_NOMINATED = "self_nominated", _("Self-nominated")
    SAFEGUARDING = "safeguarding", _("Safeguarding check found details")


class DiligenceArea(models.TextChoices):
    """What the secretariat checks before the committee reads a candidate."""

    FINANCES = "finances", _("Finances and governance")
    CHILD_RIGHTS = "child_rights", _("A child-rights-based approach")
    SAFEGUARDING = "safeguarding", _("Safeguarding policy and procedures")
    AIMS_AND_IMPACT = "aims_and_impact", _("Aims and impact")
    DO_NO_HARM = "do_no_harm", _("Do no harm")


class DiligenceStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    SATISFACTORY = "satisfactory", _("Satisfactory")
    CONCERN = "concern", _("Concern")


# A check is done when it has a verdict, good or not: staff decide what a concern means.
DILIGENCE_DONE = {DiligenceStatus.SATISFACTORY, DiligenceStatus.CONCERN}


class DocumentKind(models.TextChoices):
    SAFEGUARDING_POLICY = "safeguarding_policy", _("Safeguarding policy")
    ANNUAL_REPORT = "annual_report", _("Latest annual report")
    FINANCIAL_STATEMENT = "financial_statement", _("Financial statement")
    OTHER = "other", _("Other document")


class Consent(models.TextChoices):
    NOT_ASKED = "not_asked", _("Not asked yet")
    PENDING = "pending", _("Asked, no answer yet")
    GIVEN = "given", _("Consents to be considered")
    REFUSED = "refused", _("Does not want to be considered")


class WorkKind(models.TextChoices):
    """Kinds of work, tagged during screening so that the laureates can complement each other."""

    VICTIM_SUPPORT = "victim_support", _("Victim support")
    PREVENTION = "prevention", _("Prevention")
    TECHNOLOGY = "technology", _("Technology")
    ADVOCACY = "advocacy", _("Advocacy")


class BulkAction(models.TextChoices):
    """What staff can do to many candidates at once from the list (services.bulk)."""

    ELIGIBLE = "eligible", _("Mark eligible")
    INELIGIBLE = "ineligible", _("Mark ineligible")
    READY = "ready", _("Mark ready for the committee")
    REMIND = "remind", _("Remind the organisations to answer")


class ReadyFilter(models.TextChoices):
    """The list's filter on readiness for the committee."""

    READY = "yes", _("Ready for the committee")
    NOT_READY = "no", _("Not ready yet")
