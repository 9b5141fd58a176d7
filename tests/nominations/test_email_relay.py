"""The nomination form takes any address: it must not become a way to write to a stranger.
Its emails carry no text the nominator typed, an address gets a few an hour, and a held
nomination gets nothing until staff release it."""

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse

from laurel.nominations.models import Nomination
from laurel.notifications.models import OutgoingEmail
from tests.conftest import sign_in
from tests.nominations.helpers import complete_post
from tests.scenarios import NOMINATE, new_token, solved_payload

pytestmark = pytest.mark.django_db

VICTIM = "victim@example.org"
TYPED = {
    "nominator_name": "Your account is locked, call +1 555 0100 or visit http://evil.example",
    "org_name": "Claim your prize at evil.example",
    "org_city": "http://evil.example/login",
}


def typed_post(cycle, token, **changes):
    return complete_post(cycle, token, nominator_email=VICTIM, **TYPED | changes)


def every_email_text() -> str:
    rows = OutgoingEmail.objects.values_list("subject", "body_text", "body_html")
    return "\n".join("\n".join(row) for row in rows) + "\n".join(m.body for m in mail.outbox)


def test_fifteen_drafts_to_one_address_send_only_the_hourly_share(client, child10, run_tasks):
    for _ in range(15):
        last = client.post(NOMINATE, typed_post(child10, new_token(client), action="save"))
    run_tasks()

    assert Nomination.objects.count() == 15  # every draft is kept
    assert len(mail.outbox) == 10  # settings.NOMINATION_EMAILS_PER_ADDRESS
    assert {m.to[0] for m in mail.outbox} == {VICTIM}
    page = client.get(last.url)
    said = " ".join(str(m) for m in get_messages(page.wsgi_request))
    assert "We sent no email this time" in said
    # No email brings the private link this time: the message says where it is instead.
    assert "Bookmark this page: its address is your private link" in said


def test_no_nomination_email_carries_what_the_nominator_typed(client, child10, run_tasks, settings):
    token = new_token(client)
    client.post(NOMINATE, typed_post(child10, token, action="save"))
    client.post(NOMINATE, typed_post(child10, token, action="review"))
    review = reverse("nominations:review", kwargs={"token": token})
    client.post(review, {"altcha": solved_payload(settings)})
    manage = reverse("nominations:manage", kwargs={"token": token})
    client.post(manage, typed_post(child10, token, action="save", org_founded_year="2010"))
    client.post(review, {"altcha": solved_payload(settings), "action": "apply"})
    client.post(reverse("nominations:withdraw", kwargs={"token": token}), {"really": "yes"})
    run_tasks()

    keys = sorted(OutgoingEmail.objects.values_list("key", flat=True))
    assert keys == [
        "nomination_draft", "nomination_edited", "nomination_submitted", "nomination_withdrawn"
    ]  # fmt: skip
    assert len(mail.outbox) == 4
    text = every_email_text()
    assert "evil" not in text and "555" not in text and "locked" not in text
    assert Nomination.objects.get().reference in text


def test_a_held_nomination_gets_no_email_until_staff_release_it(
    client, child10, run_tasks, staff_user
):
    token = new_token(client)
    client.post(NOMINATE, complete_post(child10, token))
    submitted = client.post(reverse("nominations:review", kwargs={"token": token}), {})
    run_tasks()
    nomination = Nomination.objects.get()
    page = client.get(submitted.url).content.decode()

    assert nomination.moderation_reason == "no-proof-of-work"
    assert mail.outbox == []
    assert OutgoingEmail.objects.get().state == "held"
    assert "held for a check by the secretariat before it counts" in page
    assert "After the check we email nora@example.org a link to confirm" in page

    sign_in(client, staff_user)
    client.post(reverse("nominations:release", args=[nomination.pk]))
    run_tasks()

    assert [m.subject for m in mail.outbox] == [
        f"Please confirm your nomination {nomination.reference}"
    ]


def test_a_confirmation_past_the_hourly_share_is_held_not_lost(
    client, child10, run_tasks, settings
):
    settings.NOMINATION_EMAILS_PER_ADDRESS = 1
    token = new_token(client)
    client.post(NOMINATE, complete_post(child10, token, action="save"))  # the one email
    client.post(NOMINATE, complete_post(child10, token))
    client.post(
        reverse("nominations:review", kwargs={"token": token}), {"altcha": solved_payload(settings)}
    )
    run_tasks()

    nomination = Nomination.objects.get()
    assert (nomination.state, nomination.held_for_moderation) == ("submitted", True)
    assert nomination.moderation_reason == "many-emails-to-one-address"
    assert [m.subject.split(" ")[0] for m in mail.outbox] == ["Your"]  # the draft's link only
    assert OutgoingEmail.objects.filter(key="nomination_submitted", state="held").count() == 1
