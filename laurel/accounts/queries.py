from django.db.models import Prefetch, QuerySet

from laurel.accounts.models import Invitation, RoleGrant, User


def users_with_roles() -> QuerySet:
    grants = RoleGrant.objects.select_related("cycle").order_by("role")
    return User.objects.prefetch_related(Prefetch("role_grants", queryset=grants)).order_by("email")


def open_invitations() -> QuerySet:
    return Invitation.objects.select_related("cycle", "invited_by").filter(
        accepted_at=None, revoked_at=None
    )


def cycle_choices() -> QuerySet:
    """The award cycles a role can be tied to, through the relation (accounts does not import
    cycles: it sits below it)."""
    cycle_model = Invitation._meta.get_field("cycle").related_model
    return cycle_model.objects.order_by("-nominations_open_at")
