from django.db.models import Count, Q, QuerySet

from laurel.candidates.enums import ACTIVE_STATES, CandidateState, Flag, SuggestionState
from laurel.candidates.models import Candidate, DuplicateSuggestion, MergeRecord
from laurel.cycles.models import Cycle
from laurel.nominations.enums import NominationState
from laurel.nominations.models import Nomination

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
    """Every nomination the candidate holds, counting or not, with its documents."""
    return (
        Nomination.objects.filter(placement__candidate=candidate)
        .exclude(state=NominationState.DRAFT)
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
