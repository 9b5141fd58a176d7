"""The duplicates page in Chromium (issue 18, item 4): a group of three records of one
organisation, compared side by side at a phone's width and merged with one button; axe-core
clean, in English and Swedish."""

import pytest
from playwright.sync_api import expect

from laurel.candidates.models import Candidate, DuplicateSuggestion, Placement
from tests.browser.helpers import signed_in_as
from tests.candidates.helpers import confirmed
from tests.conftest import make_user


def _suggest(cycle, one, other, reasons, confidence, matched):
    pair = sorted([one.pk, other.pk])
    DuplicateSuggestion.objects.create(
        cycle=cycle,
        first_id=pair[0],
        second_id=pair[1],
        confidence=confidence,
        reasons=reasons,
        matched=matched,
    )


@pytest.fixture
def group(child10):
    """BRIS three times: its Swedish name (two nominations), its acronym, its English name."""

    def candidate(name, **fields):
        return Placement.objects.get(nomination=confirmed(child10, name, **fields)).candidate

    national = candidate("Barnens Rätt i Samhället", website="https://www.bris.se")
    confirmed(child10, "Barnens Rätt i Samhället", website="https://bris.se")
    acronym = candidate("BRIS", country="FI", website="https://bris.se/en")
    english = candidate("Children's Rights in Society", country="DK", registration="802")
    DuplicateSuggestion.objects.all().delete()
    _suggest(child10, national, acronym, ["acronym", "same-domain"], 0.97, ["BRIS", national.name])
    _suggest(child10, national, english, ["translation"], 0.86, [national.name, english.name])
    return national, acronym, english


@pytest.mark.parametrize("language", ["en", "sv"])
def test_staff_merge_a_group_of_three_at_a_phone_s_width(page, live_server, group, axe, language):
    national, acronym, english = group
    signed_in_as(page, live_server, make_user("staff"))
    page.set_viewport_size({"width": 390, "height": 844})

    page.goto(f"{live_server.url}/{language}/staff/candidates/duplicates/")

    section = page.locator("section.suggestion-group")
    expect(section).to_have_count(1)
    strong = "Strong evidence" if language == "en" else "Starka belägg"
    expect(section.locator(".evidence-level")).to_contain_text(strong)
    expect(section.get_by_role("link", name="Children's Rights in Society")).to_have_count(1)
    assert page.evaluate("document.scrollingElement.scrollWidth") == 390
    assert axe(page) == []

    merge = "Merge these 3 into the one kept" if language == "en" else "Slå ihop dessa 3"
    section.get_by_role("button", name=merge).click()

    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator("section.suggestion-group")).to_have_count(0)
    assert axe(page) == []
    assert set(
        Candidate.objects.filter(pk__in=[acronym.pk, english.pk]).values_list(
            "state", "merged_into"
        )
    ) == {("merged", national.pk)}
