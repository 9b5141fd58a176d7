from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from django.db.models import QuerySet
from django_stubs_ext import StrOrPromise

from laurel.accounts.models import User
from laurel.candidates.enums import ACTIVE_STATES, DiligenceArea
from laurel.candidates.models import Candidate
from laurel.cycles.models import Cycle
from laurel.review.aggregation import Results, Score, aggregate
from laurel.review.enums import BLOCKING_STATES, AssignmentState, ConflictState, ReviewState
from laurel.review.models import Assignment, Comment, CommitteeProfile, Conflict, Review


def assignment_table(cycle: Cycle) -> list[tuple[Candidate, list[Assignment]]]:
    """Every candidate ready for the committee with its assignments (published and proposed)."""
    by_candidate: dict[int, list[Assignment]] = defaultdict(list)
    for assignment in Assignment.objects.filter(cycle=cycle).select_related("member"):
        by_candidate[assignment.candidate_id].append(assignment)
    candidates = Candidate.objects.filter(
        cycle=cycle, ready_for_committee=True, state__in=ACTIVE_STATES
    ).order_by("name", "id")
    return [(c, by_candidate.get(c.pk, [])) for c in candidates]


def loads(cycle: Cycle) -> list[tuple[str, int, int]]:
    """Per member: (email, published, proposed)."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for email, state in Assignment.objects.filter(cycle=cycle).values_list(
        "member__email", "state"
    ):
        counts[email][0 if state == AssignmentState.PUBLISHED else 1] += 1
    return sorted((email, p, q) for email, (p, q) in counts.items())


def conflict_register(cycle: Cycle) -> QuerySet:
    return (
        Conflict.objects.filter(cycle=cycle)
        .select_related("member", "candidate")
        .order_by("candidate__name", "member__email")
    )


def member_conflicts(user: User, cycle: Cycle) -> QuerySet[Conflict]:
    return Conflict.objects.filter(cycle=cycle, member=user).select_related("candidate")


@dataclass(frozen=True)
class CandidateRow:
    """A candidate on a member's list, with where the member stands with it: `conflict` is the
    state of the member's blocking conflict with it (suggested or confirmed), or "" if none."""

    candidate: Candidate
    conflict: str = ""

    @property
    def blocked(self) -> bool:
        return bool(self.conflict)


@dataclass(frozen=True)
class MemberHome:
    """A committee member's starting page: the conflicts to answer, those decided, and every
    candidate ready for the committee, each marked with the member's conflict with it."""

    suggested: list[Conflict]
    decided: list[Conflict]
    rows: list[CandidateRow]


def member_home(user: User, cycle: Cycle) -> MemberHome:
    conflicts = list(member_conflicts(user, cycle))
    blocking = {c.candidate_id: c.state for c in conflicts if c.state in BLOCKING_STATES}
    return MemberHome(
        suggested=[c for c in conflicts if c.state == ConflictState.SUGGESTED],
        decided=[c for c in conflicts if c.state != ConflictState.SUGGESTED],
        rows=[
            CandidateRow(candidate, blocking.get(candidate.pk, ""))
            for candidate in ready_candidates(cycle)
        ],
    )


def suggested_conflicts(user: User, cycle: Cycle) -> QuerySet[Conflict]:
    return member_conflicts(user, cycle).filter(state=ConflictState.SUGGESTED)


def profile_of(user: User, cycle: Cycle) -> CommitteeProfile | None:
    return (
        CommitteeProfile.objects.filter(user=user, cycle=cycle)
        .prefetch_related("affiliations")
        .first()
    )


def ready_candidates(cycle: Cycle) -> QuerySet:
    return Candidate.objects.filter(
        cycle=cycle, ready_for_committee=True, state__in=ACTIVE_STATES
    ).order_by("name", "id")


def assigned_to(user: User, cycle: Cycle) -> QuerySet[Assignment]:
    return (
        Assignment.objects.filter(cycle=cycle, member=user, state=AssignmentState.PUBLISHED)
        .select_related("candidate")
        .order_by("candidate__name")
    )


def review_of(user: User, candidate: Candidate) -> Review | None:
    return Review.objects.filter(member=user, candidate=candidate).first()


def other_reviews(user: User, candidate: Candidate) -> QuerySet[Review]:
    """The other members' submitted reviews (the caller checks visibility first)."""
    return (
        Review.objects.filter(candidate=candidate, state=ReviewState.SUBMITTED)
        .exclude(member=user)
        .select_related("member")
        .order_by("submitted_at")
    )


def queue(user: User, cycle: Cycle) -> list[tuple[Assignment, Review | None]]:
    """A member's published assignments, each with their review (or None) — two queries."""
    assignments = list(assigned_to(user, cycle))
    reviews = {
        r.candidate_id: r
        for r in Review.objects.filter(
            member=user, candidate_id__in=[a.candidate_id for a in assignments]
        )
    }
    return [(a, reviews.get(a.candidate_id)) for a in assignments]


def is_assigned(user: User, candidate: Candidate) -> bool:
    return Assignment.objects.filter(
        member=user, candidate=candidate, state=AssignmentState.PUBLISHED
    ).exists()


# A row of the results: {"candidate": Candidate, "result": CandidateResult}.
ResultRow = dict[str, Any]
# What `results` finds: the rows, the aggregation, each reviewer's address, the reviews.
Found = tuple[list[ResultRow], Results, dict[int, str], list[Review]]

RESULT_SORTS: dict[str, Callable[[ResultRow], Any]] = {
    "normalised": lambda row: -row["result"].normalised_total,
    "weighted": lambda row: -row["result"].weighted_total,
    "spread": lambda row: -row["result"].total_spread,
    "reviews": lambda row: -row["result"].reviews,
    "name": lambda row: row["candidate"].name.lower(),
}


def _result_sort(sort: str, weights: dict[str, float]) -> Callable[[ResultRow], Any]:
    """A key from the allowlist, or a criterion's mean or median: "mean_2", "median_4"."""
    if sort in RESULT_SORTS:
        return RESULT_SORTS[sort]
    measure, _sep, number = sort.partition("_")
    if measure in {"mean", "median"} and number in weights:
        return lambda row: -getattr(row["result"], measure).get(number, 0.0)
    return RESULT_SORTS["normalised"]


def results(cycle: Cycle, *, sort: str = "normalised") -> Found:
    """The committee's results: every submitted, scored review of the cycle in one query,
    the candidates in another, combined by aggregation.aggregate. Rows sorted by an allowlisted
    key; the Results object too (alpha, reviewers who stand out)."""
    reviews = list(
        Review.objects.filter(cycle=cycle, state=ReviewState.SUBMITTED, abstained=False)
        .select_related("member")
        .only("candidate_id", "member_id", "member__email", "scores")
    )
    scores = [
        Score(r.candidate_id, r.member_id, number, float(value))
        for r in reviews
        for number, value in r.scores.items()
    ]
    weights = {str(c.number): float(c.weight) for c in cycle.criteria.all()}
    combined = aggregate(scores, weights, (cycle.score_min, cycle.score_max))
    candidates = {c.pk: c for c in Candidate.objects.filter(pk__in=combined.candidates)}
    rows = [
        {"candidate": candidates[pk], "result": result}
        for pk, result in combined.candidates.items()
        if pk in candidates
    ]
    rows.sort(key=_result_sort(sort, weights))
    emails = {r.member_id: r.member.email for r in reviews}
    return rows, combined, emails, reviews


def conflicted_candidates(user: User, cycle: Cycle) -> set[int]:
    """The candidates a member or chair may not judge (a suggested conflict counts until
    dismissed)."""
    return set(
        Conflict.objects.filter(cycle=cycle, member=user, state__in=BLOCKING_STATES).values_list(
            "candidate_id", flat=True
        )
    )


def results_for(user: User, cycle: Cycle, *, sort: str = "normalised") -> Found:
    """The results as `user` may read them: nothing of a candidate they have a conflict with."""
    return without_candidates(results(cycle, sort=sort), conflicted_candidates(user, cycle))


def without_candidates(found: Found, hidden: set[int]) -> Found:
    """`results(...)` with nothing of the hidden candidates: neither their rows nor their
    reviews, nor a reviewer known only from them. The numbers of the others stay those everyone
    sees (the aggregation still counted every review)."""
    rows, combined, emails, reviews = found
    if not hidden:
        return rows, combined, emails, reviews
    rows = [row for row in rows if row["candidate"].pk not in hidden]
    reviews = [review for review in reviews if review.candidate_id not in hidden]
    seen = {review.member_id for review in reviews}
    combined = replace(
        combined,
        candidates={pk: r for pk, r in combined.candidates.items() if pk not in hidden},
        reviewers=[reviewer for reviewer in combined.reviewers if reviewer.member in seen],
    )
    emails = {member: email for member, email in emails.items() if member in seen}
    return rows, combined, emails, reviews


def progress(cycle: Cycle) -> tuple[list[dict], list[dict]]:
    """Per member and per candidate: assigned, drafts, submitted (three queries)."""
    assigned = list(
        Assignment.objects.filter(cycle=cycle, state=AssignmentState.PUBLISHED).values_list(
            "candidate_id", "candidate__name", "member_id", "member__email"
        )
    )
    states = {
        (c, m): state
        for c, m, state in Review.objects.filter(cycle=cycle).values_list(
            "candidate_id", "member_id", "state"
        )
    }
    members: dict[str, dict] = {}
    candidates: dict[str, dict] = {}
    for candidate_id, name, member_id, email in assigned:
        state = states.get((candidate_id, member_id))
        for table, key in ((members, email), (candidates, name)):
            row = table.setdefault(key, {"name": key, "assigned": 0, "drafts": 0, "submitted": 0})
            row["assigned"] += 1
            row["drafts"] += state == ReviewState.DRAFT
            row["submitted"] += state == ReviewState.SUBMITTED
    return sorted(members.values(), key=lambda r: r["name"]), sorted(
        candidates.values(), key=lambda r: r["name"]
    )


def discussion(candidate: Candidate) -> QuerySet[Comment]:
    return Comment.objects.filter(candidate=candidate).select_related("author")


def diligence_summary(candidate: Candidate) -> list[tuple[StrOrPromise, str, str]]:
    """(area, verdict, note for the committee) for the committee: the verdicts and what staff
    wrote for the committee beside them, never staff's own working notes."""
    checks = {c.area: c for c in candidate.checks.all()}
    return [
        (
            area.label,
            checks[area.value].get_status_display() if area.value in checks else "—",
            checks[area.value].committee_note if area.value in checks else "",
        )
        for area in DiligenceArea
    ]


def proposed_assignment(cycle: Cycle) -> tuple[int, int]:
    """(pairs proposed, members they would go to): what publishing would tell."""
    proposed = Assignment.objects.filter(cycle=cycle, state=AssignmentState.PROPOSED)
    return proposed.count(), proposed.values("member").distinct().count()
