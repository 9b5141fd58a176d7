from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailState(models.TextChoices):
    HELD = "held", _("Held for release")
    QUEUED = "queued", _("Queued")
    RETRYING = "retrying", _("Waiting to retry")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


# A queued or retrying email may be cancelled too: its address was restricted or its person
# erased after it was queued (services.deliver, services.cancel_waiting). The map said no
# while the delivery task did it by hand; the map now says what the outbox does.
ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    EmailState.HELD: {EmailState.QUEUED, EmailState.CANCELLED},
    EmailState.QUEUED: {
        EmailState.SENT,
        EmailState.RETRYING,
        EmailState.FAILED,
        EmailState.CANCELLED,
    },
    EmailState.RETRYING: {
        EmailState.SENT,
        EmailState.RETRYING,
        EmailState.FAILED,
        EmailState.CANCELLED,
    },
    EmailState.FAILED: {EmailState.QUEUED, EmailState.CANCELLED},
    EmailState.SENT: set(),
    EmailState.CANCELLED: set(),
}
# Emails that have not left yet, and may still be cancelled.
WAITING_STATES = [EmailState.HELD, EmailState.QUEUED, EmailState.RETRYING]
