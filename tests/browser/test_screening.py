"""The screening console in Chromium: duplicates confirmed and undone, a candidate screened;
axe-core on every page, in English and Swedish."""

import pytest
from playwright.sync_api import expect

from laurel.candidates.models import Placement
from tests.browser.helpers import signed_in_as
from tests.candidates.helpers import confirmed
from tests.conftest import make_user


@pytest.fixture
def batch(child10):
    """Two spellings of one organisation, a third that joins by its website, a look-alike that
    is another organisation, one more."""
    first = confirmed(child10, "Digitala Kinderskyddsnätet", website="kinderskydd.se")
    confirmed(child10, "Digitala Kinderskyddsnätat", language="sv")
    confirmed(child10, "Stiftelsen Vänskapsbron")
    confirmed(child10, "Stiftelsen Vänskapsbyn")
    confirmed(child10, "Child Protection Net", website="https://www.kinderskydd.se/en")
    confirmed(child10, "Fundacja Bezpieczne Dzieci", country="PL", relationship="self")
    return Placement.objects.get(nomination=first).candidate


@pytest.mark.parametrize("language", ["en", "sv"])
def test_staff_merge_a_duplicate_undo_it_and_screen_a_candidate(
    page, live_server, batch, axe, language
):
    signed_in_as(page, live_server, make_user("staff"))

    page.goto(f"{live_server.url}/{language}/staff/candidates/")
    expect(page.get_by_role("link", name="Digitala Kinderskyddsnätet")).to_be_visible()
    assert axe(page) == []

    page.goto(f"{live_server.url}/{language}/staff/candidates/duplicates/")
    assert axe(page) == []
    bron = page.locator("section.suggestion", has_text="Vänskapsbron")
    different = "Not the same organisation" if language == "en" else "Inte samma organisation"
    bron.get_by_role("button", name=different).click()
    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator("section.suggestion", has_text="Vänskapsbron")).to_have_count(0)
    merge = "Same organisation: merge" if language == "en" else "Samma organisation: slå ihop"
    page.get_by_role("button", name=merge).click()
    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator("section.suggestion")).to_have_count(0)

    page.goto(f"{live_server.url}/{language}/staff/candidates/{batch.pk}/")
    assert axe(page) == []
    undo = "Undo this merge" if language == "en" else "Ångra sammanslagningen"
    page.get_by_role("button", name=undo).click()
    expect(page.locator(".message--success")).to_be_visible()

    page.goto(f"{live_server.url}/{language}/staff/candidates/{batch.pk}/")
    save = "Save the decision" if language == "en" else "Spara beslutet"
    ineligible = "Ineligible" if language == "en" else "Ej behörig"
    page.get_by_label(ineligible, exact=True).check()
    page.get_by_role("button", name=save).click()
    reason = page.locator("#id_reason")
    expect(reason).to_have_attribute("aria-invalid", "true")
    assert axe(page) == []
    reason.select_option("outside_theme")
    page.get_by_role("button", name=save).click()
    mark = "Mark ineligible" if language == "en" else "Markera som ej behörig"
    page.get_by_role("button", name=mark, exact=True).click()
    expect(page.locator(".badge--ineligible").first).to_be_visible()
    assert axe(page) == []


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_overview_charts_pass_axe(page, live_server, batch, axe, language):
    signed_in_as(page, live_server, make_user("staff"))

    page.goto(f"{live_server.url}/{language}/staff/candidates/overview/")

    expect(page.locator("svg.chart").first).to_be_visible()
    page.locator("details:not(.staff-nav__menu) > summary").click()
    assert axe(page) == []
