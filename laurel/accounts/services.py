from dataclasses import dataclass, field
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from laurel.accounts.enums import CYCLE_ROLES, InvitationState, Role
from laurel.accounts.models import Invitation, RoleGrant, User, hash_token, new_token
from laurel.accounts.signals import email_changed, invitation_accepted
from laurel.core.services import ServiceError, record
from laurel.notifications.services import queue_email


class EmailChangeError(ServiceError):
    """A sign-in address that cannot be set; `message` says why, for the form's address."""

    def __init__(self, message: str):
        super().__init__(message, field="email")


SELF_INVITED = "self_invited"


class InvitationError(ServiceError):
    """An invitation that cannot be used; `state` says why, and `message` for staff, if given."""

    def __init__(self, state: InvitationState | str | None, message: str = ""):
        super().__init__(message or str(state))
        self.state = state


def invitation_url(invitation: Invitation, token: str) -> str:
    with translation.override(invitation.language):
        path = reverse("accounts:invitation", kwargs={"token": token})
    return settings.SITE_URL + path


def _new_invitation_token(invitation: Invitation) -> str:
    token, invitation.token_hash = new_token()
    invitation.expires_at = timezone.now() + settings.INVITATION_VALIDITY
    return token


@transaction.atomic
def invite(
    email: str,
    *,
    role: Role,
    actor: User | None,
    full_name: str = "",
    language: str = "en",
    cycle: Any = None,
    send: bool = True,
) -> tuple[Invitation, str]:
    """Invite someone to a role; returns the invitation and its link's token (shown only once)."""
    if (role in CYCLE_ROLES) != (cycle is not None):
        raise ValueError("cycle roles need a cycle; global roles take none")
    invitation = Invitation(
        email=email.strip().lower(),
        full_name=full_name.strip(),
        language=language,
        role=role,
        cycle=cycle,
        invited_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    token = _new_invitation_token(invitation)
    invitation.save()
    record(
        "invitation.sent",
        actor=actor,
        subject=invitation,
        summary=f"{invitation.email} · {role}",
        data={"role": role, "cycle": getattr(cycle, "pk", None)},
    )
    if send:
        _send_invitation(invitation, token)
    return invitation, token


def _send_invitation(invitation: Invitation, token: str) -> None:
    queue_email(
        "invitation",
        to=invitation.email,
        language=invitation.language,
        context={
            "invitation": invitation,
            "role": Role(invitation.role).label,
            "url": invitation_url(invitation, token),
            "valid_days": settings.INVITATION_VALID_DAYS,
        },
    )


@transaction.atomic
def resend_invitation(invitation: Invitation, *, actor: User) -> Invitation:
    """A new link, valid from now; the old link stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state not in {InvitationState.PENDING, InvitationState.EXPIRED}:
        raise InvitationError(invitation.state, _("This invitation can no longer be sent again."))
    token = _new_invitation_token(invitation)
    invitation.save(update_fields=["token_hash", "expires_at"])
    record("invitation.resent", actor=actor, subject=invitation, summary=invitation.email)
    _send_invitation(invitation, token)
    return invitation


@transaction.atomic
def revoke_invitation(invitation: Invitation, *, actor: User) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != InvitationState.PENDING:
        raise InvitationError(invitation.state, _("Only a pending invitation can be withdrawn."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    record("invitation.revoked", actor=actor, subject=invitation, summary=invitation.email)
    return invitation


def find_invitation(token: str) -> Invitation:
    """The pending invitation behind a link, or InvitationError saying why it cannot be used."""
    invitation = (
        Invitation.objects.select_related("cycle").filter(token_hash=hash_token(token)).first()
    )
    if invitation is None:
        raise InvitationError(None)
    if invitation.state != InvitationState.PENDING:
        raise InvitationError(invitation.state)
    return invitation


def _grant(user: User, invitation: Invitation) -> None:
    # (Invitation.makes_superuser is no longer honoured: no link makes a superuser.)
    RoleGrant.objects.get_or_create(user=user, role=invitation.role, cycle=invitation.cycle)
    if hasattr(user, "_role_cache"):  # the roles read earlier in this request are stale
        del user._role_cache
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    record(
        "invitation.accepted",
        actor=user,
        subject=invitation,
        summary=f"{user.email} · {invitation.role}",
    )
    invitation_accepted.send(sender=Invitation, invitation=invitation, user=user)


@transaction.atomic
def accept_invitation(token: str, *, full_name: str, password: str, language: str) -> User:
    """Accept an invitation for an email address with no account yet: the account is made."""
    invitation = find_invitation(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != InvitationState.PENDING:
        raise InvitationError(invitation.state)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise InvitationError(InvitationState.ACCEPTED)
    user = User.objects.create_user(
        invitation.email, password, full_name=full_name.strip(), language=language
    )
    record("user.created", actor=user, subject=user, summary=user.email)
    _grant(user, invitation)
    return user


@transaction.atomic
def accept_invitation_as(token: str, *, user: User) -> Invitation:
    """A signed-in user accepts an invitation sent to their own address: they gain the role."""
    invitation = find_invitation(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != InvitationState.PENDING or invitation.email != user.email.lower():
        raise InvitationError(invitation.state)
    if invitation.invited_by_id == user.pk:
        # No one gives themselves a role (staff would make themselves finance): someone else
        # invites them.
        raise InvitationError(SELF_INVITED)
    _grant(user, invitation)
    return invitation


@transaction.atomic
def ensure_first_staff(email: str) -> str | None:
    """Make sure someone can run the platform: with no staff account that can sign in, issue a
    fresh single-use invitation for `email` (the staff role, not a superuser: Django's admin is
    for an operator made deliberately with createsuperuser) and return its link."""
    has_staff = (
        User.objects.filter(is_active=True, role_grants__role=Role.STAFF)
        .exclude(password__startswith=UNUSABLE_PASSWORD_PREFIX)
        .exists()
    )
    if has_staff:
        return None
    now = timezone.now()
    Invitation.objects.filter(
        email=email.lower(), role=Role.STAFF, invited_by=None, accepted_at=None, revoked_at=None
    ).update(revoked_at=now)
    invitation, token = invite(email, role=Role.STAFF, actor=None, send=False)
    return invitation_url(invitation, token)


@transaction.atomic
def remove_role(grant: RoleGrant, *, actor: User) -> None:
    record(
        "role.removed",
        actor=actor,
        subject=grant.user,
        summary=f"{grant.user.email} · {grant.role}",
        data={"role": grant.role, "cycle": grant.cycle_id},
    )
    grant.delete()


@transaction.atomic
def set_user_active(user: User, *, active: bool, actor: User) -> User:
    """A deactivated user is signed out on their next request (the auth backend refuses
    inactive users) and cannot sign in again."""
    if user == actor and not active:
        raise ServiceError(_("You cannot deactivate your own account."))
    user.is_active = active
    user.save(update_fields=["is_active"])
    record("user.activated" if active else "user.deactivated", actor=actor, subject=user)
    return user


@transaction.atomic
def change_email(user: User, *, email: str, actor: User) -> User:
    """Staff change a user's sign-in address; users cannot (allauth's address pages are closed),
    since an address a user could set must never carry a right. The audit entry names the user,
    never the addresses; both the old and the new address are told; allauth's address rows follow
    the new address."""
    email = User.objects.normalize_email(email.strip()).lower()
    user = User.objects.select_for_update().get(pk=user.pk)
    if user == actor:
        raise EmailChangeError(
            _("You cannot change your own address: ask another member of staff.")
        )
    old = user.email
    if email == old.lower():
        raise EmailChangeError(_("This is the address the account has already."))
    if User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists():
        raise EmailChangeError(_("Another account signs in with this address."))
    user.email = email
    try:
        with transaction.atomic():
            user.save(update_fields=["email"])
    except IntegrityError:  # taken meanwhile by another account
        raise EmailChangeError(_("Another account signs in with this address.")) from None
    # Only the sign-in address is kept: rows added through allauth's closed pages go, this
    # account's and any other's that claim the new address.
    EmailAddress.objects.filter(user=user).delete()
    stray = EmailAddress.objects.filter(email__iexact=email).delete()[0]
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
    record("user.email_changed", actor=actor, subject=user, data={"stray_addresses": stray})
    email_changed.send(sender=User, user=user, old=old, new=email, actor=actor)
    for address in (old, email):
        queue_email(
            "email_address_changed",
            to=address,
            language=user.language,
            context={"user": user, "new_email": email, "to_old_address": address == old},
        )
    return user


@dataclass
class BulkPlan:
    """What inviting a pasted list would do: whom to invite, and whom it skips and why."""

    invite: list[Any] = field(default_factory=list)  # forms.Person
    repeated: list[Any] = field(default_factory=list)
    invited_already: list[Any] = field(default_factory=list)
    has_role: list[Any] = field(default_factory=list)
    yourself: list[Any] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return (
            len(self.repeated) + len(self.invited_already) + len(self.has_role) + len(self.yourself)
        )


def plan_invitations(people: list[Any], *, role: Role, cycle: Any, actor: User) -> BulkPlan:
    """Sort a pasted list (each with `.email`, `.name`, `.line`): an address already on an earlier
    line, with a pending invitation to the same role, or whose account holds the role already
    is skipped; so is the actor's own (nobody invites themselves)."""
    emails = {p.email.lower() for p in people}
    pending = {
        i.email.lower()
        for i in Invitation.objects.filter(
            email__in=emails, role=role, cycle=cycle, accepted_at=None, revoked_at=None
        )
        if i.state == InvitationState.PENDING
    }
    holders = set(
        RoleGrant.objects.filter(role=role, cycle=cycle)
        .annotate(address=Lower("user__email"))
        .filter(address__in=emails)
        .values_list("address", flat=True)
    )
    plan, seen = BulkPlan(), set()
    own = (getattr(actor, "email", "") or "").lower()
    for person in people:
        email = person.email.lower()
        if email in seen:
            plan.repeated.append(person)
        elif email == own:
            plan.yourself.append(person)
        elif email in holders:
            plan.has_role.append(person)
        elif email in pending:
            plan.invited_already.append(person)
        else:
            plan.invite.append(person)
        seen.add(email)
    return plan


@transaction.atomic
def invite_many(
    people: list[Any], *, role: Role, cycle: Any, language: str, actor: User
) -> BulkPlan:
    """Invite everyone on a pasted list at once: one invitation each, through `invite` (its
    email and its audit entry), and one audit entry for the list. Planned again here, so a second
    post of the same list invites nobody twice."""
    if role not in CYCLE_ROLES or cycle is None:
        raise ValueError("a list is invited to a role in one cycle")
    plan = plan_invitations(people, role=role, cycle=cycle, actor=actor)
    for person in plan.invite:
        invite(
            person.email, role=role, cycle=cycle, full_name=person.name, language=language,
            actor=actor,
        )  # fmt: skip
    record(
        "invitation.list_sent",
        actor=actor,
        summary=f"{len(plan.invite)} · {role}",
        data={"role": role, "cycle": cycle.pk, "invited": len(plan.invite),
              "skipped": plan.skipped},
    )  # fmt: skip
    return plan
