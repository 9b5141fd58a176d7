"""Who may do what in the review (see docs/permissions.md): composed from accounts' roles."""

import rules

from laurel.accounts.rules import chairs, is_committee, is_staff_member, sits_on_committee
from laurel.review.enums import BLOCKING_STATES
from laurel.review.models import Conflict

rules.add_perm("review.manage_assignment", is_staff_member)
rules.add_perm("review.view_conflict_register", is_staff_member)
rules.add_perm("review.edit_conflict_register", is_staff_member)
# The link to the committee's area in the site's navigation: on the committee of some cycle.
rules.add_perm("review.use_committee_area", is_committee)
# The committee's area of one cycle (the object): its members and chair.
rules.add_perm("review.take_part", sits_on_committee)


# The object of these is a candidate.
@rules.predicate
def is_ready_for_committee(user, candidate) -> bool:
    return candidate is not None and candidate.ready_for_committee


@rules.predicate
def on_committee_of(user, candidate) -> bool:
    """On the committee of the candidate's cycle."""
    return candidate is not None and sits_on_committee(user, candidate.cycle)


@rules.predicate
def has_conflict_with(user, candidate) -> bool:
    """A conflict with the candidate (a suggested one counts until dismissed)."""
    return Conflict.objects.filter(
        member=user, candidate=candidate, state__in=BLOCKING_STATES
    ).exists()


# A committee member or chair of the candidate's cycle reads it once it is ready for the
# committee, and only without a conflict.
rules.add_perm(
    "review.read_candidate", is_ready_for_committee & on_committee_of & ~has_conflict_with
)
rules.add_perm("review.declare_conflict", on_committee_of)

# The object is the cycle whose results are read (a chair of another cycle gets a 404).
rules.add_perm("review.view_results", is_staff_member | chairs)
