"""Notifications: every email goes through the outbox (ARCHITECTURE rule 1).

outbox: queueing, restricted addresses, what staff do with waiting emails · delivery: sending
each queued email, with retries.
"""

from laurel.notifications.services.delivery import (
    DELIVERY_FIELDS,
    backoff,
    deliver,
    describe_error,
)
from laurel.notifications.services.outbox import (
    DELIVER,
    MAX_BACKOFF,
    SUPPRESSED,
    NotCancellable,
    NotHeld,
    NotReleasable,
    ReleasedWithItsBatch,
    TransitionError,
    award_of,
    cancel_email,
    cancel_waiting,
    edit_held_email,
    queue_email,
    queue_rendered_email,
    release_batch,
    release_email,
    render_email,
    sender_of,
    suppress,
    unsuppress,
)

__all__ = [
    "DELIVER",
    "DELIVERY_FIELDS",
    "MAX_BACKOFF",
    "SUPPRESSED",
    "NotCancellable",
    "NotHeld",
    "NotReleasable",
    "ReleasedWithItsBatch",
    "TransitionError",
    "award_of",
    "backoff",
    "cancel_email",
    "cancel_waiting",
    "deliver",
    "describe_error",
    "edit_held_email",
    "queue_email",
    "queue_rendered_email",
    "release_batch",
    "release_email",
    "render_email",
    "sender_of",
    "suppress",
    "unsuppress",
]
