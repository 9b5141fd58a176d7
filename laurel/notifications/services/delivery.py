"""Delivering the outbox: each queued email is sent by the delivery task through Django's
email machinery, or tried again later with a backoff, or failed; its capability links are put in
only now, in memory (models.OutgoingEmail)."""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from laurel.core.services import enqueue, transition
from laurel.notifications.enums import ALLOWED_TRANSITIONS, EmailState
from laurel.notifications.models import OutgoingEmail, Suppression
from laurel.notifications.services.outbox import DELIVER, MAX_BACKOFF, SUPPRESSED

logger = logging.getLogger(__name__)


def backoff(attempts: int) -> timedelta:
    return min(timedelta(minutes=5 ** (attempts - 1)), MAX_BACKOFF)


def describe_error(error: Exception) -> str:
    """What went wrong, without anything from the message itself."""
    code = getattr(error, "smtp_code", None)
    return f"{type(error).__name__}{f' {code}' if code else ''}"[:300]


# The outbox row is the record of a delivery (attempts, sent_at, last_error): only a failure,
# which staff must act on, writes an audit entry.
DELIVERY_FIELDS = ["links", "attempts", "sent_at", "next_attempt_at", "last_error"]


@transaction.atomic
def deliver(email_id: int) -> str:
    """Send one queued email (the delivery task's work): sent, or tried again later with a
    backoff of 1, 5, 25 minutes … up to six hours, or failed after EMAIL_MAX_ATTEMPTS."""
    email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
    if email is None or email.state not in {EmailState.QUEUED, EmailState.RETRYING}:
        return "skipped"
    if Suppression.covers(email.to):  # restricted after it was queued
        email.last_error, email.links = SUPPRESSED, ""
        transition(
            email, EmailState.CANCELLED, ALLOWED_TRANSITIONS, key=None, actor=None,
            fields=["last_error", "links"],
        )  # fmt: skip
        return SUPPRESSED
    if email.not_before and timezone.now() < email.not_before:
        # Released too early by hand: it waits for its embargo.
        enqueue(DELIVER, email.pk, run_after=email.not_before)
        return "embargoed"
    email.attempts += 1
    try:
        _send(email)
    except (smtplib.SMTPException, OSError) as error:
        email.last_error = describe_error(error)
        email.next_attempt_at = None
        if email.attempts >= settings.EMAIL_MAX_ATTEMPTS:
            state, key = EmailState.FAILED, "email.failed"
        else:
            state, key = EmailState.RETRYING, None
            email.next_attempt_at = timezone.now() + backoff(email.attempts)
            enqueue(DELIVER, email.pk, run_after=email.next_attempt_at)
        logger.warning("email %s (%s) not sent: %s", email.pk, email.key, email.last_error)
        transition(
            email, state, ALLOWED_TRANSITIONS, key=key, actor=None, fields=DELIVERY_FIELDS,
            data={"attempts": email.attempts} if key else None,
        )  # fmt: skip
    else:
        email.sent_at = timezone.now()
        email.next_attempt_at = None
        email.last_error = ""
        email.links = ""  # delivered: the links live on only in the recipient's mailbox
        transition(
            email, EmailState.SENT, ALLOWED_TRANSITIONS, key=None, actor=None,
            fields=DELIVERY_FIELDS,
        )  # fmt: skip
    return email.state


def _send(email: OutgoingEmail) -> None:
    # The capability links go in now, in memory only (models.OutgoingEmail).
    text, html = email.with_links()
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=text,
        from_email=email.from_email or settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        reply_to=[email.reply_to] if email.reply_to else None,
    )
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
