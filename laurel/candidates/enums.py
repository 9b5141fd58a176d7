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
    REJECTED = "rejected", _("Rejected: different organisations")


class Flag(models.TextChoices):
    """What staff should know before reading a candidate's support as broad."""

    COORDINATED_DOMAIN = "coordinated_domain", _("Several nominations from one email domain")
    COORDINATED_NETWORK = "coordinated_network", _("Several nominations from one network")
    SELF_NOMINATED = "self_nominated", _("Self-nominated")
    SAFEGUARDING = "safeguarding", _("Safeguarding check found details")
