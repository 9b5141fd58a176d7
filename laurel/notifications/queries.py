from django.db.models import Count, QuerySet

from laurel.notifications.enums import EmailState
from laurel.notifications.models import OutgoingEmail


def outbox(*, state: str = "") -> QuerySet:
    # Not the bodies, nor the links (decrypting them is needless, and they are capabilities).
    emails = OutgoingEmail.objects.defer("body_text", "body_html", "links").order_by(
        "-created_at", "-id"
    )
    if state in EmailState.values:
        emails = emails.filter(state=state)
    return emails


def outbox_counts() -> dict[str, int]:
    counts = dict(OutgoingEmail.objects.values_list("state").annotate(n=Count("id")))
    return {state: counts.get(state, 0) for state in EmailState.values}
