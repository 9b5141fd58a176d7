from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from laurel.accounts import services as accounts
from laurel.accounts.enums import Role
from laurel.core.models import AuditEntry
from laurel.notifications import catalogue
from laurel.notifications.enums import EmailState
from laurel.notifications.models import OutgoingEmail
from laurel.notifications.services import (
    TransitionError,
    backoff,
    cancel_email,
    queue_email,
    release_email,
)
from tests.scenarios import smtp_settings
from tests.smtp import SMTPServer, free_port

pytestmark = pytest.mark.django_db


def test_an_invitation_reaches_a_real_smtp_server(settings, staff_user, run_tasks):
    with SMTPServer() as server:
        smtp_settings(settings, server.port)
        accounts.invite("smtp@example.org", role=Role.STAFF, actor=staff_user, language="en")
        run_tasks()

    assert len(server.messages) == 1
    recipients, message = server.messages[0]
    assert recipients == ["smtp@example.org"]
    assert message["Subject"] == "You are invited to the award as Staff"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "http://testserver/en/invitation/" in text
    assert 'href="http://testserver/en/invitation/' in html
    assert OutgoingEmail.objects.get().state == EmailState.SENT


def test_a_failed_send_is_retried_later_with_growing_pauses(settings, staff_user, run_tasks):
    smtp_settings(settings, free_port())  # nothing listens there
    accounts.invite("retry@example.org", role=Role.STAFF, actor=staff_user)

    run_tasks()

    email = OutgoingEmail.objects.get()
    assert email.state == EmailState.RETRYING
    assert email.attempts == 1
    assert email.last_error == "ConnectionRefusedError"
    assert email.next_attempt_at > timezone.now() + timedelta(seconds=50)
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after == email.next_attempt_at
    assert [backoff(n) for n in (1, 2, 3, 4, 5)] == [
        timedelta(minutes=1),
        timedelta(minutes=5),
        timedelta(minutes=25),
        timedelta(minutes=125),
        timedelta(hours=6),
    ]


def test_after_the_last_attempt_the_email_fails_and_staff_see_it(
    settings, staff_client, staff_user, run_tasks
):
    settings.EMAIL_MAX_ATTEMPTS = 2
    smtp_settings(settings, free_port())
    accounts.invite("fail@example.org", role=Role.STAFF, actor=staff_user)
    run_tasks()
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())  # pause over

    run_tasks()
    page = staff_client.get(reverse("outbox:list"), {"state": "failed"})
    dashboard = staff_client.get(reverse("staff:dashboard"))

    email = OutgoingEmail.objects.get()
    assert (email.state, email.attempts) == (EmailState.FAILED, 2)
    assert list(page.context["page"]) == [email]
    assert dashboard.context["counts"]["emails_failed"] == 1
    assert AuditEntry.objects.filter(key="email.failed").count() == 1


def test_staff_send_a_failed_email_again(settings, staff_client, staff_user, run_tasks):
    settings.EMAIL_MAX_ATTEMPTS = 1
    smtp_settings(settings, free_port())
    accounts.invite("again@example.org", role=Role.STAFF, actor=staff_user)
    run_tasks()
    email = OutgoingEmail.objects.get()
    assert email.state == EmailState.FAILED

    with SMTPServer() as server:
        smtp_settings(settings, server.port)
        response = staff_client.post(reverse("outbox:release", args=[email.pk]))
        run_tasks()

    email.refresh_from_db()
    assert response.status_code == 302
    assert email.state == EmailState.SENT
    assert len(server.messages) == 1
    assert AuditEntry.objects.filter(key="email.retried", actor=staff_user).count() == 1


def test_held_emails_wait_for_release(monkeypatch, staff_user, run_tasks):
    monkeypatch.setitem(
        catalogue.CATALOGUE,
        "invitation",
        catalogue.EmailKind("invitation", "held for this test", held=True),
    )
    email = queue_email(
        "invitation",
        to="held@example.org",
        language="en",
        context={"invitation": None, "role": "Staff", "url": "http://x/", "valid_days": 1},
    )
    run_tasks()
    waiting = len(mail.outbox)

    release_email(email, actor=staff_user)
    run_tasks()

    assert waiting == 0
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert email.state == EmailState.SENT


def test_a_sent_email_cannot_be_cancelled(staff_user, run_tasks):
    accounts.invite("sent@example.org", role=Role.STAFF, actor=staff_user)
    run_tasks()

    with pytest.raises(TransitionError):
        cancel_email(OutgoingEmail.objects.get(), actor=staff_user)


def test_an_email_not_in_the_catalogue_is_refused():
    with pytest.raises(LookupError):
        queue_email("no-such-email", to="x@example.org", language="en", context={})


def test_every_catalogue_entry_has_its_template_triple():
    from django.template.loader import get_template

    for key in catalogue.CATALOGUE:
        if key.startswith(("account/", "mfa/")):
            # django-allauth's own: <prefix>_subject.txt and <prefix>_message.txt.
            names = [f"{key}_subject.txt", f"{key}_message.txt"]
        else:
            names = [f"notifications/email/{key}.{part}" for part in ("subject.txt", "txt", "html")]
        assert [get_template(name).origin.template_name for name in names] == names


def test_outbox_list_issues_the_same_queries_for_one_and_many(
    staff_client, staff_user, queries_for_one_and_many
):
    def add(n):
        for i in range(n):
            accounts.invite(f"p{i}-{n}@example.org", role=Role.STAFF, actor=staff_user)

    one, many = queries_for_one_and_many(lambda: staff_client.get(reverse("outbox:list")), add)

    assert one == many


def test_password_reset_emails_to_one_address_are_capped_an_hour_and_none_go_to_strangers(
    client, run_tasks
):
    from django.core.cache import cache

    from tests.conftest import make_user

    user = make_user("plain")
    for _ in range(8):
        cache.clear()  # allauth's own per-15-minutes limit, as if the windows had passed
        client.post(reverse("account_reset_password"), {"email": user.email})
        client.post(reverse("account_reset_password"), {"email": "stranger@example.org"})
    run_tasks()

    sent = [m.to[0] for m in mail.outbox]
    assert (sent.count(user.email), sent.count("stranger@example.org")) == (5, 0)


def test_password_reset_email_goes_through_the_outbox(client, run_tasks):
    from tests.conftest import make_user

    user = make_user("plain")
    client.post(reverse("account_reset_password"), {"email": user.email})
    run_tasks()

    email = OutgoingEmail.objects.get()
    assert email.key == "account/email/password_reset_key"
    assert email.state == EmailState.SENT
    assert mail.outbox[0].to == [user.email]
