from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailState(models.TextChoices):
    HELD = "held", _("Held for release")
    QUEUED = "queued", _("Queued")
    RETRYING = "retrying", _("Waiting to retry")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    EmailState.HELD: {EmailState.QUEUED, EmailState.CANCELLED},
    EmailState.QUEUED: {EmailState.SENT, EmailState.RETRYING, EmailState.FAILED},
    EmailState.RETRYING: {EmailState.SENT, EmailState.RETRYING, EmailState.FAILED},
    EmailState.FAILED: {EmailState.QUEUED, EmailState.CANCELLED},
    EmailState.SENT: set(),
    EmailState.CANCELLED: set(),
}
