"""The summit in Chromium (issue 17, items 5 and 10), in both languages, axe-core on every
page: a contact changes and withdraws a delegate with the keyboard, the register form gives
way to a sentence once the places are taken; staff reveal the passport data of a request."""

import re

import pytest
from playwright.sync_api import expect

from laurel.laureates import services
from laurel.laureates.models import Delegate
from tests.browser.helpers import a_laureate_with_two_delegates, sign_in_contact, signed_in_as

pytestmark = pytest.mark.django_db(transaction=True)

TEXTS = {
    "en": {
        "change": "Change the details Maria Kowalska",
        "save": "Save the changes",
        "saved": "The delegate's details are saved.",
        "withdraw": "Withdraw Piotr Nowak",
        "confirm": "Withdraw the delegate",
        "withdrawn": "Piotr Nowak is withdrawn from the summit.",
        "full": "Your 2 places are taken.",
        "left": "1 place left.",
    },
    "sv": {
        "change": "Ändra uppgifterna Maria Kowalska",
        "save": "Spara ändringarna",
        "saved": "Delegatens uppgifter är sparade.",
        "withdraw": "Dra tillbaka Piotr Nowak",
        "confirm": "Dra tillbaka delegaten",
        "withdrawn": "Piotr Nowak är tillbakadragen från toppmötet.",
        "full": "Era 2 platser är tagna.",
        "left": "1 plats kvar.",
    },
}


@pytest.mark.parametrize("language", ["en", "sv"])
def test_a_contact_changes_and_withdraws_delegates_by_keyboard(
    page, live_server, child10, axe, language
):
    _staff, contact, _laureate = a_laureate_with_two_delegates(child10)
    words = TEXTS[language]
    url = live_server.url

    sign_in_contact(page, url, contact.email, language)
    page.goto(f"{url}/{language}/programme/summit/")
    register = page.locator("section[aria-labelledby=register]")
    expect(register).to_contain_text(words["full"])
    expect(register.locator("form")).to_have_count(0)
    assert axe(page) == []

    change = page.get_by_role("link", name=words["change"])
    change.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/programme/summit/delegates/\d+/$"))
    expect(page.locator("#id_role")).to_be_visible()
    assert axe(page) == []
    page.locator("#id_role").fill("Programme lead")
    page.get_by_role("button", name=words["save"]).focus()
    page.keyboard.press("Enter")
    expect(page.locator(".message--success")).to_have_text(words["saved"])

    page.get_by_role("button", name=words["withdraw"]).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name=words["confirm"])).to_be_visible()
    assert axe(page) == []
    page.get_by_role("button", name=words["confirm"]).focus()
    page.keyboard.press("Enter")
    expect(page.locator(".message--success")).to_have_text(words["withdrawn"])
    expect(page.locator("section[aria-labelledby=register]")).to_contain_text(words["left"])
    expect(page.locator("#id_full_name")).to_be_visible()
    assert axe(page) == []

    assert Delegate.objects.get(full_name="Maria Kowalska").role == "Programme lead"
    assert Delegate.objects.get(full_name="Piotr Nowak").state == "cancelled"


def test_the_actions_sit_on_one_line_beside_each_other(page, live_server, child10):
    _staff, contact, _laureate = a_laureate_with_two_delegates(child10)

    signed_in_as(page, live_server, contact)
    page.goto(f"{live_server.url}/en/programme/summit/")
    actions = page.locator(".delegate-actions").first
    link = actions.get_by_role("link").bounding_box()
    button = actions.get_by_role("button").bounding_box()

    assert abs(link["y"] - button["y"]) < 8  # one line
    assert button["x"] > link["x"] + link["width"]  # side by side, not overlapping


@pytest.mark.parametrize("language", ["en", "sv"])
def test_staff_reveal_the_passport_data_of_a_request(browser, live_server, child10, axe, language):
    from datetime import date

    staff, _contact, laureate = a_laureate_with_two_delegates(child10)
    delegate = laureate.delegates.get(full_name="Maria Kowalska")
    Delegate.objects.filter(pk=delegate.pk).update(needs_visa=True)
    delegate.refresh_from_db()
    services.give_passport_data(
        delegate, passport_number="AB1234567", nationality="MA", date_of_birth=date(1985, 4, 2),
        passport_expires_on=date(2033, 1, 1), actor=None,
    )  # fmt: skip
    page = browser.new_context().new_page()
    signed_in_as(page, live_server, staff)

    page.goto(f"{live_server.url}/{language}/staff/summit/")
    assert axe(page) == []
    page.locator("td a[href*='/staff/summit/visas/']").click()
    expect(page.locator("main")).to_contain_text("•••• 567")
    expect(page.locator("main")).not_to_contain_text("AB1234567")
    assert axe(page) == []
    page.locator("form[action*='/reveal/'] button").click()
    expect(page.locator("main")).to_contain_text("AB1234567")
    expect(page.locator("main")).to_contain_text("Morocco" if language == "en" else "Marocko")
    expect(page.locator("main")).to_contain_text(
        "2 April 1985" if language == "en" else "2 april 1985"
    )
    assert axe(page) == []
