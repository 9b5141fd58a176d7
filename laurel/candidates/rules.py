import rules

from laurel.accounts.rules import is_staff_member

rules.add_perm("candidates.view_candidates", is_staff_member)
rules.add_perm("candidates.screen", is_staff_member)
rules.add_perm("candidates.merge", is_staff_member)


rules.add_perm("candidates.prepare_dossier", is_staff_member)
rules.add_perm("candidates.invite_organisation", is_staff_member)
rules.add_perm("candidates.edit_contact", is_staff_member)
