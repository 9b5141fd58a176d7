"""Who may do what with data protection: staff."""

import rules

from laurel.accounts.rules import is_staff_member

rules.add_perm("privacy.manage", is_staff_member)
