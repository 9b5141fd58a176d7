"""The language chosen with the menu is remembered by a real browser (its Referer, its cookie)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_swedish_browser_that_switched_to_english_comes_back_to_english(
    browser, live_server, child10
):
    context = browser.new_context(locale="sv-SE", extra_http_headers={"Accept-Language": "sv"})
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/sv/")

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{live_server.url}/en/")
    cookie = {c["name"]: c for c in context.cookies()}["django_language"]
    page.close()

    later = context.new_page()  # the next visit, typing the bare address
    later.goto(f"{live_server.url}/")

    expect(later).to_have_url(f"{live_server.url}/en/")
    assert later.locator("html").get_attribute("lang") == "en"
    assert cookie["value"] == "en" and cookie["httpOnly"] and cookie["expires"] > 0
    context.close()
