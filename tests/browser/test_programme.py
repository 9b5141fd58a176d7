"""A laureate accepts through its letter's link and its contact chooses what may be published,
in Chromium, in both languages; axe-core on every page."""

import pytest
from playwright.sync_api import expect

from laurel.accounts.models import RoleGrant
from laurel.laureates.models import Laureate
from laurel.selection import queries
from tests.factories import UserFactory
from tests.laureates.test_portal import announced, letter_to, token_of  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("language", ["en", "sv"])
def test_accepting_and_choosing_what_is_published(page, live_server, announced, axe, language):  # noqa: F811
    place = queries.places(announced)["laureate"][0]
    letter = letter_to(announced, place.candidate)
    url = live_server.url

    page.goto(f"{url}/{language}/laureate/{token_of(letter)}/")
    assert axe(page) == []
    page.locator("button[value=accept]").click()
    expect(page.locator("main h1")).to_have_text("Thank you" if language == "en" else "Tack")
    assert axe(page) == []

    contact = UserFactory(email=letter.to)
    contact.set_password("correct horse battery staple")
    contact.save(update_fields=["password"])
    RoleGrant.objects.create(user=contact, role="laureate_contact", cycle=announced.cycle)
    page.goto(f"{url}/en/accounts/login/")
    page.get_by_label("Email").fill(contact.email)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(f"{url}/en/programme/")
    page.goto(f"{url}/{language}/programme/")
    assert axe(page) == []
    page.locator("#id_publish_name").uncheck()
    page.locator("#id_at_risk").check()
    page.locator("form button[type=submit]").last.click()
    expect(page.locator(".message--success")).to_be_visible()
    assert axe(page) == []
    laureate = Laureate.objects.get()
    assert (laureate.publish_name, laureate.at_risk) == (False, True)
    page.goto(f"{url}/{language}/laureates/")
    expect(page.locator(".laureates")).not_to_contain_text(place.candidate.name)
    assert axe(page) == []
