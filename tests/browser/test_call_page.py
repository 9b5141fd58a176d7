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


# --- Issue 16, items 15 to 17 in the browser ---


def test_on_a_phone_the_deadline_and_who_can_be_nominated_come_first(page, live_server, child10):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/en/")

    glance = page.get_by_role("region", name="At a glance")
    top = glance.bounding_box()["y"]
    background = page.get_by_role("heading", name="Background").bounding_box()["y"]

    expect(glance.get_by_text("Who can be nominated")).to_be_visible()
    expect(glance.get_by_text("Deadline")).to_be_visible()
    assert top < 844 * 1.2  # within the first screen and a bit: not 5,000 px down
    assert top < background


@pytest.mark.parametrize("language", ["sv", "en"])
def test_key_dates_keep_to_one_line_each_at_desktop_width(page, live_server, child10, language):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/{language}/")

    dates = page.locator("aside dl.dates dd")
    line = float(
        dates.first.evaluate("element => parseFloat(getComputedStyle(element).lineHeight)")
    )
    heights = [dates.nth(number).bounding_box()["height"] for number in range(dates.count())]

    assert dates.count() == 3
    assert all(height < line * 1.5 for height in heights), heights


def test_nominate_is_reachable_at_the_end_of_the_call(page, live_server, child10):
    page.goto(f"{live_server.url}/en/")

    links = page.get_by_role("link", name="Nominate an organisation")
    links.last.scroll_into_view_if_needed()
    links.last.click()

    expect(links).to_have_count(0)
    expect(page).to_have_url(f"{live_server.url}/en/nominate/")


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("path", ["privacy/", "laureates/", "no-such-page/"])
def test_the_other_public_pages_are_accessible(page, live_server, child10, axe, language, path):
    page.goto(f"{live_server.url}/{language}/{path}")

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="award@child10.org").first).to_be_visible()
    assert page.locator('nav[aria-label="Site"], nav[aria-label="Webbplats"]').count() == 0
    assert axe(page) == []
