"""Delivering queued emails, with retries that back off: 1, 5, 25 minutes … up to six hours."""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from laurel.core.services import record
from laurel.notifications.enums import EmailState
from laurel.notifications.models import OutgoingEmail, Suppression

logger = logging.getLogger(__name__)
MAX_BACKOFF = timedelta(hours=6)


def backoff(attempts: int) -> timedelta:
    return min(timedelta(minutes=5 ** (attempts - 1)), MAX_BACKOFF)


def describe_error(error: Exception) -> str:
    """What went wrong, without anything from the message itself."""
    code = getattr(error, "smtp_code", None)
    return f"{type(error).__name__}{f' {code}' if code else ''}"[:300]


@task(queue_name="email")
def deliver_email(email_id: int) -> str:
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.state not in {EmailState.QUEUED, EmailState.RETRYING}:
            return "skipped"
        if Suppression.covers(email.to):  # restricted after it was queued
            email.state, email.last_error, email.links = EmailState.CANCELLED, "restricted", ""
            email.save(update_fields=["state", "last_error", "links", "updated_at"])
            return "restricted"
        if email.not_before and timezone.now() < email.not_before:
            # Released too early by hand: it waits for its embargo.
            deliver_email.using(run_after=email.not_before).enqueue(email.pk)
            return "embargoed"
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
        email.attempts += 1
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as error:
            email.last_error = describe_error(error)
            if email.attempts >= settings.EMAIL_MAX_ATTEMPTS:
                email.state = EmailState.FAILED
                email.next_attempt_at = None
                record("email.failed", subject=email, data={"attempts": email.attempts})
            else:
                email.state = EmailState.RETRYING
                email.next_attempt_at = timezone.now() + backoff(email.attempts)
                deliver_email.using(run_after=email.next_attempt_at).enqueue(email.pk)
            logger.warning("email %s (%s) not sent: %s", email.pk, email.key, email.last_error)
        else:
            email.state = EmailState.SENT
            email.sent_at = timezone.now()
            email.next_attempt_at = None
            email.last_error = ""
            email.links = ""  # delivered: the links live on only in the recipient's mailbox
        email.save(
            update_fields=[
                "links",
                "attempts",
                "state",
                "sent_at",
                "next_attempt_at",
                "last_error",
                "updated_at",
            ]
        )
        return email.state
