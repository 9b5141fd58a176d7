import rules

from laurel.accounts.rules import is_staff_member

rules.add_perm("api.manage_tokens", is_staff_member)
