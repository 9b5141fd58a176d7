import rules

from laurel.accounts.rules import is_staff_member

rules.add_perm("cycles.view_cycle", is_staff_member)
rules.add_perm("cycles.change_cycle", is_staff_member)
rules.add_perm("cycles.move_phase", is_staff_member)
