import hashlib
import secrets

import rules
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laurel.accounts.enums import SECOND_FACTOR_ROLES, InvitationState, Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields):
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)  # None gives an unusable password
        user.save()
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields):
        """Only `manage.py createsuperuser` makes one, deliberately; it is audited. A superuser
        reaches Django's admin (behind the second factor) and no more of Laurel's rules."""
        from laurel.core.services import record

        fields.pop("is_staff", None)  # is_staff follows is_superuser here
        user = self.create_user(email, password, is_superuser=True, **fields)
        record("user.superuser_created", actor=None, subject=user, summary=user.email)
        return user


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in: staff, finance, committee, laureate contact (nominators have none)."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    language = models.CharField(_("preferred language"), max_length=8, default="en")
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def has_perm(self, perm: str, obj=None) -> bool:
        """Laurel's own permissions (django-rules) are decided by their rules alone: Django would
        answer yes to any superuser before asking, skipping finance, conflicts and four eyes.
        Django's model permissions (the admin's) keep Django's answer."""
        if rules.perm_exists(perm):
            return self.is_active and rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)

    @property
    def is_staff(self) -> bool:
        # Django's admin is a safety net for superusers only; the secretariat has the staff role.
        return self.is_superuser

    def role_set(self) -> set[str]:
        """The roles this user holds anywhere, read once per request."""
        if not hasattr(self, "_role_cache"):
            self._role_cache = set(self.role_grants.values_list("role", flat=True))
        return self._role_cache

    def has_role(self, role: str, cycle=None) -> bool:
        if cycle is None:
            return role in self.role_set()
        return self.role_grants.filter(role=role, cycle=cycle).exists()

    @property
    def needs_second_factor(self) -> bool:
        return self.is_superuser or bool(self.role_set() & SECOND_FACTOR_ROLES)


class RoleGrant(models.Model):
    """A role a user holds: across the installation (staff, finance) or in one award cycle."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    # A lazy reference: accounts does not import cycles, the database keeps the link honest.
    cycle = models.ForeignKey(
        "cycles.Cycle", null=True, blank=True, on_delete=models.CASCADE, related_name="role_grants"
    )
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "cycle"], name="role_grant_unique_in_cycle"
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(cycle__isnull=True),
                name="role_grant_unique_global",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"


def new_token() -> tuple[str, str]:
    """A random token for a link, and the hash under which it is stored."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """A single-use, expiring link that makes an account or gives a role to one email address.

    Only the hash of the token is stored: a copy of the database holds no usable link.
    """

    email = models.EmailField(_("email address"))
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    language = models.CharField(_("language"), max_length=8, default="en")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    cycle = models.ForeignKey(
        "cycles.Cycle", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    makes_superuser = models.BooleanField(default=False)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} · {self.get_role_display()}"

    @property
    def state(self) -> InvitationState:
        if self.revoked_at:
            return InvitationState.REVOKED
        if self.accepted_at:
            return InvitationState.ACCEPTED
        if timezone.now() >= self.expires_at:
            return InvitationState.EXPIRED
        return InvitationState.PENDING

    def get_state_display(self) -> str:
        return self.state.label
