"""API tokens: made with their scopes and validity, found by key, revoked. The key is shown
once. A token acts with its maker's staff role: it opens nothing once expired, while its maker
is inactive or once the maker is no longer staff (removing the role revokes it for good)."""

import secrets
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from laurel.accounts.enums import Role
from laurel.accounts.models import RoleGrant, User
from laurel.api.enums import Scope
from laurel.api.models import ApiToken, hash_key
from laurel.core.services import record

PREFIX = "lrl_"
# A used token's last_used_at is refreshed at most this often (one write a minute, not a request).
TOUCH_SECONDS = 60
# How long a token works: staff choose, at most this long (the default).
MAX_DAYS = 90


@transaction.atomic
def create_token(
    *, name: str, scopes: list[str], actor: User, valid_days: int = MAX_DAYS
) -> tuple[ApiToken, str]:
    unknown = set(scopes) - set(Scope.values)
    if unknown or not scopes:
        raise ValueError(f"scopes: {sorted(unknown) or 'none given'}")
    if not 1 <= valid_days <= MAX_DAYS:
        raise ValueError(f"valid_days: 1 to {MAX_DAYS}")
    key = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        name=name, prefix=key[: len(PREFIX) + 6], key_hash=hash_key(key),
        scopes=sorted(scopes), created_by=actor,
        expires_at=timezone.now() + timedelta(days=valid_days),
    )  # fmt: skip
    record(
        "api_token.created", actor=actor, subject=token, summary=name,
        data={"scopes": scopes, "valid_days": valid_days},
    )  # fmt: skip
    return token, key


@transaction.atomic
def revoke_token(token: ApiToken, *, actor: User) -> None:
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record("api_token.revoked", actor=actor, subject=token, summary=token.name)


@transaction.atomic
def revoke_tokens_of(user_id: int, *, reason: str, actor: User | None = None) -> int:
    """Revoke every token the user made that is not revoked yet; one audit entry each. How
    many were revoked."""
    now = timezone.now()
    count = 0
    for token in ApiToken.objects.select_for_update().filter(
        created_by_id=user_id, revoked_at__isnull=True
    ):
        token.revoked_at = now
        token.save(update_fields=["revoked_at"])
        record(
            "api_token.revoked", actor=actor, subject=token, summary=token.name,
            data={"reason": reason},
        )  # fmt: skip
        count += 1
    return count


def on_role_removed(sender: Any, instance: RoleGrant, **kwargs: Any) -> None:
    """A staff role removed (accounts.services.remove_role, or the user deleted): the tokens
    that person made are revoked with it, in the same transaction."""
    if instance.role != Role.STAFF:
        return
    if RoleGrant.objects.filter(user_id=instance.user_id, role=Role.STAFF).exists():
        return  # still staff through another grant
    revoke_tokens_of(instance.user_id, reason="staff role removed")


def authenticate(key: str) -> ApiToken | None:
    if not key.startswith(PREFIX) or len(key) > 100:
        return None
    now = timezone.now()
    # One query: not revoked, not expired, made by someone still active and still staff.
    token = ApiToken.objects.filter(
        key_hash=hash_key(key),
        revoked_at__isnull=True,
        expires_at__gt=now,
        created_by__is_active=True,
        created_by__role_grants__role=Role.STAFF,
    ).first()
    if token is None:
        return None
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > TOUCH_SECONDS:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def log_read(token: ApiToken, path: str, status: int) -> None:
    """Every call is in the audit log: which token read which path (never the data)."""
    record(
        "api.read",
        subject=token,
        summary=f"{token.prefix}… {path}"[:300],
        data={"status": status},
    )
