"""Staff move a cycle on from the dashboard, in a real browser: the phase panel, the
confirmation that lists what is still open, the move; every page passes axe, in both languages."""

import pytest
from playwright.sync_api import expect

from laurel.cycles.enums import Phase
from laurel.cycles.models import Cycle
from tests.browser.helpers import signed_in_as
from tests.candidates.helpers import confirmed
from tests.conftest import make_user
from tests.factories import in_phase

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = {
    "en": ("Current phase:", "Move to “Review”", "1 candidate is not yet screened.", "Review"),
    "sv": (
        "Aktuell fas:",
        "Flytta till ”Bedömning”",
        "1 kandidat är inte granskad än.",
        "Bedömning",
    ),
}


@pytest.mark.parametrize("language", ["en", "sv"])
def test_staff_move_the_cycle_after_seeing_what_is_still_open(
    page, live_server, child10, axe, language
):
    current, button, still_open, review = WORDS[language]
    confirmed(child10, "Ljus", website="https://ljus.se")
    in_phase(child10, Phase.SCREENING)
    signed_in_as(page, live_server, make_user("staff"))

    page.goto(f"{live_server.url}/{language}/staff/")
    expect(page.locator("#phase-heading")).to_contain_text(current)
    expect(page.locator("main")).to_contain_text(still_open)
    assert axe(page) == []
    page.get_by_role("button", name=button).click()

    expect(page.locator("main h1")).to_contain_text(review)
    expect(page.locator("main")).to_contain_text(still_open)
    assert axe(page) == []
    assert Cycle.objects.get(pk=child10.pk).phase == Phase.SCREENING  # nothing moved yet
    page.get_by_role("button", name=button).click()

    expect(page.locator("#phase-heading")).to_contain_text(review)
    assert axe(page) == []
    assert Cycle.objects.get(pk=child10.pk).phase == Phase.REVIEW
