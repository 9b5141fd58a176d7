import rules

from laurel.accounts.enums import Role
from laurel.accounts.rules import is_committee, is_staff_member
from laurel.review.enums import BLOCKING_STATES
from laurel.review.models import Conflict

rules.add_perm("review.manage_assignment", is_staff_member)
rules.add_perm("review.view_conflict_register", is_staff_member)
rules.add_perm("review.edit_conflict_register", is_staff_member)
rules.add_perm("review.use_committee_area", is_committee)


@rules.predicate
def may_read_candidate(user, candidate) -> bool:
    """A committee member or chair of the candidate's cycle, once it is ready for the
    committee, and only without a conflict (a suggested one counts until dismissed)."""

    if candidate is None or not user.is_authenticated or not user.is_active:
        return False
    if not candidate.ready_for_committee:
        return False
    if not (
        user.has_role(Role.COMMITTEE_MEMBER, candidate.cycle)
        or user.has_role(Role.COMMITTEE_CHAIR, candidate.cycle)
    ):
        return False
    return not Conflict.objects.filter(
        member=user, candidate=candidate, state__in=BLOCKING_STATES
    ).exists()


@rules.predicate
def on_committee_of(user, candidate) -> bool:
    if candidate is None or not user.is_authenticated or not user.is_active:
        return False
    return user.has_role(Role.COMMITTEE_MEMBER, candidate.cycle) or user.has_role(
        Role.COMMITTEE_CHAIR, candidate.cycle
    )


rules.add_perm("review.read_candidate", may_read_candidate)
rules.add_perm("review.declare_conflict", on_committee_of)


@rules.predicate
def chairs(user, cycle) -> bool:
    """The chair of that very cycle: a chair's rights hang on the cycle of their role grant."""
    if cycle is None or not user.is_authenticated or not user.is_active:
        return False
    return user.has_role(Role.COMMITTEE_CHAIR, cycle)


# The object is the cycle whose results are read (a chair of another cycle gets a 404).
rules.add_perm("review.view_results", is_staff_member | chairs)
