from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, QuerySet
from django.urls import reverse

from laurel.accounts.enums import COMMITTEE_ROLES, Role
from laurel.accounts.models import Invitation, RoleGrant, User
from laurel.core.services import is_person

if TYPE_CHECKING:  # cycles sits above accounts: the type only
    from laurel.cycles.models import Cycle


def users_with_roles() -> QuerySet:
    grants = RoleGrant.objects.select_related("cycle").order_by("role")
    return User.objects.prefetch_related(Prefetch("role_grants", queryset=grants)).order_by("email")


def committee_members(cycle: "Cycle") -> QuerySet[User]:
    """Who sits on the cycle's selection committee, chair included: active accounts only."""
    return (
        User.objects.filter(
            is_active=True, role_grants__cycle=cycle, role_grants__role__in=COMMITTEE_ROLES
        )
        .distinct()
        .order_by("email")
    )


def open_invitations() -> QuerySet:
    return Invitation.objects.select_related("cycle", "invited_by").filter(
        accepted_at=None, revoked_at=None
    )


def cycle_choices() -> QuerySet:
    """The award cycles a role can be tied to, through the relation (accounts does not import
    cycles: it sits below it)."""
    cycle_model = Invitation._meta.get_field("cycle").related_model
    return cycle_model._default_manager.order_by("-nominations_open_at")


# Where each role starts, first match wins: staff at the dashboard, finance at the payments, the
# committee at its page, laureate contacts in their programme; anyone else at the call.
START_PAGES = (
    (Role.STAFF, "staff:dashboard"),
    (Role.FINANCE, "laureates:payments"),
    (Role.COMMITTEE_CHAIR, "review:home"),
    (Role.COMMITTEE_MEMBER, "review:home"),
    (Role.LAUREATE_CONTACT, "laureates:home"),
)


def start_page(user: User | AnonymousUser | None) -> str:
    """The address a person starts at after signing in or taking on a role."""
    roles = user.role_set() if is_person(user) else set()
    return next(
        (reverse(page) for role, page in START_PAGES if role in roles), reverse("nominations:call")
    )
