import rules

from laurel.accounts.enums import Role
from laurel.accounts.rules import is_committee, is_staff_member

rules.add_perm("candidates.view_candidates", is_staff_member)
rules.add_perm("candidates.screen", is_staff_member)
rules.add_perm("candidates.merge", is_staff_member)


@rules.predicate
def on_committee_of_ready_candidate(user, candidate) -> bool:
    """A committee member or chair of the candidate's cycle, once staff marked it ready."""
    if candidate is None or not user.is_authenticated or not user.is_active:
        return False
    if not candidate.ready_for_committee:
        return False
    return user.has_role(Role.COMMITTEE_MEMBER, candidate.cycle) or user.has_role(
        Role.COMMITTEE_CHAIR, candidate.cycle
    )


rules.add_perm("candidates.prepare_dossier", is_staff_member)
rules.add_perm("candidates.invite_organisation", is_staff_member)
rules.add_perm("candidates.view_committee_list", is_committee)
rules.add_perm("candidates.view_dossier", on_committee_of_ready_candidate)
