"""API tokens: made with their scopes, found by key, revoked. The key is shown once."""

import secrets

from django.db import transaction
from django.utils import timezone

from laurel.api.enums import Scope
from laurel.api.models import ApiToken, hash_key
from laurel.core.services import record

PREFIX = "lrl_"
# A used token's last_used_at is refreshed at most this often (one write a minute, not a request).
TOUCH_SECONDS = 60


@transaction.atomic
def create_token(*, name: str, scopes: list[str], actor) -> tuple[ApiToken, str]:
    unknown = set(scopes) - set(Scope.values)
    if unknown or not scopes:
        raise ValueError(f"scopes: {sorted(unknown) or 'none given'}")
    key = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        name=name, prefix=key[: len(PREFIX) + 6], key_hash=hash_key(key),
        scopes=sorted(scopes), created_by=actor,
    )  # fmt: skip
    record("api_token.created", actor=actor, subject=token, summary=name, data={"scopes": scopes})
    return token, key


@transaction.atomic
def revoke_token(token: ApiToken, *, actor) -> None:
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record("api_token.revoked", actor=actor, subject=token, summary=token.name)


def authenticate(key: str) -> ApiToken | None:
    if not key.startswith(PREFIX) or len(key) > 100:
        return None
    token = ApiToken.objects.filter(key_hash=hash_key(key), revoked_at__isnull=True).first()
    if token is None:
        return None
    now = timezone.now()
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
