"""The nominated organisation's link: consent or refusal, and what follows (the link's later
uses, the receipt, the undo window: test_consent_link.py)."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from laurel.candidates import services
from laurel.candidates.enums import CandidateState, Consent
from laurel.candidates.models import CandidateDocument
from laurel.notifications.models import OutgoingEmail
from tests.candidates.consent_helpers import asked, staff_member

pytestmark = pytest.mark.django_db


def test_asking_sends_the_link_and_schedules_two_reminders(child10):
    candidate, _nomination, token = asked(child10, language="sv")

    email = OutgoingEmail.objects.get()
    assert (email.key, email.to, email.language) == (
        "organisation_invitation",
        "info@trygga.se",
        "sv",
    )
    assert f"/sv/organisation/{token}/" in email.with_links()[0]  # as it is sent
    assert token not in email.body_text  # as it is stored: encrypted apart, until sent
    assert "nominator.private" not in email.body_text
    reminders = DBTaskResult.objects.filter(task_path__endswith="remind_organisation")
    assert reminders.count() == 2
    candidate.refresh_from_db()
    assert candidate.consent == Consent.PENDING


def test_the_page_says_it_was_nominated_but_never_by_whom(client, child10):
    _candidate, nomination, token = asked(child10)

    page = client.get(reverse("candidates:claim", args=[token])).content.decode()

    assert "Trygga Nätet is nominated" in page
    assert nomination.nominator_email not in page
    assert nomination.nominator_name not in page
    assert nomination.reference not in page


def test_consent_updates_the_profile_and_keeps_the_documents(client, child10):
    candidate, _nomination, token = asked(child10)

    response = client.post(
        reverse("candidates:claim", args=[token]),
        {
            "consent": "yes",
            "name": "Trygga Nätet – Föreningen",
            "city": "Umeå",
            "safeguarding_policy": SimpleUploadedFile("policy.pdf", b"%PDF-1.4 policy"),
        },
    )

    assert response.status_code == 302  # to the receipt: a reload sends nothing twice
    candidate.refresh_from_db()
    assert (candidate.consent, candidate.name) == (Consent.GIVEN, "Trygga Nätet – Föreningen")
    assert candidate.organisation.city == "Umeå"
    document = CandidateDocument.objects.get()
    assert (document.kind, document.from_organisation) == ("safeguarding_policy", True)


def test_a_bad_document_is_refused_next_to_its_field_and_the_answer_kept(client, child10):
    _candidate, _nomination, token = asked(child10)

    response = client.post(
        reverse("candidates:claim", args=[token]),
        {
            "consent": "yes",
            "city": "Umeå",
            "annual_report": SimpleUploadedFile("report.pdf", b"MZ not a document"),
        },
    )

    assert response.status_code == 400
    assert response.context["form"].errors["annual_report"]
    assert 'value="Umeå"' in response.content.decode()
    # The link still works: nothing was used up by a refused form.
    assert client.get(reverse("candidates:claim", args=[token])).status_code == 200


def test_refusing_asks_for_confirmation_before_anything_changes(client, child10):
    candidate, _nomination, token = asked(child10)
    url = reverse("candidates:claim", args=[token])

    response = client.post(url, {"consent": "no"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Confirm that you do not want to be considered" in page
    assert "will be erased 30 days from today" in page
    assert 'name="confirm_refusal" value="yes"' in page
    candidate.refresh_from_db()
    assert (candidate.state, candidate.consent) != (CandidateState.WITHDRAWN, Consent.REFUSED)
    assert candidate.consent == Consent.PENDING
    assert not OutgoingEmail.objects.filter(key="organisation_answered").exists()


def test_an_expired_link_is_refused_with_a_message(client, child10):
    _candidate, _nomination, token = asked(child10, days=3)

    with time_machine.travel(timezone.now() + timedelta(days=4)):
        response = client.get(reverse("candidates:claim", args=[token]))

    assert response.status_code == 410
    assert "expired" in response.content.decode()


def test_a_tampered_link_is_not_found(client, child10):
    _candidate, _nomination, token = asked(child10)
    tampered = token[:-2] + ("yy" if token.endswith("xx") else "xx")  # never the token itself

    response = client.get(reverse("candidates:claim", args=[tampered]))

    assert response.status_code == 404
    assert "not valid" in response.content.decode()


def test_a_new_link_replaces_the_old_one(client, child10):
    candidate, _nomination, first = asked(child10)
    services.invite_organisation(
        candidate,
        email="board@trygga.se",
        language="en",
        deadline=timezone.now() + timedelta(days=10),
        actor=staff_member(),
    )

    response = client.get(reverse("candidates:claim", args=[first]))

    assert response.status_code == 410
    assert "newer link" in response.content.decode()


def test_refusal_withdraws_and_erases_the_nominations_later(client, child10, run_tasks):
    candidate, nomination, token = asked(child10)

    client.post(
        reverse("candidates:claim", args=[token]), {"consent": "no", "confirm_refusal": "yes"}
    )

    candidate.refresh_from_db()
    assert (candidate.state, candidate.consent) == (CandidateState.WITHDRAWN, Consent.REFUSED)
    run_tasks()  # the erasure is not due yet: it waits
    nomination.refresh_from_db()
    assert nomination.nominator_email == "nominator.private@example.org"

    with time_machine.travel(candidate.erase_due_at + timedelta(minutes=1)):
        run_tasks()

    nomination.refresh_from_db()
    assert (nomination.nominator_email, nomination.answers, nomination.org_website) == ("", {}, "")
    assert nomination.reference  # the row, its reference and dates stay for the counts


def test_a_reminder_goes_only_while_there_is_no_answer(client, child10, run_tasks):
    candidate, _nomination, token = asked(child10, days=14)
    candidate.refresh_from_db()
    OutgoingEmail.objects.all().delete()

    with time_machine.travel(candidate.consent_deadline - timedelta(days=6)):
        run_tasks()
    client.post(reverse("candidates:claim", args=[token]), {"consent": "yes"})
    with time_machine.travel(candidate.consent_deadline - timedelta(days=1)):
        run_tasks()

    keys = list(OutgoingEmail.objects.order_by("pk").values_list("key", flat=True))
    assert keys == ["organisation_reminder", "organisation_answered"]


def test_asking_twice_after_an_answer_is_refused(child10):
    candidate, _nomination, token = asked(child10)
    services.answer_claim(token, consent=True)

    with pytest.raises(services.ScreeningError, match="answered already"):
        services.invite_organisation(
            candidate,
            email="x@trygga.se",
            language="en",
            deadline=timezone.now() + timedelta(days=5),
            actor=staff_member(),
        )


def test_the_claim_link_never_reaches_the_audit_log(child10):
    from laurel.core.models import AuditEntry

    _candidate, _nomination, token = asked(child10)

    assert not any(token in str(e.data) + e.summary for e in AuditEntry.objects.all())
    assert re.fullmatch(r"[\w-]{20,64}", token)
