"""Part 7's walk of the duplicates page in Chromium (issue 18): suggestions the engine makes for
real-world spellings (an acronym, a translation) beside a pair staff suggested by hand, a group
of three, brand-alikes never offered; in English and Swedish, at a desk's and a phone's width;
reject and reopen a pair, merge a group, undo one of its merges. Screenshots go to
$LAUREL_SHOTS when it is set (looked at by hand); the assertions stand without them."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from laurel.candidates import services
from laurel.candidates.enums import CandidateState, SuggestionState
from laurel.candidates.models import Candidate, DuplicateSuggestion, MergeRecord, Placement
from tests.browser.helpers import signed_in_as
from tests.candidates.helpers import confirmed
from tests.conftest import make_user

SHOTS = os.environ.get("LAUREL_SHOTS", "")
STAFF_LINK = {"en": "Possible duplicates", "sv": "Möjliga dubbletter"}


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def candidate(cycle, name, **fields) -> Candidate:
    return Placement.objects.get(nomination=confirmed(cycle, name, **fields)).candidate


@pytest.fixture
def call(child10):
    bris = candidate(child10, "BRIS")
    national = candidate(child10, "Barnens Rätt i Samhället")
    english = candidate(child10, "Children's Rights in Society")
    finnish = candidate(child10, "Pelastakaa Lapset ry", country="FI")
    save = candidate(child10, "Save the Children Suomi", country="FI")
    candidate(
        child10, "Wildwasser Berlin e.V.", country="DE", website="https://wildwasser-berlin.de"
    )
    candidate(
        child10, "Wildwasser Marburg e.V.", country="DE", website="https://wildwasser-marburg.de"
    )
    services.suggest_duplicates(child10)
    # The engine does not see this translation (reported to the lead): staff's own suggestion.
    pair = sorted([national.pk, english.pk])
    if not DuplicateSuggestion.objects.filter(first_id=pair[0], second_id=pair[1]).exists():
        DuplicateSuggestion.objects.create(
            cycle=child10,
            first_id=pair[0],
            second_id=pair[1],
            confidence=0.86,
            reasons=["translation"],
            matched=[national.name, english.name],
        )
    return {"bris": bris, "national": national, "english": english, "fi": (finnish, save)}


@pytest.mark.parametrize("language", ["en", "sv"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_duplicates_page_as_staff_read_it(page, live_server, call, axe, language, width):
    signed_in_as(page, live_server, make_user("staff"))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/{language}/staff/candidates/duplicates/")
    shot(page, f"duplicates-{language}-{width}")

    group = page.locator("section.suggestion-group")
    expect(group).to_have_count(1)
    if SHOTS:
        group.screenshot(path=f"{SHOTS}/group-{language}-{width}.png")
        page.locator("section.card").nth(1).screenshot(path=f"{SHOTS}/pair-{language}-{width}.png")
    for name in ("BRIS", "Barnens Rätt i Samhället", "Children's Rights in Society"):
        expect(group.get_by_role("link", name=name, exact=True)).to_have_count(1)
    expect(page.get_by_text("Pelastakaa Lapset ry").first).to_be_visible()
    assert "Wildwasser" not in page.content()
    assert page.evaluate("document.scrollingElement.scrollWidth") == width
    assert axe(page) == []
    menu = page.locator("nav.staff-nav details")
    heading = page.get_by_role("heading", level=1)
    pair_table = page.locator("section.card.suggestion .table-scroll").first
    if width == 390:
        # On a phone the page comes first: the staff menu is folded, the heading on the first
        # screen, and the pair's details stacked, each candidate's value under its label.
        expect(menu).not_to_have_attribute("open", "")
        assert heading.bounding_box()["y"] < 450  # it was below 1,000 px of menu
        assert pair_table.evaluate("box => box.scrollWidth <= box.clientWidth")
        group_table = group.locator(".table-scroll")
        assert group_table.evaluate("box => box.scrollWidth <= box.clientWidth")
        expect(group_table.get_by_role("link", name="BRIS", exact=True)).to_be_visible()
        first = "First candidate" if language == "en" else "Första kandidaten"
        label = pair_table.locator("td").first.evaluate(
            "td => getComputedStyle(td, '::before').content"
        )
        assert label == f'"{first}"'
        menu.locator("summary").click()
        expect(menu.get_by_role("link", name=STAFF_LINK[language])).to_be_visible()
        assert axe(page) == []
    else:
        expect(menu).to_have_attribute("open", "")
        expect(menu.locator("summary")).to_be_hidden()
        expect(menu.get_by_role("link", name=STAFF_LINK[language])).to_be_visible()

    page.goto(f"{live_server.url}/{language}/staff/candidates/{call['national'].pk}/")
    shot(page, f"candidate-{language}-{width}")
    assert axe(page) == []


def test_reject_reopen_merge_a_group_and_undo_one_merge(page, live_server, call, axe):
    signed_in_as(page, live_server, make_user("staff"))
    base = f"{live_server.url}/en/staff/candidates/duplicates/"
    page.goto(f"{base}?country=FI")
    shot(page, "walk-1-country-fi")
    expect(page.locator("section.suggestion-group")).to_have_count(0)
    page.get_by_role("button", name="Not the same organisation").first.click()
    expect(page.locator(".message--success")).to_be_visible()
    shot(page, "walk-2-rejected")
    page.locator(".message--success a").click()
    shot(page, "walk-3-decided")
    page.get_by_role("button", name="Reopen").first.click()
    expect(page.locator(".message--success")).to_be_visible()
    shot(page, "walk-4-reopened")
    finnish, save = call["fi"]
    assert (
        DuplicateSuggestion.objects.get(
            first_id=min(finnish.pk, save.pk), second_id=max(finnish.pk, save.pk)
        ).state
        == SuggestionState.OPEN
    )

    page.goto(base)
    group = page.locator("section.suggestion-group")
    group.get_by_role("button", name="Merge these 3").click()
    expect(page.locator(".message--success")).to_be_visible()
    shot(page, "walk-5-group-merged")
    kept = Candidate.objects.exclude(state=CandidateState.MERGED).get(
        pk__in=[call["bris"].pk, call["national"].pk, call["english"].pk]
    )
    assert MergeRecord.objects.filter(target=kept, undone_at=None).count() == 2
    # Back, then the same form again: nothing more is merged, and staff are told why.
    page.go_back()
    page.reload()
    expect(page.locator("section.suggestion-group")).to_have_count(0)

    page.goto(f"{live_server.url}/en/staff/candidates/{kept.pk}/")
    shot(page, "walk-6-kept-candidate")
    page.get_by_role("button", name="Undo this merge").first.click()
    expect(page.locator(".message--success")).to_be_visible()
    shot(page, "walk-7-undone")
    assert MergeRecord.objects.filter(target=kept, undone_at=None).count() == 1
    page.goto(base)
    shot(page, "walk-8-after-undo")
    assert axe(page) == []


@pytest.mark.parametrize("language", ["en", "sv"])
def test_a_member_sees_the_conflict_their_tie_found_under_another_name(
    page, live_server, child10, axe, language
):
    """A tie written as the English name finds the candidate known by its Swedish name, through
    a nomination merged into it; the member's page says which name the tie matched."""
    from laurel.review import services as review
    from tests.scenarios import member, ready

    staff = make_user("staff")
    kept = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    english = candidate(child10, "Safe Net Sweden", email="other.nominator@example.org")
    services.merge_candidates(english, kept, actor=staff)
    alice = member(child10, "alice@example.org")
    review.save_profile(
        alice,
        child10,
        languages=["en"],
        country="SE",
        affiliations=[review.Tie(kind="board", name="Safe Net Sweden", country="SE")],
    )

    signed_in_as(page, live_server, alice)
    page.goto(f"{live_server.url}/{language}/committee/")
    shot(page, f"committee-{language}")
    matched = "your tie matched" if language == "en" else "din koppling stämde överens med"
    expect(page.locator("#to-confirm").locator("..")).to_contain_text(
        f"Trygga Nätet ({matched} Safe Net Sweden)"
    )
    assert axe(page) == []
    # Not answered yet: the table says so, it does not call it a conflict already.
    row = page.get_by_role("row", name="Trygga Nätet")
    answer = "Possible conflict: answer above" if language == "en" else "Möjligt jäv: svara ovan"
    expect(row).to_contain_text(answer)
    expect(row).not_to_contain_text("You have a conflict" if language == "en" else "Du är jävig")


@pytest.mark.parametrize("language", ["en", "sv"])
def test_a_group_holding_a_pair_marked_different_says_so_and_is_not_merged(
    page, live_server, call, axe, language
):
    staff = make_user("staff")
    pair = sorted([call["bris"].pk, call["english"].pk])
    marked = DuplicateSuggestion.objects.create(
        cycle=call["bris"].cycle,
        first_id=pair[0],
        second_id=pair[1],
        confidence=0.85,
        reasons=["similar-name"],
    )
    services.reject_suggestion(marked, actor=staff)
    signed_in_as(page, live_server, staff)
    page.goto(f"{live_server.url}/{language}/staff/candidates/duplicates/")
    group = page.locator("section.suggestion-group")
    expect(group.locator(".group-marked-different")).to_be_visible()
    if SHOTS:
        group.screenshot(path=f"{SHOTS}/group-marked-{language}.png")
    assert axe(page) == []
    merge = "Merge these 3" if language == "en" else "Slå ihop dessa 3"
    group.get_by_role("button", name=merge).click()
    expect(page.locator(".message--error")).to_be_visible()
    shot(page, f"group-marked-refused-{language}")
    assert not MergeRecord.objects.exists()
