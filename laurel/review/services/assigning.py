"""The assignment of reviewers: proposed by the optimiser, published by staff."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from laurel.accounts.models import User
from laurel.accounts.names import display_name
from laurel.candidates.enums import ACTIVE_STATES
from laurel.candidates.models import Candidate
from laurel.core.services import bulk_transition, enqueue, record
from laurel.cycles.models import Cycle
from laurel.cycles.phases import require_phase
from laurel.notifications.services import queue_email
from laurel.review.assignment import Infeasible, Problem, Solution, language_preference, solve
from laurel.review.enums import ASSIGNMENT_TRANSITIONS, AssignmentState, ReviewState
from laurel.review.models import Assignment, CommitteeProfile, Review
from laurel.review.services.committee import (
    ReviewError,
    blocking_pairs,
    committee_of,
    detect_conflicts,
)

REMIND = "laurel.review.tasks.remind_reviewers"
# Reminders to members with unfinished reviews, this long before the review phase ends.
REMINDERS = [timedelta(days=7), timedelta(days=2)]


@transaction.atomic
def propose_assignment(
    cycle: Cycle,
    *,
    actor: User,
    k: int = 3,
    min_load: int | None = None,
    max_load: int | None = None,
) -> Solution:
    """The optimal assignment of the candidates ready for the committee, kept as a proposal
    (replacing any earlier one); published assignments are kept as they are."""
    require_phase(cycle, "assign")
    candidates = list(
        Candidate.objects.filter(cycle=cycle, ready_for_committee=True, state__in=ACTIVE_STATES)
    )
    if not candidates:
        raise ReviewError(_("No candidate is ready for the committee yet."))
    members = committee_of(cycle)
    # Ties are compared again with every name the candidates carry now: a merge or a name
    # corrected since a member saved their ties can make a conflict nobody was shown.
    detect_conflicts(cycle)
    conflicts = blocking_pairs(cycle)
    languages = dict(
        CommitteeProfile.objects.filter(cycle=cycle).values_list("user_id", "languages")
    )
    ready = {c.pk for c in candidates}
    keep = frozenset(
        (candidate_id, member_id)
        for candidate_id, member_id in Assignment.objects.filter(
            cycle=cycle, state=AssignmentState.PUBLISHED
        ).values_list("candidate_id", "member_id")
        if candidate_id in ready and (candidate_id, member_id) not in conflicts
    )
    problem = Problem(
        candidates=[c.pk for c in candidates],
        members=[m.pk for m in members],
        k=k,
        min_load=min_load,
        max_load=max_load,
        conflicts=conflicts,
        keep=keep,
        preference={
            (c.pk, m.pk): language_preference(c.languages, languages.get(m.pk, []))
            for c in candidates
            for m in members
        },
    )
    try:
        solution = solve(problem)
    except Infeasible as infeasible:
        raise ReviewError(
            _infeasible_message(infeasible, candidates=candidates, members=members)
        ) from None
    Assignment.objects.filter(cycle=cycle, state=AssignmentState.PROPOSED).delete()
    Assignment.objects.bulk_create(
        Assignment(cycle=cycle, candidate_id=c, member_id=m, state=AssignmentState.PROPOSED)
        for c, m in solution.pairs
        if (c, m) not in keep
    )
    record(
        "assignment.proposed",
        actor=actor,
        subject=cycle,
        data={"pairs": len(solution.pairs), "objective": solution.objective, "k": k},
    )
    return solution


def _infeasible_message(
    infeasible: Infeasible, *, candidates: Iterable[Candidate], members: Iterable[User]
) -> str:
    """Why no assignment exists, in the reader's language, naming candidates and members."""
    data = infeasible.data
    names = {c.pk: c.name for c in candidates}
    people = {m.pk: display_name(m) for m in members}
    if infeasible.reason == "too_few_members":
        return (
            ngettext(
                "The committee has %(members)d member and every candidate needs %(k)d "
                "reviewers: invite more members or ask for fewer reviewers per candidate.",
                "The committee has %(members)d members and every candidate needs %(k)d "
                "reviewers: invite more members or ask for fewer reviewers per candidate.",
                data["members"],
            )
            % data
        )
    if infeasible.reason == "candidate_short":
        return ngettext(
            "%(name)s has only %(free)d member without a conflict and needs %(k)d: invite "
            "another member or ask for fewer reviewers.",
            "%(name)s has only %(free)d members without a conflict and needs %(k)d: invite "
            "another member or ask for fewer reviewers.",
            data["free"],
        ) % {**data, "name": names.get(data["candidate"], data["candidate"])}
    if infeasible.reason == "kept_conflict":
        return _(
            "%(member)s is assigned to %(name)s but now has a conflict with it: take them off "
            "first."
        ) % {
            "member": people.get(data["member"], data["member"]),
            "name": names.get(data["candidate"], data["candidate"]),
        }
    if infeasible.reason == "max_too_low":
        return (
            _(
                "%(needed)d reviews are needed but %(members)d members may take at most %(high)d "
                "each: raise the most candidates per member or invite more members."
            )
            % data
        )
    if infeasible.reason == "min_too_high":
        return (
            _(
                "Only %(needed)d reviews are needed but every member must take at least %(low)d: "
                "lower the fewest candidates per member."
            )
            % data
        )
    return _(
        "No assignment fits these loads with these conflicts: widen the fewest and most "
        "candidates per member, or invite more members."
    )


@transaction.atomic
def publish_assignment(cycle: Cycle, *, actor: User) -> int:
    """The proposal becomes the members' work; each member with new candidates is told."""
    require_phase(cycle, "assign")
    proposed = Assignment.objects.select_for_update().filter(
        cycle=cycle, state=AssignmentState.PROPOSED
    )
    counts: dict[int, int] = {}
    for assignment in proposed:
        counts[assignment.member_id] = counts.get(assignment.member_id, 0) + 1
    if not counts:
        raise ReviewError(_("There is no proposed assignment to publish."))
    bulk_transition(
        proposed, AssignmentState.PUBLISHED, ASSIGNMENT_TRANSITIONS, published_at=timezone.now()
    )
    for member in User.objects.filter(pk__in=counts):
        language = member.language or settings.LANGUAGE_CODE
        with translation.override(language):
            url = settings.SITE_URL + reverse("review:home")
        queue_email(
            "review_assigned",
            to=member.email,
            language=language,
            context={"cycle": cycle, "count": counts[member.pk], "url": url},
        )
    now = timezone.now()
    for before in REMINDERS:
        if cycle.review_close_at - before > now:
            enqueue(REMIND, cycle.pk, run_after=cycle.review_close_at - before)
    record(
        "assignment.published",
        actor=actor,
        subject=cycle,
        data={"pairs": sum(counts.values()), "members": len(counts)},
    )
    return sum(counts.values())


def _check_pair(cycle: Cycle, candidate: Candidate, member: User) -> None:
    if candidate.cycle_id != cycle.pk or not candidate.ready_for_committee:
        raise ReviewError(
            _("%(name)s is not ready for the committee of this cycle.") % {"name": candidate.name}
        )
    if member not in committee_of(cycle):
        raise ReviewError(
            _("%(member)s is not on this cycle's committee.") % {"member": display_name(member)}
        )
    if (candidate.pk, member.pk) in blocking_pairs(cycle):
        raise ReviewError(
            _("%(member)s has a conflict with %(name)s.")
            % {"member": display_name(member), "name": candidate.name}
        )


@transaction.atomic
def assign_by_hand(
    cycle: Cycle, candidate: Candidate, member: User, *, actor: User
) -> tuple[Assignment, bool]:
    """Staff add a reviewer themselves: never one with a conflict. Kept as proposed.
    (assignment, True) when it is new; an assignment that exists already is left as it is."""
    require_phase(cycle, "assign")
    _check_pair(cycle, candidate, member)
    assignment, created = Assignment.objects.get_or_create(
        candidate=candidate,
        member=member,
        defaults={"cycle": cycle, "state": AssignmentState.PROPOSED, "by_hand": True},
    )
    if created:
        record(
            "assignment.added_by_hand",
            actor=actor,
            subject=candidate,
            data={"member": member.pk},
        )
    return assignment, created


@transaction.atomic
def unassign(assignment: Assignment, *, actor: User) -> None:
    """Staff take a reviewer off a candidate, unless a review was submitted."""
    require_phase(assignment.cycle_id, "assign")
    if Review.objects.filter(
        candidate_id=assignment.candidate_id,
        member_id=assignment.member_id,
        state=ReviewState.SUBMITTED,
    ).exists():
        raise ReviewError(_("This member has submitted a review of it; it stays assigned."))
    record(
        "assignment.removed",
        actor=actor,
        subject=assignment.candidate,
        data={"member": assignment.member_id, "state": assignment.state},
    )
    assignment.delete()


@dataclass(frozen=True)
class Imported:
    """What an import changed: assignments added, and lines naming one that already existed
    (or repeating an earlier line)."""

    added: int
    unchanged: int


@transaction.atomic
def import_assignments(cycle: Cycle, rows: list[dict[str, str]], *, actor: User) -> Imported:
    """Assignments from a CSV (candidate_id, member): all lines or none; every refused line is
    named in the message."""
    require_phase(cycle, "assign")
    members = {m.email.lower(): m for m in committee_of(cycle)}
    candidates = {
        str(c.pk): c for c in Candidate.objects.filter(cycle=cycle, ready_for_committee=True)
    }
    problems, pairs = [], []
    for line, row in enumerate(rows, start=2):
        candidate = candidates.get((row.get("candidate_id") or "").strip())
        member = members.get((row.get("member") or "").strip().lower())
        if candidate is None or member is None:
            problems.append(_("line %(line)d: unknown candidate or member") % {"line": line})
            continue
        try:
            _check_pair(cycle, candidate, member)
        except ReviewError as error:
            problems.append(
                _("line %(line)d: %(problem)s") % {"line": line, "problem": error.message}
            )
            continue
        pairs.append((candidate, member))
    if problems:
        raise ReviewError(
            _("Nothing was imported. %(problems)s") % {"problems": "; ".join(problems)}
        )
    added = sum(
        assign_by_hand(cycle, candidate, member, actor=actor)[1] for candidate, member in pairs
    )
    return Imported(added=added, unchanged=len(pairs) - added)
