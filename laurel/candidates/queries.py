import re
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.candidates.enums import (
    ACTIVE_STATES,
    CandidateState,
    Consent,
    Flag,
    ReadyFilter,
    SuggestionState,
)
from laurel.candidates.models import (
    REDACTED,
    Candidate,
    ClaimInvitation,
    ContactChange,
    DiligenceCheck,
    DuplicateSuggestion,
    MergeRecord,
    Placement,
)
from laurel.core.models import AuditEntry
from laurel.core.texts import in_language
from laurel.cycles.award_questions import TEXT_KINDS
from laurel.cycles.models import Cycle
from laurel.nominations.enums import COUNTING_STATES, NominationState
from laurel.nominations.models import QUESTION_PREFIX, GivenAnswer, Nomination

# What the list can be sorted by; anything else in the query string is ignored.
SORTS = {
    "name": ["name", "id"],
    "-name": ["-name", "-id"],
    "country": ["country", "name", "id"],
    "nominations": ["-nomination_count", "name", "id"],
    "nominators": ["-nominator_count", "name", "id"],
    "first": ["first_nominated_at", "id"],
    "-first": ["-first_nominated_at", "-id"],
}
NOMINATION_COUNTS = {
    "1": Q(nomination_count=1),
    "2": Q(nomination_count__gte=2),
    "3": Q(nomination_count__gte=3),
}


def candidate_list(
    cycle: Cycle,
    *,
    search: str = "",
    country: str = "",
    state: str = "",
    flag: str = "",
    language: str = "",
    nominations: str = "",
    ready: str = "",
    sort: str = "name",
) -> QuerySet:
    """The cycle's candidates for staff; every parameter mapped through an allowlist.
    Counts and flags are columns (kept by the services): one query for any page."""
    rows = Candidate.objects.filter(cycle=cycle)
    rows = (
        rows.filter(state=state)
        if state in CandidateState.values
        else rows.filter(state__in=ACTIVE_STATES)
    )
    if search.strip():
        rows = rows.filter(name__icontains=search.strip()[:100])
    if len(country) == 2 and country.isalpha():
        rows = rows.filter(country=country.upper())
    if flag in Flag.values:
        # JSON containment is not on SQLite: the flag codes are distinct words in the text.
        rows = rows.filter(flags__icontains=f'"{flag}"')
    if language and len(language) == 2 and language.isalpha():
        rows = rows.filter(languages__icontains=f'"{language.lower()}"')
    if nominations in NOMINATION_COUNTS:
        rows = rows.filter(NOMINATION_COUNTS[nominations])
    if ready in ReadyFilter.values:
        rows = rows.filter(ready_for_committee=ready == ReadyFilter.READY)
    return rows.order_by(*SORTS.get(sort, SORTS["name"]))


def open_suggestions(cycle: Cycle) -> QuerySet:
    return (
        DuplicateSuggestion.objects.filter(cycle=cycle, state=SuggestionState.OPEN)
        .select_related("first", "second")
        .order_by("-confidence", "id")
    )


def suggestions_for(candidate: Candidate) -> QuerySet:
    return (
        DuplicateSuggestion.objects.filter(Q(first=candidate) | Q(second=candidate))
        .filter(state=SuggestionState.OPEN)
        .select_related("first", "second")
    )


def nominations_of(candidate: Candidate) -> QuerySet:
    """Every nomination the candidate holds, counting or not, with its documents and the
    committee's version (if prepared)."""
    return (
        Nomination.objects.filter(placement__candidate=candidate)
        .exclude(state=NominationState.DRAFT)
        .select_related("committee_version")
        .prefetch_related("attachments")
        .order_by("submitted_at", "id")
    )


def merges_of(candidate: Candidate) -> QuerySet:
    return (
        MergeRecord.objects.filter(Q(source=candidate) | Q(target=candidate))
        .select_related("source", "target", "merged_by", "undone_by")
        .order_by("-merged_at", "-id")
    )


def merge_targets(candidate: Candidate) -> QuerySet:
    return (
        Candidate.objects.filter(cycle_id=candidate.cycle_id, state__in=ACTIVE_STATES)
        .exclude(pk=candidate.pk)
        .only("name", "country")
        .order_by("name", "id")
    )


def dashboard_counts(cycle: Cycle) -> dict[str, int]:
    counts = Candidate.objects.filter(cycle=cycle).aggregate(
        to_screen=Count("id", filter=Q(state=CandidateState.TO_SCREEN)),
        eligible=Count("id", filter=Q(state=CandidateState.ELIGIBLE)),
        ineligible=Count("id", filter=Q(state=CandidateState.INELIGIBLE)),
    )
    return {
        "candidates_to_screen": counts["to_screen"],
        "candidates_eligible": counts["eligible"],
        "candidates_ineligible": counts["ineligible"],
        "duplicates_to_decide": DuplicateSuggestion.objects.filter(
            cycle=cycle, state=SuggestionState.OPEN
        ).count(),
    }


def waiting_notices(cycle: Cycle, candidate: Candidate | None = None) -> QuerySet:
    """The nominations whose nominators are still to be told that their candidate is
    ineligible (one email each): the candidate is ineligible now, the nomination counts, and
    nobody told them yet. A candidate marked eligible again drops out, so nothing leaves."""
    placements = _untold().filter(
        candidate__cycle=cycle, candidate__state=CandidateState.INELIGIBLE
    )
    if candidate is not None:
        placements = placements.filter(candidate=candidate)
    return placements


def ineligibility_emails(candidate: Candidate) -> int:
    """How many emails marking this candidate ineligible leads to (now or when nominations
    close): one per counting nomination whose nominator was not told yet."""
    return _untold().filter(candidate=candidate).count()


def _untold() -> QuerySet:
    return Placement.objects.filter(
        nomination__state__in=COUNTING_STATES, ineligible_notified_at=None
    )


def diligence_of(candidate: Candidate) -> dict[str, DiligenceCheck]:
    """The candidate's checks by area (an area not yet checked is missing)."""
    return {check.area: check for check in candidate.checks.select_related("updated_by")}


# Who reads an answer to one of the award's questions besides staff (its `visible_to`).
COMMITTEE_READS = ("committee", "public")


def committee_answers(nomination: Nomination) -> list[GivenAnswer]:
    """The answers to the award's questions that the committee may read (visible to the
    committee or public), in the file's order; a staff-only answer is never among them."""
    return [a for a in nomination.given_answers if a.question.visible_to in COMMITTEE_READS]


def _prepared(answer: GivenAnswer) -> bool:
    """An answer the committee reads in the version staff prepare: a text, which may hold what
    identifies someone. One that is personal data never reaches it (committee_dossier)."""
    return answer.question.kind in TEXT_KINDS and not answer.question.personal


def text_labels(nomination: Nomination) -> dict[str, str]:
    """The nomination's free texts that staff prepare for the committee, by field, with what
    each answers: the organisation's description, the criteria, the text answers the
    committee may read (committee_answers)."""
    titles = {c.number: c.title for c in nomination.cycle.criteria.order_by("number")}
    labels = {"org_description": str(_("What the organisation does"))}
    for number in sorted(nomination.answers, key=int):
        title = in_language(titles.get(int(number), {}), translation.get_language())
        labels[f"answer_{number}"] = f"{number}. {title}"
    for answer in committee_answers(nomination):
        if _prepared(answer):
            labels[answer.field] = answer.label
    return labels


def original_texts(nomination: Nomination) -> dict[str, str]:
    """The nomination's free texts that staff prepare for the committee (text_labels), as the
    nominator wrote them."""
    texts = {"org_description": nomination.org_description}
    for number, text in sorted(nomination.answers.items(), key=lambda item: int(item[0])):
        texts[f"answer_{number}"] = text
    for answer in committee_answers(nomination):
        if _prepared(answer):
            texts[answer.field] = str(nomination.question_answers[answer.question.key])
    return texts


def committee_texts(nomination: Nomination) -> dict[str, str]:
    version = getattr(nomination, "committee_version", None)
    return dict(version.texts) if version is not None else {}


def marked_originals(nomination: Nomination) -> list[tuple[str, list[tuple[str, bool]]]]:
    """Each free text as written, cut into pieces, with what the safeguarding check flagged
    marked: [(label, [(piece, flagged), …]), …]. The template escapes every piece."""
    labels = text_labels(nomination)
    flagged: dict[str, list[str]] = {}
    for flag in nomination.safeguarding_flags:
        if flag.get("text"):
            flagged.setdefault(flag.get("field", ""), []).append(flag["text"])
    result = []
    for field, text in original_texts(nomination).items():
        found = flagged.get(field, [])
        if not found:
            result.append((labels.get(field, field), [(text, False)]))
            continue
        pattern = re.compile("|".join(re.escape(piece) for piece in sorted(found, key=len)[::-1]))
        pieces, last = [], 0
        for match in pattern.finditer(text):
            pieces += [(text[last : match.start()], False), (match.group(0), True)]
            last = match.end()
        pieces.append((text[last:], False))
        result.append((labels.get(field, field), pieces))
    return result


@dataclass(frozen=True)
class Translation:
    """Staff's translation of a text the committee reads, shown beside it."""

    text: str
    into: str  # a working language
    written_in: str  # the language of the text ("" when it could not be told)
    by: str  # who translated it


def committee_dossier(
    candidate: Candidate,
) -> list[tuple[Nomination, list[tuple[str, str, Translation | None]]]]:
    """The nominations that count, each with the committee's version only, as (label, text,
    staff's translation of it or None): nothing of the original text is read here."""
    nominations = (
        Nomination.objects.filter(placement__candidate=candidate, state__in=COUNTING_STATES)
        .select_related("committee_version", "cycle")
        .order_by("submitted_at", "id")
    )
    dossier = []
    for nomination in nominations:
        texts = committee_texts(nomination)
        translated = _translations(nomination)
        labels = text_labels(nomination)
        rows = [
            (labels[f], texts.get(f, ""), translated.get(f))
            for f in labels
            if not f.startswith(QUESTION_PREFIX)
        ]
        for answer in committee_answers(nomination):
            if answer.question.personal:
                rows.append((answer.label, REDACTED, None))
            elif _prepared(answer):
                rows.append(
                    (answer.label, texts.get(answer.field, ""), translated.get(answer.field))
                )
            else:  # a choice, a number, a date…: nothing in it to redact
                rows.append((answer.label, answer.text, None))
        dossier.append((nomination, rows))
    return dossier


def _translations(nomination: Nomination) -> dict[str, Translation]:
    version = getattr(nomination, "committee_version", None)
    given = dict(version.translations) if version is not None else {}
    names = {
        user.pk: str(user)
        for user in User.objects.filter(pk__in={value.get("by") for value in given.values()})
    }
    return {
        field: Translation(
            text=value["text"],
            into=value["into"],
            written_in=value.get("from", ""),
            by=names.get(value.get("by"), _("a former staff member")),
        )
        for field, value in given.items()
    }


def nominations_per_day(cycle: Cycle) -> dict:
    """Submitted nominations (drafts aside) per day, in the cycle's time zone."""
    rows = (
        Nomination.objects.filter(cycle=cycle, submitted_at__isnull=False)
        .annotate(day=TruncDate("submitted_at", tzinfo=cycle.zone))
        .values_list("day")
        .annotate(n=Count("id"))
    )
    return dict(rows)


def nominations_per_country(cycle: Cycle) -> dict[str, int]:
    rows = (
        Nomination.objects.filter(cycle=cycle, submitted_at__isnull=False)
        .values_list("org_country")
        .annotate(n=Count("id"))
    )
    return dict(rows)


def contact_history(candidate: Candidate) -> QuerySet[ContactChange]:
    """Every change of the candidate's organisation's contact, newest first."""
    return ContactChange.objects.filter(organisation_id=candidate.organisation_id).select_related(
        "by", "candidate"
    )


def claims_told(candidate: Candidate) -> QuerySet[ClaimInvitation]:
    """The organisation's own answers on its consent page (those that told us something)."""
    return candidate.claims.exclude(used_at=None).exclude(told={}).order_by("-used_at")[:3]


# --- bulk work (the screening progress is in readiness.py) ---------------------------------


# An organisation reminded by staff is not reminded again by them sooner than this.
REMIND_AGAIN_AFTER = timedelta(days=1)


def recently_reminded(candidate_ids: list[int]) -> set[int]:
    """Those of the candidates whose organisation was reminded within REMIND_AGAIN_AFTER."""
    entries = AuditEntry.objects.filter(
        key="candidate.consent_reminded",
        subject_type=Candidate._meta.label_lower,
        subject_id__in=[str(pk) for pk in candidate_ids],
        at__gte=timezone.now() - REMIND_AGAIN_AFTER,
    )
    return {int(pk) for pk in entries.values_list("subject_id", flat=True)}


def consent_reminders(cycle: Cycle, candidate_ids: list[int]) -> QuerySet:
    """The live consent links of the chosen candidates whose organisation has not answered
    (the conditions of tasks.remind_organisation) and was not reminded in the last day: each
    may be reminded now."""
    candidate_ids = sorted(set(candidate_ids) - recently_reminded(candidate_ids))
    return ClaimInvitation.objects.filter(
        candidate__cycle=cycle,
        candidate_id__in=candidate_ids,
        candidate__state__in=ACTIVE_STATES,
        candidate__consent=Consent.PENDING,
        used_at=None,
        revoked_at=None,
        expires_at__gt=timezone.now(),
    ).select_related("candidate__cycle", "candidate__organisation")


def bulk_ineligibility_emails(cycle: Cycle, candidate_ids: list[int]) -> int:
    """How many nominators marking these candidates ineligible leads to telling (those not
    ineligible yet; merged and withdrawn ones are skipped)."""
    return (
        _untold()
        .filter(
            candidate__cycle=cycle,
            candidate_id__in=candidate_ids,
            candidate__state__in=[CandidateState.TO_SCREEN, CandidateState.ELIGIBLE],
        )
        .count()
    )
