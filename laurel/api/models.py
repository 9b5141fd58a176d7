import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A key for the read-only API: what it may read (scopes), who made it, when it was last
    used, until when it works; revoked rather than deleted, so the audit log keeps naming it.
    Only the key's hash is stored; the key itself is shown once. It opens nothing once expired,
    nor while its maker is inactive or no longer staff (tokens.authenticate)."""

    name = models.CharField(_("what it is for"), max_length=120)
    prefix = models.CharField(max_length=12, unique=True)  # shown to recognise it
    key_hash = models.CharField(max_length=64, unique=True)
    scopes = models.JSONField(_("may read"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["revoked_at", "-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def has_expired(self) -> bool:
        return self.expires_at <= timezone.now()
