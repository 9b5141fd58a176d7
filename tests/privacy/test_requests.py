"""Data-subject requests: everything held about a person found, exported (JSON and PDF),
corrected and erased, with the rights of others kept; an organisation's copy never names its
nominators; each request tracked to its due date."""

import json
import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from laurel.core.models import AuditEntry
from laurel.laureates.models import Delegate, Laureate, Summit
from laurel.nominations.models import Nomination
from laurel.notifications.models import OutgoingEmail
from laurel.privacy import requests
from laurel.privacy.models import SubjectRequest
from laurel.review.models import Comment
from tests.candidates.helpers import confirmed
from tests.factories import UserFactory
from tests.pdf import pdf_text
from tests.scenarios import delegate_values, ready, summit_values


@pytest.fixture
def anna(child10, staff_user):
    """Anna Berg nominated Other Org; Bo nominated it too; a reviewer wrote about Anna; she is
    a delegate of a laureate; an email went to her."""
    nomination = confirmed(child10, "Other Org", email="anna.berg@example.org")
    Nomination.objects.filter(pk=nomination.pk).update(nominator_name="Anna Berg")
    confirmed(child10, "Other Org", email="bo@example.org")
    candidate = nomination.placement.candidate
    reviewer = UserFactory(email="reviewer@example.org")
    Comment.objects.create(candidate=candidate, author=reviewer, text="Anna Berg called me.")
    winner = ready(child10, "Trygga Nätet", staff=staff_user)
    laureate = Laureate.objects.create(cycle=child10, candidate=winner, accepted_at=timezone.now())
    Summit.objects.create(cycle=child10, **summit_values())
    Delegate.objects.create(
        laureate=laureate, **delegate_values(full_name="Anna Berg", email="anna.berg@example.org")
    )
    return nomination


def open_for(client, **values):
    data = {"kind": "access", "about": "person", "email": "", "name": "",
            "received_on": "2026-01-31"} | values  # fmt: skip
    return client.post(reverse("privacy:requests"), data)


@pytest.mark.parametrize(
    ("received", "due"),
    [(date(2026, 1, 31), date(2026, 2, 28)), (date(2028, 1, 31), date(2028, 2, 29)),
     (date(2026, 12, 15), date(2027, 1, 15))],
)  # fmt: skip
def test_the_answer_is_due_one_month_after_receipt(received, due):
    assert SubjectRequest.due_date(received) == due


def test_staff_open_a_request_and_see_what_is_held(anna, staff_client):
    response = open_for(staff_client, email="Anna.Berg@example.org", name="Anna Berg")

    request = SubjectRequest.objects.get()
    assert response.url == reverse("privacy:request", kwargs={"pk": request.pk})
    assert request.due_on == date(2026, 2, 28)
    page = staff_client.get(response.url).content.decode()
    assert "1 nomination they made" in page
    assert "1 summit registration" in page
    assert "1 passage by reviewers or staff that names them" in page
    assert AuditEntry.objects.filter(key="subject_request.opened").count() == 1


def test_a_request_needs_an_address_or_a_name(staff_client, child10):
    response = open_for(staff_client)

    assert response.status_code == 200
    assert "Give the email address, the name, or both." in response.content.decode()
    assert not SubjectRequest.objects.exists()


def test_a_persons_copy_holds_their_data_and_not_who_wrote_about_them(anna, staff_client):
    open_for(staff_client, email="anna.berg@example.org", name="Anna Berg")
    request = SubjectRequest.objects.get()

    response = staff_client.get(
        reverse("privacy:request_export", kwargs={"pk": request.pk, "fmt": "json"})
    )

    assert response["Content-Disposition"].endswith('.json"')
    data = json.loads(response.content)["data"]
    [made] = data["nominations you made"]
    assert made["nominator_email"] == "anna.berg@example.org" and made["org_name"] == "Other Org"
    assert data["what others wrote about you"] == [
        {"where": "discussion", "text": "Anna Berg called me."}
    ]
    assert data["summit registrations"][0]["full_name"] == "Anna Berg"
    text = response.content.decode()
    assert "reviewer@example.org" not in text and "bo@example.org" not in text
    bodies = " ".join(row["body_text"] for row in data["emails sent to you"])
    assert "[private-link-1]" in bodies  # the outbox keeps her private links out of the body
    assert not re.search(r"/nominate/(n|confirm)/(?!\[private\])", bodies)
    entry = AuditEntry.objects.get(key="subject_request.exported")
    assert "anna" not in json.dumps(entry.data).lower()

    pdf = staff_client.get(
        reverse("privacy:request_export", kwargs={"pk": request.pk, "fmt": "pdf"})
    )
    words = pdf_text(pdf.content)
    assert "What we hold about you" in words and "anna.berg@example.org" in words
    assert "reviewer@example.org" not in words


def test_an_organisations_copy_never_reveals_its_nominators(anna, staff_user):
    request = requests.open_request(
        kind="access", about="organisation", email="", name="Other Org",
        received_on=date(2026, 3, 1), actor=staff_user,
    )  # fmt: skip

    data = requests.export_data(request)["data"]

    assert len(data["nominations of the organisation"]) == 2
    text = json.dumps(data)
    for secret in ("anna", "Anna", "bo@example.org", "nominator", "relationship"):
        assert secret not in text
    assert "Trains moderators" in text  # what the nominations say about the organisation
    with pytest.raises(requests.RequestError):
        requests.erase(request, actor=staff_user)


def test_erasure_removes_the_person_and_keeps_the_rest(anna, staff_user, staff_client):
    OutgoingEmail.objects.create(
        key="nomination_withdrawn", to="anna.berg@example.org", language="en",
        subject="Thank you, Anna", body_text="Dear Anna Berg", state="sent",
    )  # fmt: skip
    request = requests.open_request(
        kind="erasure", about="person", email="anna.berg@example.org", name="Anna Berg",
        received_on=timezone.localdate(), actor=staff_user,
    )  # fmt: skip
    url = reverse("privacy:request_erase", kwargs={"pk": request.pk})

    refused = staff_client.post(url, {})
    assert refused.status_code == 400 and "This field is required." in refused.content.decode()
    assert Delegate.objects.count() == 1

    staff_client.post(url, {"confirm": "on"})

    anna.refresh_from_db()
    assert anna.nominator_email == anna.nominator_name == "" and anna.org_name == "Other Org"
    assert not any("anna" in json.dumps(v.data).lower() for v in anna.versions.all())
    assert Nomination.objects.filter(nominator_email="bo@example.org").exists()
    assert not Delegate.objects.exists()
    assert Comment.objects.get().text == "[erased] called me."
    email = OutgoingEmail.objects.get(key="nomination_withdrawn")
    assert email.to == "erased@invalid" and "Anna" not in email.body_text + email.subject
    entry = AuditEntry.objects.get(key="subject_request.erased")
    assert entry.data["nominations"] == 1 and entry.data["delegates"] == 1
    assert entry.data["mentions"] == 1
    assert requests.holdings(request).count() == 0


def test_an_erased_user_account_is_closed_and_unnamed(child10, staff_user):
    member = UserFactory(email="member@example.org", full_name="Mia Member")
    AuditEntry.objects.create(key="review.submitted", actor=member, actor_label=member.email)
    request = requests.open_request(
        kind="erasure", about="person", email="member@example.org", name="",
        received_on=timezone.localdate(), actor=staff_user,
    )  # fmt: skip

    requests.erase(request, actor=staff_user)

    member.refresh_from_db()
    assert member.is_active is False and member.email == f"erased-{member.pk}@invalid"
    assert not member.has_usable_password()
    assert AuditEntry.objects.get(key="review.submitted").actor_label == f"erased user {member.pk}"


def test_a_correction_reaches_every_record_and_is_logged(anna, staff_user, staff_client):
    request = requests.open_request(
        kind="rectification", about="person", email="anna.berg@example.org", name="Anna Berg",
        received_on=timezone.localdate(), actor=staff_user,
    )  # fmt: skip
    url = reverse("privacy:request_correct", kwargs={"pk": request.pk})

    assert staff_client.post(url, {"email": "", "name": ""}).status_code == 400
    staff_client.post(url, {"email": "anna@berg.se", "name": "Anna Berg-Lind"})

    anna.refresh_from_db()
    assert (anna.nominator_email, anna.nominator_name) == ("anna@berg.se", "Anna Berg-Lind")
    assert Delegate.objects.get().email == "anna@berg.se"
    assert AuditEntry.objects.get(key="subject_request.corrected").data == {"records": 2}


def test_a_request_is_closed_with_its_outcome(anna, staff_user, staff_client):
    request = requests.open_request(
        kind="access", about="person", email="anna.berg@example.org", name="",
        received_on=timezone.localdate(), actor=staff_user,
    )  # fmt: skip
    url = reverse("privacy:request_close", kwargs={"pk": request.pk})

    assert staff_client.post(url, {"state": "done", "notes": ""}).status_code == 400
    staff_client.post(url, {"state": "done", "notes": "Copy sent by post."})

    request.refresh_from_db()
    assert request.state == "done" and request.closed_at is not None
    listing = staff_client.get(reverse("privacy:requests")).content.decode()
    assert "No open requests." in listing


def test_a_restriction_stops_emails_and_hides_them_from_the_api(anna, staff_user, staff_client):
    from laurel.api import tokens
    from laurel.notifications.services import queue_email

    request = requests.open_request(
        kind="restriction", about="person", email="Anna.Berg@example.org", name="",
        received_on=timezone.localdate(), actor=staff_user,
    )  # fmt: skip
    waiting = OutgoingEmail.objects.filter(to="anna.berg@example.org", state="queued").count()
    assert waiting >= 1  # her nomination's emails, not yet sent
    url = reverse("privacy:request_restrict", kwargs={"pk": request.pk})

    staff_client.post(url)

    assert not OutgoingEmail.objects.filter(to="anna.berg@example.org", state="queued").exists()
    later = queue_email(
        "nomination_withdrawn", to="anna.berg@example.org", language="en",
        context={"nomination": anna, "cycle": anna.cycle, "private_url": "x"},
    )  # fmt: skip
    assert (later.state, later.subject, later.body_text) == ("cancelled", "", "")
    _token, key = tokens.create_token(name="t", scopes=["nominations.personal"], actor=staff_user)
    rows = staff_client.get(
        "/api/v1/cycles/child10-2022/nominations", HTTP_AUTHORIZATION=f"Bearer {key}"
    ).json()["items"]
    emails = {row["nominator_email"] for row in rows}
    assert None in emails and "bo@example.org" in emails
    assert "anna.berg@example.org" not in emails
    assert AuditEntry.objects.filter(key="subject_request.restricted").count() == 1
    assert (
        "restricted"
        in staff_client.get(reverse("privacy:request", kwargs={"pk": request.pk})).content.decode()
    )

    staff_client.post(url)  # lifted

    again = queue_email(
        "nomination_withdrawn", to="anna.berg@example.org", language="en",
        context={"nomination": anna, "cycle": anna.cycle, "private_url": "x"},
    )  # fmt: skip
    assert again.state == "queued" and again.subject != ""


def test_an_email_queued_before_the_restriction_is_not_delivered(anna, staff_user, run_tasks):
    from django.core import mail

    from laurel.notifications.models import Suppression

    mail.outbox.clear()
    # Restricted behind the outbox's back (as if between queueing and delivery).
    Suppression.objects.create(address="bo@example.org", reason="restriction")
    run_tasks()

    assert [m.to for m in mail.outbox if "bo@example.org" in m.to] == []
    assert set(
        OutgoingEmail.objects.filter(to="bo@example.org").values_list("state", flat=True)
    ) == {"cancelled"}
