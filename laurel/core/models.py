from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class AuditEntry(models.Model):
    """One state change or one read of sensitive detail: who, when, what (ARCHITECTURE rule 5).

    `data` holds identifiers and changed field names, never sensitive text.
    """

    key = models.CharField(_("event"), max_length=80, db_index=True)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text too, so the entry still says who after an account is erased.
    actor_label = models.CharField(_("who"), max_length=254, blank=True)
    subject_type = models.CharField(_("object type"), max_length=60, blank=True, db_index=True)
    subject_id = models.CharField(_("object"), max_length=40, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self) -> str:
        return f"{self.key} {self.subject_type}:{self.subject_id}"


class RateCounter(models.Model):
    """Events counted per key and time window, for rate limits (see core.ratelimit)."""

    key = models.CharField(max_length=120, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"


class WorkerHeartbeat(models.Model):
    """A task worker says it is alive every few seconds (core.worker). /readyz reads the newest;
    tasks left running by a worker that stopped beating are handed back to the queue."""

    worker_id = models.CharField(max_length=64, unique=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.worker_id} on {self.host} ({self.beat_at:%Y-%m-%d %H:%M:%S})"
