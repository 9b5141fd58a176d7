"""Who may do what in the selection (see docs/permissions.md). The object is the cycle."""

import rules

from laurel.accounts.rules import chairs, is_committee, is_staff_member, sits_on_committee

# Shortlist, the meeting's steering and record, voting rounds, overrides, the report.
rules.add_perm("selection.lead", is_staff_member | chairs)
# Following the meeting and voting.
rules.add_perm("selection.take_part", sits_on_committee)
# Locking the decision is the chair's confirmation.
rules.add_perm("selection.lock", chairs)
# The slate's constraints, the letters, the announcement.
rules.add_perm("selection.manage", is_staff_member)
# Following the meeting and seeing the rounds' results.
rules.add_perm("selection.follow", is_staff_member | sits_on_committee)
# The link to the selection in the site's navigation: staff lead it in the cycle they pick,
# the committee follow it in theirs (staff_views.home sends each where they belong).
rules.add_perm("selection.open_area", is_staff_member | is_committee)
