"""Who may read screenings and decide hits: staff; finance reads them (a payment waits on
them). See docs/permissions.md."""

import rules

from laurel.accounts.rules import is_finance, is_staff_member

rules.add_perm("sanctions.decide_hit", is_staff_member)
rules.add_perm("sanctions.view_screening", is_staff_member | is_finance)
