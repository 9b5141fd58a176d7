"""Who may do what: django-rules predicates (ARCHITECTURE rule 3). See docs/permissions.md.

The role predicates live here, once; each app's rules.py composes them with `&`, `|` and `~`
into its permissions. A predicate that takes a cycle holds only in that very cycle: a chair's
or a member's rights hang on the cycle of their role grant."""

import rules

from laurel.accounts.enums import COMMITTEE_ROLES, Role

# Every right starts here: an anonymous visitor or a deactivated account holds none.
is_signed_in = rules.is_authenticated & rules.is_active


@rules.predicate
def names_an_object(user, obj) -> bool:
    """The permission is asked about an object (a cycle, a candidate), not in general."""
    return obj is not None


def _holds(*roles: str) -> rules.Predicate:
    """Holds one of `roles` anywhere (staff and finance are held across the installation)."""
    wanted = frozenset(roles)

    @rules.predicate(name=f"holds {' or '.join(sorted(wanted))}")
    def holds(user) -> bool:
        return bool(user.role_set() & wanted)

    return is_signed_in & holds


def _holds_in(*roles: str) -> rules.Predicate:
    """Holds one of `roles` in the cycle the permission is asked about."""
    wanted = frozenset(roles)

    @rules.predicate(name=f"holds {' or '.join(sorted(wanted))} in the cycle")
    def holds_in(user, cycle) -> bool:
        return cycle is not None and user.role_grants.filter(role__in=wanted, cycle=cycle).exists()

    return is_signed_in & holds_in


is_staff_member = _holds(Role.STAFF)
is_finance = _holds(Role.FINANCE)
# On the committee of some cycle: what the committee's navigation opens for.
is_committee = _holds(*COMMITTEE_ROLES)

# The object is the cycle.
chairs = _holds_in(Role.COMMITTEE_CHAIR)
sits_on_committee = _holds_in(*COMMITTEE_ROLES)
is_laureate_contact_in = _holds_in(Role.LAUREATE_CONTACT)


# The staff area.
rules.add_perm("staff.view_area", is_staff_member)
rules.add_perm("accounts.manage_users", is_staff_member)
rules.add_perm("core.view_audit", is_staff_member)
rules.add_perm("core.manage_tasks", is_staff_member)
rules.add_perm("notifications.manage_outbox", is_staff_member)
