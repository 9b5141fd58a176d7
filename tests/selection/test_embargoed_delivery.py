"""The delivery task keeps an email until its not-before time (the embargo of the decision
letters rests on it; moved from test_decision.py, whose tests all start from a scored committee
built once for the module, where this one starts from nothing)."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from laurel.notifications.enums import EmailState
from laurel.notifications.models import OutgoingEmail
from laurel.notifications.services import queue_rendered_email


def test_the_delivery_task_keeps_any_email_until_its_not_before(staff_user, run_tasks, db):
    embargo = timezone.now() + timedelta(hours=3)
    email = queue_rendered_email(
        "invitation", to="someone@example.org", language="en", subject="S", text="T",
        not_before=embargo,
    )  # fmt: skip

    run_tasks()

    assert mail.outbox == []
    assert OutgoingEmail.objects.get(pk=email.pk).state == EmailState.QUEUED
    waiting = DBTaskResult.objects.filter(status="READY").get()
    assert waiting.run_after == embargo
