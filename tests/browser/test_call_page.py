import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    ("language", "heading", "criteria_heading"),
    [
        ("sv", "Slipping through the net", "Kriterier"),
        ("en", "Slipping through the net", "Criteria"),
    ],
)
def test_call_page_is_accessible_and_self_contained(
    page, live_server, child10, axe, requests_seen, language, heading, criteria_heading
):
    page.goto(f"{live_server.url}/{language}/")

    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_role("heading", name=criteria_heading)).to_be_visible()
    expect(page.locator("ol.criteria > li")).to_have_count(4)
    expect(page.locator("ul.benefits > li")).to_have_count(4)
    assert axe(page) == []
    assert [url for url in requests_seen if not url.startswith(live_server.url)] == []


def test_language_switch_keeps_the_page(page, live_server, child10):
    page.goto(f"{live_server.url}/en/privacy/")

    page.get_by_role("link", name="Svenska").click()

    expect(page).to_have_url(f"{live_server.url}/sv/privacy/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Integritetspolicy")
    assert page.locator("html").get_attribute("lang") == "sv"


def test_call_page_works_without_javascript(browser, live_server, child10):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    page.goto(f"{live_server.url}/en/")
    page.get_by_role("link", name="Svenska").click()

    expect(page.get_by_role("heading", name="Vad pristagarna får")).to_be_visible()
    expect(page.get_by_text("Nomineringen stänger den")).to_be_visible()
    context.close()


def test_keyboard_reaches_the_skip_link_first_and_it_moves_focus(page, live_server, child10):
    page.goto(f"{live_server.url}/en/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    outline = skip.evaluate("element => getComputedStyle(element).outlineStyle")
    page.keyboard.press("Enter")

    assert outline == "solid"
    expect(page.locator("main")).to_be_focused()


def test_call_page_reflows_on_a_phone(page, live_server, child10, axe):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/sv/")

    width = page.evaluate("document.documentElement.scrollWidth")

    assert width <= 360
    assert axe(page) == []
