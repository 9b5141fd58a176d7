"""The candidates list in Chromium: the Screen and Flags columns inside the table's box at
every desktop width in both languages, and bulk screening by keyboard, with and without
JavaScript; axe-core on the list and the progress page."""

import pytest
from playwright.sync_api import expect

from laurel.candidates.enums import CandidateState, Flag
from laurel.candidates.models import Candidate, Placement
from tests.browser.helpers import signed_in_as
from tests.candidates.helpers import confirmed
from tests.conftest import make_user


@pytest.fixture
def to_screen(child10):
    """Candidates whose rows are as wide as rows get: long names, every flag, the quick
    buttons for outside the countries and for every nomination withdrawn."""
    names = [
        "Stiftelsen för Digitalt Barnskydd och Trygga Uppväxtmiljöer i Norden",
        "Fundacja Bezpieczne Dzieci w Internecie",
        "Internationale Arbeitsgemeinschaft gegen Kinderhandel",
    ]
    for number, name in enumerate(names):
        confirmed(child10, name, country=("US" if number == 0 else "PL"), language="sv")
    Candidate.objects.filter(cycle=child10).update(flags=list(Flag.values))
    candidate = Placement.objects.filter(nomination__org_name=names[2]).get().candidate
    Candidate.objects.filter(pk=candidate.pk).update(nomination_count=0)
    return names


def boxes(page, selector: str) -> list[dict]:
    return page.eval_on_selector_all(
        selector,
        """cells => cells.map(cell => {
            const box = cell.getBoundingClientRect();
            const scroller = cell.closest('.table-scroll').getBoundingClientRect();
            return {left: box.left, right: box.right, width: box.width,
                    container: scroller.right, viewport: window.innerWidth};
        })""",
    )


@pytest.mark.parametrize("language", ["en", "sv"])
@pytest.mark.parametrize("width", [1024, 1280, 1440])
def test_the_screen_and_flags_columns_are_inside_the_table_at_every_desktop_width(
    page, live_server, to_screen, language, width
):
    page.set_viewport_size({"width": width, "height": 900})
    signed_in_as(page, live_server, make_user("staff"))

    page.goto(f"{live_server.url}/{language}/staff/candidates/")

    screen_cells = boxes(page, "td.col-screen, th.col-screen")
    flag_cells = boxes(page, "td.col-flags, th.col-flags")
    assert len(screen_cells) == len(flag_cells) == 4
    for cell in screen_cells + flag_cells:
        assert cell["width"] > 0
        assert cell["right"] <= cell["container"] + 0.5, cell
        assert cell["right"] <= cell["viewport"], cell
    overflow = page.eval_on_selector(
        ".candidates-table", "scroller => scroller.scrollWidth - scroller.clientWidth"
    )
    assert overflow <= 0
    buttons = boxes(page, "td.col-screen button")
    # Eligible on each row; outside the countries on the first; every nomination withdrawn
    # on the third.
    assert len(buttons) == 5
    assert all(b["right"] <= b["container"] for b in buttons)


@pytest.mark.parametrize("language", ["en", "sv"])
def test_staff_screen_a_page_of_candidates_by_keyboard(page, live_server, to_screen, axe, language):
    page.set_viewport_size({"width": 1280, "height": 900})
    signed_in_as(page, live_server, make_user("staff"))
    page.goto(f"{live_server.url}/{language}/staff/candidates/")
    assert axe(page) == []

    every = (
        "Every candidate on this page (3)" if language == "en" else "Alla kandidater på sidan (3)"
    )
    page.get_by_label(every).focus()
    page.keyboard.press("Space")
    expect(page.locator('input[name="candidate"]:checked')).to_have_count(3)
    # One row unticked: only the other two are marked.
    choose = "Choose" if language == "en" else "Välj"
    page.get_by_label(f"{choose} {to_screen[0]}").focus()
    page.keyboard.press("Space")
    expect(page.get_by_label(every)).not_to_be_checked()
    page.locator("#id_action").focus()
    page.locator("#id_action").select_option("eligible")
    apply = "Apply" if language == "en" else "Utför"
    page.get_by_role("button", name=apply).focus()
    page.keyboard.press("Enter")

    done = (
        "2 candidates marked eligible."
        if language == "en"
        else "2 kandidater markerade som behöriga."
    )
    expect(page.locator(".message--success")).to_have_text(done)
    states = dict(Candidate.objects.values_list("name", "state"))
    assert states[to_screen[0]] == CandidateState.TO_SCREEN
    assert states[to_screen[1]] == states[to_screen[2]] == CandidateState.ELIGIBLE
    assert axe(page) == []

    progress = "Screening progress" if language == "en" else "Granskningsläge"
    page.get_by_role("link", name=progress).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(progress)
    assert axe(page) == []


def test_every_candidate_on_the_page_works_without_javascript(browser, live_server, to_screen):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    signed_in_as(page, live_server, make_user("staff"))
    page.goto(f"{live_server.url}/en/staff/candidates/")

    page.get_by_label("Every candidate on this page (3)").check()
    page.locator("#id_action").select_option("ineligible")
    page.locator("#id_reason").select_option("outside_theme")
    page.get_by_role("button", name="Apply").click()
    expect(
        page.get_by_role("heading", name="Mark the chosen candidates ineligible?")
    ).to_be_visible()
    page.get_by_role("button", name="Mark ineligible").click()

    expect(page.locator(".message--success")).to_have_text("3 candidates marked ineligible.")
    assert set(Candidate.objects.values_list("state", flat=True)) == {CandidateState.INELIGIBLE}
    context.close()
