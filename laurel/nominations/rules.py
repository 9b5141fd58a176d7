import rules

from laurel.accounts.rules import is_staff_member

rules.add_perm("nominations.view_nominations", is_staff_member)
rules.add_perm("nominations.create_late_code", is_staff_member)
rules.add_perm("nominations.download_attachment", is_staff_member)
rules.add_perm("nominations.moderate", is_staff_member)
