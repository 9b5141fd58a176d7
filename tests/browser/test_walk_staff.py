"""Found walking the staff area through a cycle after issue 17, in Chromium: pages that must fit
a phone and keep the staff navigation."""

from datetime import date

import pytest
from playwright.sync_api import expect

from laurel.laureates import services
from laurel.laureates.models import Delegate, VisaRequest
from tests.browser.helpers import a_laureate_with_two_delegates, signed_in_as

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("language", ["en", "sv"])
def test_a_visa_request_fits_a_phone_with_the_staff_navigation(
    browser, live_server, child10, axe, language
):
    staff, _contact, laureate = a_laureate_with_two_delegates(child10)
    delegate = laureate.delegates.get(full_name="Maria Kowalska")
    Delegate.objects.filter(pk=delegate.pk).update(needs_visa=True)
    delegate.refresh_from_db()
    services.give_passport_data(
        delegate, passport_number="AB1234567", nationality="MA", date_of_birth=date(1985, 4, 2),
        passport_expires_on=date(2033, 1, 1), actor=None,
    )  # fmt: skip
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    signed_in_as(page, live_server, staff)

    page.goto(f"{live_server.url}/{language}/staff/summit/visas/{VisaRequest.objects.get().pk}/")

    expect(page.locator(".staff-nav a[aria-current='true']")).to_have_attribute(
        "href", f"/{language}/staff/summit/"
    )
    expect(page.locator("main")).to_contain_text("•••• 567")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator("form[action*='/reveal/'] button").click()
    expect(page.locator("main")).to_contain_text("AB1234567")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe(page) == []
