from django.db import models
from django.utils.translation import gettext_lazy as _

from laurel.core.models import TimeStamped
from laurel.notifications.enums import EmailState


class OutgoingEmail(TimeStamped):
    """One email, rendered when it was queued and kept until sent (the outbox)."""

    key = models.CharField(_("kind"), max_length=60, db_index=True)
    to = models.EmailField(_("to"))
    language = models.CharField(_("language"), max_length=8)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    state = models.CharField(
        _("state"), max_length=12, choices=EmailState.choices, default=EmailState.QUEUED
    )
    # A group of held emails released together (decision letters: "decision:<cycle id>").
    batch = models.CharField(max_length=60, blank=True, db_index=True)
    # Never delivered before this moment, whoever releases it (an embargo).
    not_before = models.DateTimeField(_("not before"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # The kind of error only (exception class and SMTP code): never the message body.
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("email")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self) -> str:
        return f"{self.key} → {self.to}"


class Suppression(models.Model):
    """An address Laurel must not write to: processing restricted at the person's request
    (privacy app). Emails to it are kept as a record, cancelled, never rendered or sent."""

    address = models.EmailField(unique=True)  # stored lower-case
    reason = models.CharField(max_length=60)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"suppressed: {self.reason}"

    @classmethod
    def covers(cls, address: str) -> bool:
        return cls.objects.filter(address=address.strip().lower()).exists()
