from collections.abc import Callable

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When

from laurel.accounts.models import User
from laurel.accounts.queries import committee_members
from laurel.candidates.enums import CandidateState
from laurel.candidates.models import Candidate
from laurel.cycles.models import Cycle
from laurel.review.enums import BLOCKING_STATES
from laurel.review.models import Conflict
from laurel.review.queries import (
    conflicted_candidates,  # noqa: F401 (one definition, used here too)
)
from laurel.selection.enums import Answer, DecisionState, ListKind, PlaceRole, RoundState
from laurel.selection.models import (
    Ballot,
    Decision,
    Letter,
    Meeting,
    Place,
    Receipt,
    ShortlistEntry,
    VotingRound,
)


def selectable(cycle: Cycle) -> QuerySet:
    """Candidates the committee may choose: eligible and ready for it."""
    return Candidate.objects.filter(
        cycle=cycle, state=CandidateState.ELIGIBLE, ready_for_committee=True
    )


# The agenda's order: the shortlist, then the reserve (not the alphabet's "reserve" first).
LIST_ORDER = Case(
    When(kind=ListKind.SHORTLIST, then=Value(0)),
    default=Value(1),
    output_field=IntegerField(),
)


def shortlist(cycle: Cycle) -> QuerySet:
    """The shortlist then the reserve, each in its own order: the meeting's agenda."""
    return (
        ShortlistEntry.objects.filter(cycle=cycle)
        .select_related("candidate", "added_by", "recorded_by")
        .prefetch_related("recused")
        .order_by(LIST_ORDER, "position", "id")
    )


def neighbours(
    agenda: list[ShortlistEntry], current: ShortlistEntry | None
) -> tuple[ShortlistEntry | None, ShortlistEntry | None]:
    """The agenda items before and after the current one (the first item is next when the
    meeting has not started)."""
    ids = [e.pk for e in agenda]
    if current is None or current.pk not in ids:
        return None, (agenda[0] if agenda else None)
    at = ids.index(current.pk)
    return (agenda[at - 1] if at > 0 else None), (agenda[at + 1] if at + 1 < len(ids) else None)


def open_rounds(cycle: Cycle) -> list[VotingRound]:
    return list(VotingRound.objects.filter(cycle=cycle, state=RoundState.OPEN).order_by("number"))


def shortlist_by_kind(cycle: Cycle) -> dict[str, list[ShortlistEntry]]:
    lists: dict[str, list[ShortlistEntry]] = {kind: [] for kind in ListKind.values}
    for entry in shortlist(cycle):
        lists[entry.kind].append(entry)
    return lists


def meeting_of(cycle: Cycle) -> Meeting:
    meeting, _created = Meeting.objects.select_related("current__candidate").get_or_create(
        cycle=cycle
    )
    return meeting


def conflicted_members(cycle: Cycle) -> dict[int, set[int]]:
    """Per candidate, the members who may not judge it."""
    by_candidate: dict[int, set[int]] = {}
    for candidate_id, member_id in Conflict.objects.filter(
        cycle=cycle, state__in=BLOCKING_STATES
    ).values_list("candidate_id", "member_id"):
        by_candidate.setdefault(candidate_id, set()).add(member_id)
    return by_candidate


def voted_in(user: User, rounds: list[VotingRound]) -> set[int]:
    """The rounds among `rounds` that `user` has voted in."""
    return set(
        Receipt.objects.filter(round__in=rounds, voter=user).values_list("round_id", flat=True)
    )


def meeting_version(meeting: Meeting, open_rounds: list[VotingRound], voted: set[int]) -> str:
    """What a member's screen of the meeting depends on, as a short string: the chair's step,
    the current item's record, the open rounds and whether the reader voted in them."""
    current = meeting.current
    recorded = current.recorded_at.timestamp() if current and current.recorded_at else 0
    rounds = ".".join(f"{r.pk}{'v' if r.pk in voted else ''}" for r in open_rounds)
    return f"{meeting.step}-{meeting.current_id or 0}-{recorded:.6f}-{rounds}"


def rounds(cycle: Cycle) -> QuerySet:
    return (
        VotingRound.objects.filter(cycle=cycle)
        .prefetch_related(Prefetch("candidates", queryset=Candidate.objects.order_by("name")))
        .prefetch_related("receipts")
        .order_by("-number")
    )


def open_ballots(round_: VotingRound) -> QuerySet:
    return Ballot.objects.filter(round=round_).select_related("voter").order_by("id")


def turnout(round_: VotingRound) -> tuple[int, int]:
    """(members who have voted in the round, members who have not): the committee of the
    round's cycle, chair included."""
    voted = round_.receipts.count()
    return voted, max(committee_members(round_.cycle).count() - voted, 0)


def decision_of(cycle: Cycle) -> Decision | None:
    return Decision.objects.filter(cycle=cycle).select_related("locked_by").first()


def places(decision: Decision | None) -> dict[str, list[Place]]:
    result: dict[str, list[Place]] = {role: [] for role in PlaceRole.values}
    if decision is None:
        return result
    for place in (
        Place.objects.filter(decision=decision)
        .select_related("candidate")
        .order_by("role", "position")
    ):
        result[place.role].append(place)
    return result


def announced_laureates(cycle: Cycle) -> QuerySet:
    """The public list: once the decision is announced, only the laureates that accepted the
    award and said their name may be published (a source in NAMED_IN_PUBLIC). A laureate that
    has not answered, declined or keeps its name back is not listed at all."""
    return (
        Place.objects.filter(
            decision__cycle=cycle,
            decision__state=DecisionState.ANNOUNCED,
            role=PlaceRole.LAUREATE,
            answer=Answer.ACCEPTED,
            candidate_id__in=named_in_public(cycle),
        )
        .select_related("candidate")
        .order_by("candidate__name", "candidate_id")
    )


# Apps above this one say which laureates may be named in public (a laureate's media consent):
# each takes the cycle and returns candidate ids. With no source, nobody is named.
NAMED_IN_PUBLIC: list[Callable[[Cycle], set[int]]] = []


def named_in_public(cycle: Cycle) -> set[int]:
    """Candidates every source agrees may be named in public (none without a source)."""
    if not NAMED_IN_PUBLIC:
        return set()
    return set.intersection(*(source(cycle) for source in NAMED_IN_PUBLIC))


def announced_cycle() -> Cycle | None:
    """The latest cycle whose laureates are announced."""
    return (
        Cycle.objects.filter(decision__state=DecisionState.ANNOUNCED)
        .order_by("-decision__announced_at")
        .first()
    )


def letters_of(decision: Decision | None) -> QuerySet[Letter]:
    """The decision's letters with their emails, for the letters page (a fixed number of
    queries however many)."""
    if decision is None:
        return Letter.objects.none()
    return decision.letters.select_related("candidate", "nomination", "email").order_by(
        "kind", "candidate__name", "to", "id"
    )
