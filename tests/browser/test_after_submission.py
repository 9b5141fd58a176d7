"""After submission in Chromium: an edit with a child's details goes through the review, each
finding handled alone, by keyboard, axe clean, in both languages and at phone width; the
private link with and without JavaScript."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from laurel.nominations.models import Nomination
from tests.browser.helpers import tab_to, type_into
from tests.nominations.helpers import MARIA, complete_post
from tests.scenarios import NOMINATE, new_token, solved_payload

pytestmark = pytest.mark.django_db(transaction=True)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"

TEXTS = {
    "en": {
        "review_changes": "Review the changes",
        "heading": "Review your changes",
        "confirm": "Confirm the changes",
        "saved": "Your changes are saved.",
        "reason": "Invented for the organisation's published case study",
        "copy": "Copy link",
        "copied": "Copied",
    },
    "sv": {
        "review_changes": "Granska ändringarna",
        "heading": "Granska dina ändringar",
        "confirm": "Bekräfta ändringarna",
        "saved": "Dina ändringar är sparade.",
        "reason": "Påhittat exempel i organisationens publicerade fallstudie",
        "copy": "Kopiera länken",
        "copied": "Kopierad",
    },
}


def submitted(client, cycle, settings, language: str) -> str:
    token = new_token(client)
    client.post(NOMINATE, complete_post(cycle, token))
    client.post(
        reverse("nominations:review", kwargs={"token": token}), {"altcha": solved_payload(settings)}
    )
    with translation.override(language):
        return reverse("nominations:manage", kwargs={"token": token})


def shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["en", "sv"])
def test_an_edit_with_a_childs_details_is_reviewed_finding_by_finding(
    page, live_server, client, child10, settings, axe, language
):
    settings.ALTCHA_COST = 200
    t = TEXTS[language]
    manage = submitted(client, child10, settings, language)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + manage)
    answer = page.locator("#id_answer_2")
    tab_to(page, answer)
    page.keyboard.press("Control+a")
    page.keyboard.type(MARIA)
    tab_to(page, page.get_by_role("button", name=t["review_changes"]))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(t["heading"])
    marks = page.locator("mark.finding")
    expect(marks).to_have_count(3)
    expect(marks.nth(1)).to_contain_text("Bulevar oslobođenja 12")
    assert "Maria" not in Nomination.objects.get().answers["2"]  # nothing applied yet
    assert axe(page) == []
    shoot(page, f"after-review-changes-{language}-390")

    # One press of the button cannot wave it through: the summary takes the focus.
    tab_to(page, page.get_by_role("button", name=t["confirm"]))
    page.keyboard.press("Enter")
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary.locator("li")).to_have_count(3)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll
    assert axe(page) == []
    shoot(page, f"after-review-refused-{language}-390")

    keeps = page.locator(".findings__list input[type=checkbox]")
    for index in range(3):
        tab_to(page, keeps.nth(index))
        page.keyboard.press("Space")
        type_into(page, page.locator(".findings__list input[type=text]").nth(index), t["reason"])
    tab_to(page, page.get_by_role("button", name=t["confirm"]))
    page.keyboard.press("Enter")

    expect(page.get_by_text(t["saved"])).to_be_visible(timeout=20000)
    nomination = Nomination.objects.get()
    assert nomination.answers["2"] == MARIA
    assert nomination.held_for_moderation is False  # the browser did the proof of work
    assert len(nomination.safeguarding_confirmations) == 3
    assert axe(page) == []


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_private_link_can_be_copied_and_is_plain_text_without_javascript(
    browser, live_server, client, child10, settings, axe, language
):
    t = TEXTS[language]
    manage = submitted(client, child10, settings, language)
    thank_you = manage + "submitted/"
    with_js = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = with_js.new_page()
    page.goto(live_server.url + thank_you)
    field = page.locator("#private-link")
    expect(field).to_have_value(live_server.url + manage)
    page.get_by_role("button", name=t["copy"]).click()
    expect(page.locator("[data-copy-status]")).to_have_text(t["copied"])
    assert page.evaluate("navigator.clipboard.readText()") == live_server.url + manage
    assert axe(page) == []
    shoot(page, f"after-thank-you-{language}")
    with_js.close()

    without_js = browser.new_context(java_script_enabled=False)
    page = without_js.new_page()
    page.goto(live_server.url + thank_you)
    expect(page.locator("#private-link")).to_have_value(live_server.url + manage)
    expect(page.get_by_role("button", name=t["copy"])).to_be_hidden()
    assert re.search(r"nora@example\.org", page.locator(".private-link").inner_text())
    without_js.close()
