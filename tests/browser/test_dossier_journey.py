"""From screening to the committee, in Chromium: the organisation consents through its link
and uploads a document, staff complete due diligence and redact, the committee reads only the
redacted text. axe-core on every page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from laurel.candidates.models import Placement
from laurel.notifications.models import OutgoingEmail
from tests.browser.helpers import signed_in_as
from tests.candidates.helpers import confirmed
from tests.conftest import make_user

IDENTIFYING = "Anna, 14, called us from 070-123 45 67 about a man she met online."
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture
def candidate(child10):
    nomination = confirmed(child10, "Trygga Nätet", website="trygga.se", answers={"1": IDENTIFYING})
    confirmed(child10, "Different Org", website="different.se")
    return Placement.objects.get(nomination=nomination).candidate


def test_from_screening_to_the_committee(page, live_server, candidate, axe, tmp_path, child10):
    staff = make_user("staff")
    signed_in_as(page, live_server, staff)
    base = f"{live_server.url}/en/staff/candidates/{candidate.pk}/"

    # Screen it eligible and ask the organisation.
    page.goto(base)
    page.get_by_label("Eligible", exact=True).check()
    page.get_by_role("button", name="Save the decision").click()
    page.get_by_label("The organisation's contact email").fill("info@trygga.se")
    page.get_by_label("Answer by").fill((timezone.now() + timedelta(days=14)).strftime("%Y-%m-%d"))
    page.get_by_role("button", name="Ask the organisation").click()
    page.get_by_role("button", name="Send the request").click()
    expect(page.locator(".message--success")).to_be_visible()
    assert axe(page) == []

    # The organisation answers through the link from its email, in Swedish.
    email = OutgoingEmail.objects.get(key="organisation_invitation")
    link = re.search(r"https?://\S+/organisation/\S+/", email.with_links()[0]).group(0)
    path = link.split("/en/", 1)[1] if "/en/" in link else link.split("/sv/", 1)[1]
    organisation = page.context.new_page()
    organisation.goto(f"{live_server.url}/sv/{path}")
    expect(organisation.get_by_role("heading", level=1)).to_have_text("Trygga Nätet är nominerad")
    assert axe(organisation) == []
    organisation.get_by_label("Ja, vi samtycker till att komma i fråga").check()
    organisation.locator("#id_city").fill("Umeå")
    policy = tmp_path / "policy.pdf"
    policy.write_bytes(PDF)
    organisation.get_by_label("Policy för att skydda barn").set_input_files(str(policy))
    organisation.get_by_role("button", name="Skicka vårt svar").click()
    expect(organisation.get_by_role("heading", level=1)).to_have_text("Tack")
    assert axe(organisation) == []
    organisation.close()

    # Due diligence, every area.
    page.goto(base)
    expect(
        page.get_by_role("link", name=re.compile("Safeguarding policy: policy.pdf"))
    ).to_be_visible()
    for area in ["finances", "child_rights", "safeguarding", "aims_and_impact", "do_no_harm"]:
        page.locator(f"#diligence_{area}-status").select_option("satisfactory")
        page.locator(f"#diligence_{area}-notes").fill("Checked against the documents.")
    page.get_by_role("button", name="Save the due diligence").click()
    expect(page.locator(".message--success")).to_be_visible()

    # Ready is refused until the committee's version is prepared: the message says what is missing.
    page.get_by_role("button", name="Mark ready for the committee").click()
    expect(page.locator(".message--error")).to_contain_text("the committee's version")

    # Redact: the flags are marked in place, replaced to start with; staff edit further.
    page.get_by_role("link", name=re.compile("Prepare the committee's version")).click()
    expect(page.locator("mark").first).to_be_visible()
    assert axe(page) == []
    answer = page.get_by_label(re.compile(r"^1\. "))
    expect(answer).to_have_value(re.compile(r"^\[…\], called us from \[…\]"))
    answer.fill("A girl called the helpline about a man she met online.")
    page.get_by_role("button", name="Save the committee's version").click()
    page.get_by_role("button", name="Mark ready for the committee").click()
    expect(page.get_by_text(re.compile("Ready since"))).to_be_visible()
    assert axe(page) == []

    # The committee reads only the redacted text.
    member = make_user("committee", cycle=child10)
    page.context.clear_cookies()
    signed_in_as(page, live_server, member)
    page.goto(f"{live_server.url}/en/committee/")
    assert axe(page) == []
    page.get_by_role("link", name="Trygga Nätet", exact=True).click()
    expect(
        page.get_by_text("A girl called the helpline about a man she met online.")
    ).to_be_visible()
    content = page.content()
    assert "Anna" not in content and "070-123" not in content
    assert axe(page) == []
