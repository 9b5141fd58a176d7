"""The override that breaks a constraint, in Chromium, in Swedish and English: the page says
which constraint and the slate's true total, the lock asks for the chair's reason, then the
confirmation step names what the lock does; the locked page shows the record's hash. axe-core on
every page."""

import pytest
from playwright.sync_api import expect

from laurel.cycles.enums import Phase
from laurel.selection import queries, services
from laurel.selection.models import Decision
from tests.browser.helpers import signed_in_as
from tests.conftest import make_user
from tests.factories import in_phase
from tests.selection.helpers import scored_committee

WORDS = {
    "en": {
        "breach": "At most 1 laureate from one country: the slate has 2 from Sweden.",
        "broken": "broken by the committee's changes",
        "missing": "The chair gives a reason to lock the decision all the same.",
        "lock": "I confirm the decision as chair",
        "confirm": "Lock the decision",
        "frozen": "The decision is frozen as a record with a content hash",
        "irreversible": "This cannot be undone.",
        "locked": "The decision is locked.",
        "hash": "Content hash of the record (SHA-256):",
    },
    "sv": {
        "breach": "Högst 1 pristagare från ett och samma land: urvalet har 2 från Sverige.",
        "broken": "bryts av kommitténs ändringar",
        "missing": "Ordföranden anger ett skäl för att ändå kunna låsa beslutet.",
        "lock": "Jag bekräftar beslutet som ordförande",
        "confirm": "Lås beslutet",
        "frozen": "Beslutet fryses som ett protokoll med en kontrollsumma",
        # core/confirm.html's own sentence is not in the Swedish catalogue on main yet.
        "irreversible": None,
        "locked": "Beslutet är låst.",
        "hash": "Protokollets kontrollsumma (SHA-256):",
    },
}
REASON = "Two Swedish organisations, on different sides of the problem."


@pytest.mark.parametrize("language", ["en", "sv"])
def test_an_override_that_breaks_a_constraint_needs_the_chairs_reason_to_lock(
    page, live_server, child10, axe, language
):
    words = WORDS[language]
    child10.laureate_count = 3
    child10.save(update_fields=["laureate_count"])
    staff = make_user("staff")
    committee = scored_committee(child10, staff, count=5)
    for candidate in committee.candidates:
        services.shortlist_candidate(candidate, kind="shortlist", actor=staff)
    in_phase(child10, Phase.DELIBERATION)
    decision = services.suggest_slate(
        child10, max_per_country=1, min_per_kind={}, reserve_count=1, from_shortlist=True,
        actor=staff,
    )  # fmt: skip
    irish = next(p for p in queries.places(decision)["laureate"] if p.candidate.country == "IE")
    reserve = queries.places(decision)["reserve"][0].candidate
    services.replace_place(
        decision, removed=irish.candidate, added=reserve, reason="Victim support.",
        actor=committee.chair,
    )  # fmt: skip
    for place in decision.places.filter(role="laureate"):
        services.write_place(
            place, reason="R.", citation={"sv": "Svensk.", "en": "English."},
            summary={"sv": "Svensk.", "en": "English."}, actor=staff,
        )  # fmt: skip
    url = f"{live_server.url}/{language}/selection/decision/"
    signed_in_as(page, live_server, committee.chair)

    page.goto(url)
    expect(page.locator("section[aria-labelledby=breaches]")).to_contain_text(words["breach"])
    expect(page.locator("section[aria-labelledby=suggestion]")).to_contain_text(words["broken"])
    expect(page.locator("#slate-total")).to_be_visible()
    assert axe(page) == []
    page.get_by_role("button", name=words["lock"]).click()
    expect(page.locator(".errorlist").first).to_contain_text(words["missing"])
    assert axe(page) == []
    page.get_by_label(words["breach"]).fill(REASON)
    page.get_by_role("button", name=words["lock"]).click()
    expect(page.locator("main")).to_contain_text(words["frozen"])
    if words["irreversible"]:
        expect(page.locator("main")).to_contain_text(words["irreversible"])
    assert axe(page) == []
    assert Decision.objects.get().state == "draft"
    page.get_by_role("button", name=words["confirm"]).click()
    expect(page.locator(".message--success")).to_have_text(words["locked"])
    decision = Decision.objects.get()
    expect(page.locator("section[aria-labelledby=lock]")).to_contain_text(
        f"{words['hash']} {decision.record_hash}"
    )
    assert axe(page) == []
    assert decision.breach_reasons == {"country:SE": REASON}

    # At a phone's width the 64-character hash wraps: the page does not scroll sideways.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.scrollingElement.scrollWidth") == 390
