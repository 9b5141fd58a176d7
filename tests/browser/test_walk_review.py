"""Found walking the review page in Chromium (issue 16, items 8 and 11): after "Show it in the
text" a refused submit still puts the focus on the error summary, and each finding's example
reason fits its kind; sv and en, axe clean."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from laurel.nominations.models import Nomination
from tests.nominations.helpers import MARIA, complete_post
from tests.scenarios import NOMINATE, new_token, solved_payload

pytestmark = pytest.mark.django_db(transaction=True)

TEXTS = {
    "en": ("Show it in the text", "Submit the nomination", "campaign and its year"),
    "sv": ("Visa i texten", "Skicka in nomineringen", "kampanj och året"),
}


@pytest.mark.parametrize("language", ["en", "sv"])
def test_after_showing_a_finding_a_refused_submit_focuses_the_error_summary(
    page, live_server, client, child10, settings, axe, language
):
    settings.ALTCHA_COST = 200
    show, submit, name_example = TEXTS[language]
    token = new_token(client)
    client.post(NOMINATE, complete_post(child10, token, answer_1=MARIA))
    with translation.override(language):
        review = reverse("nominations:review", kwargs={"token": token})
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + review)

    page.get_by_role("link", name=show).first.click()
    assert "#finding-" in page.url
    page.get_by_role("button", name=submit).click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused(timeout=20000)
    expect(summary.locator("li")).to_have_count(3)
    assert "#" not in page.url
    expect(page.locator(".finding-choice").first.locator(".field__help")).to_contain_text(
        name_example
    )
    assert axe(page) == []


def test_enter_on_the_private_link_page_never_marks_a_document_for_removal(
    page, live_server, client, child10, settings, axe
):
    settings.ALTCHA_COST = 200
    token = new_token(client)
    report = SimpleUploadedFile("report.pdf", b"%PDF-1.4 yearly report", "application/pdf")
    client.post(NOMINATE, {**complete_post(child10, token), "attachments": [report]})
    client.post(
        reverse("nominations:review", kwargs={"token": token}), {"altcha": solved_payload(settings)}
    )
    nomination = Nomination.objects.get()
    assert nomination.submitted_at and nomination.attachments.count() == 1
    page.goto(f"{live_server.url}/en/nominate/n/{token}/")
    expect(page.get_by_role("button", name="Remove report.pdf")).to_be_visible()

    page.locator("#id_org_city").fill("Novi Sad")
    page.locator("#id_org_city").press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Review your changes")
    nomination.refresh_from_db()
    assert nomination.pending_edit["data"]["org_city"] == "Novi Sad"
    assert nomination.pending_edit.get("remove", []) == []
    expect(page.locator("main")).not_to_contain_text("to be removed")
    assert axe(page) == []


def test_withdraw_without_the_tick_focuses_the_box_at_phone_width(
    page, live_server, client, child10, settings, axe
):
    settings.ALTCHA_COST = 200
    token = new_token(client)
    client.post(NOMINATE, complete_post(child10, token))
    client.post(
        reverse("nominations:review", kwargs={"token": token}), {"altcha": solved_payload(settings)}
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/sv/nominate/n/{token}/")

    page.get_by_role("button", name="Dra tillbaka").click()

    box = page.get_by_role("checkbox", name="Jag vill dra tillbaka den här nomineringen")
    expect(box).to_be_focused()
    expect(box).to_be_in_viewport()
    expect(box).to_have_accessible_description(
        "Kryssa i rutan för att bekräfta att du vill dra tillbaka nomineringen."
    )
    assert axe(page) == []
    page.keyboard.press("Space")
    page.get_by_role("button", name="Dra tillbaka").click()
    expect(page.get_by_text("Din nominering är tillbakadragen.")).to_be_visible()
