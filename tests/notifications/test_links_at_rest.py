"""A copy of the database holds no usable capability link (ARCHITECTURE rule 9).

Every email that carries one is queued (invitation, a nominator's private and confirm links, an
organisation's consent link, a laureate's accept link, a password reset); the whole database is
read as a thief with a copy would read it, before and after sending; no token is in it, while
the emails as delivered carry links that work.
"""

import importlib
import json
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from django.utils import timezone

from laurel.accounts import services as accounts
from laurel.accounts.enums import Role
from laurel.candidates import services as screening
from laurel.candidates.models import Placement
from laurel.nominations import services as nominations
from laurel.nominations.models import new_token
from laurel.notifications.enums import EmailState
from laurel.notifications.models import OutgoingEmail
from laurel.notifications.services import cancel_email, edit_held_email, release_email, suppress
from laurel.privacy import requests
from laurel.selection import services as selection
from tests.candidates.helpers import confirmed
from tests.conftest import enrol_totp, make_user, sign_in
from tests.factories import UserFactory
from tests.scenarios import smtp_settings
from tests.selection.helpers import decided_with_letters, write_letters
from tests.smtp import free_port

pytestmark = pytest.mark.django_db

# The capability links Laurel sends, by the path that holds the token.
CAPABILITY = re.compile(
    r"https?://[^\s\"'<>]+/(invitation|nominate/n|nominate/confirm|organisation|laureate"
    r"|accounts/password/reset/key)/([^/\s\"'<>]+)/"
)


def database_copy() -> str:
    """Every value of every table, as text: what a backup or a stolen dump holds."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            table = connection.ops.quote_name(table)  # from the database itself
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608
            values.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(values)


def decision_with_letters(cycle, staff_user):
    """A locked decision with one laureate, its letters written and held."""
    return decided_with_letters(cycle, staff_user, laureates=1, reserves=0, count=2)


def queue_every_capability_email(cycle, staff_user, client) -> None:
    accounts.invite("new.staff@example.org", role=Role.STAFF, actor=staff_user, language="en")

    token, _ = new_token()
    draft, _ = nominations.save_draft(
        cycle,
        token=token,
        language="en",
        send_resume_link=True,
        complete=True,
        data={
            "org_name": "Safe Harbour",
            "org_country": "SE",
            "nominator_name": "Nora Nominator",
            "nominator_email": "nora@example.org",
            "relationship": "partner",
            "preferred_language": "en",
            "answers": {"1": "Runs a helpline."},
        },
    )
    nominations.submit_nomination(draft, token=token)

    organisation = confirmed(cycle, "Kustvakten", website="kustvakten.se")
    screening.invite_organisation(
        Placement.objects.get(nomination=organisation).candidate,
        email="info@kustvakten.se",
        language="sv",
        deadline=timezone.now() + timedelta(days=14),
        actor=staff_user,
    )

    selection.release_letters(decision_with_letters(cycle, staff_user), actor=staff_user)

    forgetful = make_user("plain")
    client.post(reverse("account_reset_password"), {"email": forgetful.email})


def test_a_copy_of_the_database_holds_no_usable_link(child10, staff_user, client, run_tasks):
    mail.outbox.clear()
    queue_every_capability_email(child10, staff_user, client)
    before_sending = database_copy()

    run_tasks()

    delivered = {
        (kind, token)
        for message in mail.outbox
        for body in [message.body, *(part for part, _type in message.alternatives)]
        for kind, token in CAPABILITY.findall(body)
    }
    assert {kind for kind, _token in delivered} == {
        "invitation", "nominate/n", "nominate/confirm", "organisation", "laureate",
        "accounts/password/reset/key",
    }  # fmt: skip
    after_sending = database_copy()
    for kind, token in delivered:
        assert token not in before_sending, kind
        assert token not in after_sending, kind
    assert CAPABILITY.findall(before_sending + after_sending) == []
    assert set(OutgoingEmail.objects.values_list("links", flat=True)) == {""}  # sent: gone


def test_the_invitation_from_a_copy_is_refused_and_the_delivered_one_works(
    client, staff_user, run_tasks
):
    accounts.invite("new.staff@example.org", role=Role.STAFF, actor=staff_user, language="en")
    stored = OutgoingEmail.objects.get(key="invitation")
    copied_links = CAPABILITY.findall(stored.body_text + stored.body_html)
    run_tasks()
    [message] = mail.outbox
    [(_kind, token)] = set(CAPABILITY.findall(message.body))

    assert copied_links == []
    assert "[private-link-1]" in stored.body_text
    assert "[private-link-1]" not in message.body
    assert client.get("/en/invitation/[private-link-1]/").status_code == 404
    assert client.get(f"/en/invitation/{token}/").status_code == 200


def test_a_failed_email_keeps_its_link_encrypted_until_it_is_sent_again(
    settings, staff_user, run_tasks
):
    settings.EMAIL_MAX_ATTEMPTS = 1
    smtp_settings(settings, free_port())  # nothing listens there
    accounts.invite("retry@example.org", role=Role.STAFF, actor=staff_user)
    run_tasks()
    failed = OutgoingEmail.objects.get()
    with connection.cursor() as cursor:
        cursor.execute("SELECT links FROM notifications_outgoingemail")
        [(raw,)] = cursor.fetchall()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back

    release_email(failed, actor=staff_user)
    run_tasks()

    assert failed.state == EmailState.FAILED
    assert "/invitation/" not in raw and raw != ""  # kept, as ciphertext
    [message] = mail.outbox
    [(_kind, token)] = set(CAPABILITY.findall(message.body))
    assert accounts.find_invitation(token).email == "retry@example.org"
    assert OutgoingEmail.objects.get().links == ""


def test_a_cancelled_email_loses_its_link(staff_user):
    accounts.invite("someone@example.org", role=Role.STAFF, actor=staff_user)
    email = OutgoingEmail.objects.get()
    email.state = EmailState.FAILED  # as after its last attempt
    email.save(update_fields=["state"])

    waiting = email.links
    cancel_email(email, actor=staff_user)

    assert "/invitation/" in waiting
    assert OutgoingEmail.objects.get().links == ""


def test_letters_written_again_lose_the_links_of_those_they_replace(child10, staff_user):
    decision = decision_with_letters(child10, staff_user)
    first = OutgoingEmail.objects.get(key="decision_laureate")
    waiting = first.links

    write_letters(decision, staff_user)

    first.refresh_from_db()
    assert "/laureate/" in waiting
    assert (first.state, first.links) == (EmailState.CANCELLED, "")
    assert "/laureate/" in OutgoingEmail.objects.get(key="decision_laureate", state="held").links


def test_a_restricted_address_loses_the_links_waiting_for_it(staff_user):
    accounts.invite("restricted@example.org", role=Role.STAFF, actor=staff_user)

    suppress("restricted@example.org", reason="restricted", actor=staff_user)

    email = OutgoingEmail.objects.get()
    assert (email.state, email.links) == (EmailState.CANCELLED, "")


def test_an_erased_persons_emails_lose_their_links(staff_user, staff_client):
    accounts.invite("gone@example.org", role=Role.STAFF, actor=staff_user)
    OutgoingEmail.objects.update(state=EmailState.FAILED)  # kept for a resend
    request = requests.open_request(
        kind="erasure", about="person", email="gone@example.org", name="",
        received_on=timezone.localdate(), actor=staff_user,
    )  # fmt: skip

    staff_client.post(
        reverse("privacy:request_erase", kwargs={"pk": request.pk}), {"confirm": "on"}
    )

    email = OutgoingEmail.objects.get()
    assert (email.to, email.links) == ("erased@invalid", "")


def test_the_admin_never_shows_an_emails_links(client, staff_user):
    accounts.invite("someone@example.org", role=Role.STAFF, actor=staff_user)
    email = OutgoingEmail.objects.get()
    superuser = UserFactory(email="root@example.org", is_superuser=True)
    enrol_totp(superuser)
    sign_in(client, superuser)

    page = client.get(reverse("admin:notifications_outgoingemail_change", args=[email.pk]))

    [(_kind, token)] = CAPABILITY.findall(email.links)
    assert page.status_code == 200
    assert token not in page.content.decode()


def test_the_migration_takes_the_links_out_of_emails_stored_before(staff_user):
    link = "http://testserver/sv/nominate/n/Z1x2C3v4B5n6M7/"
    for state in ("queued", "sent"):  # as an earlier version stored them
        OutgoingEmail.objects.create(
            key="nomination_draft", to=f"{state}@example.org", language="sv", subject="S",
            body_text=f"Your link:\n{link}\n", body_html=f'<a href="{link}">x</a>', state=state,
        )  # fmt: skip
    migration = importlib.import_module(
        "laurel.notifications.migrations.0004_encrypted_capability_links"
    )
    state = MigrationLoader(connection).project_state(("notifications", "0003_suppression"))
    migration.Migration.operations[0].state_forwards("notifications", state)  # the links column

    migration.take_links_out(state.apps, None)

    assert "Z1x2C3v4B5n6M7" not in database_copy()
    queued, sent = (OutgoingEmail.objects.get(state=s) for s in ("queued", "sent"))
    assert queued.body_text == sent.body_text == "Your link:\n[private-link-1]\n"
    assert (json.loads(queued.links), sent.links) == ([link], "")
    assert queued.with_links()[1] == f'<a href="{link}">x</a>'


def test_a_held_letter_staff_edit_keeps_its_link_where_the_placeholder_stands(
    child10, staff_user, run_tasks
):
    decision = decision_with_letters(child10, staff_user)
    letter = OutgoingEmail.objects.get(key="decision_laureate")
    edited = letter.body_text.replace("Dear", "Dear friends at")

    edit_held_email(letter, subject=letter.subject, text=edited, actor=staff_user)
    selection.release_letters(decision, actor=staff_user)
    run_tasks()

    [message] = [m for m in mail.outbox if m.to == [letter.to] and "/laureate/" in m.body]
    [(_kind, token)] = set(CAPABILITY.findall(message.body))
    html = message.alternatives[0][0]
    assert "[private-link-1]" in OutgoingEmail.objects.get(pk=letter.pk).body_text
    assert re.search(rf'<a href="http://testserver/\w+/laureate/{token}/">', html)


def test_a_link_written_as_a_link_in_the_html_is_not_wrapped_in_another():
    """The decision letter's HTML writes <a href="{{ accept_url }}">{{ accept_url }}</a>: the
    link's text is the link, never a second <a> inside the first."""
    link = "http://testserver/en/laureate/Z1x2C3v4B5n6M7/"
    email = OutgoingEmail(
        body_text="[private-link-1]",
        body_html='<p><a href="[private-link-1]">[private-link-1]</a></p><p>[private-link-1]</p>',
        links=json.dumps([link]),
    )
    assert email.with_links()[1] == (
        f'<p><a href="{link}">{link}</a></p><p><a href="{link}">{link}</a></p>'
    )
