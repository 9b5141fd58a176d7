"""The nominated organisation's link in Chromium: answer yes with a document on a phone in
Swedish, come back and add another, change to no (confirmed), and undo it at desktop width in
English. axe-core on every page; screenshots go to var/screenshots/consent/ (not committed)."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from laurel.candidates import services
from laurel.candidates.enums import Consent
from laurel.candidates.models import Candidate, CandidateDocument, Placement
from tests.candidates.helpers import confirmed
from tests.conftest import make_user

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots" / "consent"


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def fits(page, width: int) -> bool:
    return page.evaluate("document.scrollingElement.scrollWidth") <= width


def test_answer_come_back_add_refuse_and_undo(page, live_server, child10, axe, tmp_path):
    nomination = confirmed(child10, "Trygga Nätet", website="trygga.se")
    candidate = Placement.objects.get(nomination=nomination).candidate
    staff = make_user("staff")
    services.set_contact(
        candidate, name="Ana Petrović", email="info@trygga.se", language="sv", actor=staff
    )
    token = services.invite_organisation(
        candidate,
        email="info@trygga.se",
        language="sv",
        deadline=timezone.now() + timedelta(days=14),
        actor=staff,
    )
    policy, report = tmp_path / "policy.pdf", tmp_path / "report.pdf"
    policy.write_bytes(PDF)
    report.write_bytes(PDF)

    # On a phone, in Swedish: the page greets the contact and explains; a missing answer is
    # refused with a summary whose link moves to the question.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/sv/organisation/{token}/")
    expect(page.get_by_text("Hej Ana Petrović,")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Trygga Nätet är nominerad")
    assert fits(page, 390)
    assert axe(page) == []
    shot(page, "open-sv-390")
    page.get_by_role("button", name="Skicka vårt svar").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Välj om er organisation samtycker till att komma i fråga.")
    assert axe(page) == []
    shot(page, "error-sv-390")
    summary.get_by_role("link").first.click()
    expect(page.locator("#id_consent_0")).to_be_in_viewport()

    # Yes, with the safeguarding policy: the receipt lists it.
    page.get_by_label("Ja, vi samtycker till att komma i fråga").check()
    page.get_by_label("Policy för att skydda barn").set_input_files(str(policy))
    page.get_by_role("button", name="Skicka vårt svar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tack")
    expect(page.get_by_text("Policy för att skydda barn: policy.pdf")).to_be_visible()
    assert fits(page, 390)
    assert axe(page) == []
    shot(page, "receipt-sv-390")

    # Come back later (a fresh visit to the link): the answer, and a way to add a document.
    page.goto(f"{live_server.url}/sv/organisation/{token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ert svar")
    page.get_by_role("link", name="Lägg till dokument, rätta uppgifter eller ändra svaret").click()
    expect(page.get_by_label("Ja, vi samtycker till att komma i fråga")).to_be_checked()
    page.get_by_label("Senaste verksamhetsberättelsen").set_input_files(str(report))
    page.get_by_role("button", name="Skicka vårt svar").click()
    expect(page.get_by_text("Senaste verksamhetsberättelsen: report.pdf")).to_be_visible()
    expect(page.get_by_text("Policy för att skydda barn: policy.pdf")).to_be_visible()
    assert CandidateDocument.objects.filter(candidate=candidate).count() == 2

    # At desktop width, in English: change to no, which asks first and states the consequence.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/en/organisation/{token}/?change")
    page.get_by_label("No, we do not want to be considered").check()
    page.get_by_role("button", name="Send our answer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Confirm that you do not want to be considered"
    )
    expect(page.get_by_text("will be erased 30 days from today")).to_be_visible()
    assert axe(page) == []
    shot(page, "refuse-confirm-en-1280")
    assert Candidate.objects.get(pk=candidate.pk).consent == Consent.GIVEN
    page.get_by_role("button", name="Confirm: we do not want to be considered").click()
    expect(page.get_by_text("does not want to be considered for the award")).to_be_visible()
    expect(page.get_by_text("Changed your mind?")).to_be_visible()
    assert axe(page) == []
    shot(page, "refused-en-1280")
    assert Candidate.objects.get(pk=candidate.pk).consent == Consent.REFUSED

    # Undo: back to yes through the same link; nothing will be erased.
    page.get_by_role("link", name="Change our answer").click()
    page.get_by_label("Yes, we agree to be considered").check()
    page.get_by_role("button", name="Send our answer").click()
    expect(page.get_by_text("agrees to be considered for the award")).to_be_visible()
    assert axe(page) == []
    undone = Candidate.objects.get(pk=candidate.pk)
    assert (undone.consent, undone.erase_due_at) == (Consent.GIVEN, None)
