"""Who may do what: django-rules predicates (ARCHITECTURE rule 3). See docs/permissions.md."""

import rules

from laurel.accounts.enums import Role


@rules.predicate
def is_staff_member(user) -> bool:
    return user.is_authenticated and user.is_active and Role.STAFF in user.role_set()


@rules.predicate
def is_finance(user) -> bool:
    return user.is_authenticated and user.is_active and Role.FINANCE in user.role_set()


@rules.predicate
def is_committee(user) -> bool:
    roles = user.role_set() if user.is_authenticated else set()
    return user.is_active and bool(roles & {Role.COMMITTEE_MEMBER, Role.COMMITTEE_CHAIR})


# The staff area.
rules.add_perm("staff.view_area", is_staff_member)
rules.add_perm("accounts.manage_users", is_staff_member)
rules.add_perm("core.view_audit", is_staff_member)
rules.add_perm("core.manage_tasks", is_staff_member)
rules.add_perm("notifications.manage_outbox", is_staff_member)
