"""The selection meeting in Chromium (issue 17, item 8): the chair, in one browser context,
opens a round and steps through the agenda by keyboard; a member, in another, sees the round
and the current candidate arrive without navigating. The member's screen is not re-rendered
while nothing changes, and no request is sent while the page is hidden. axe on both pages."""

import re

from playwright.sync_api import expect

from laurel.selection import queries, services
from tests.browser.helpers import person, signed_in_as
from tests.conftest import make_user
from tests.selection.helpers import scored_committee

POLL = "/selection/meeting/current/"


def polls(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url) if POLL in request.url else None)
    return seen


def more_than(page, seen: list[str], count: int, *, within_ms: int) -> bool:
    """Whether `seen` grows past `count` within the time given (checked every 100 ms)."""
    for _tick in range(within_ms // 100):
        if len(seen) > count:
            return True
        page.wait_for_timeout(100)
    return len(seen) > count


def hide(page, hidden: bool) -> None:
    """What the browser does when the tab goes to the background or comes back."""
    page.evaluate(
        """(hidden) => {
            Object.defineProperty(document, "hidden", {value: hidden, configurable: true});
            Object.defineProperty(document, "visibilityState",
                {value: hidden ? "hidden" : "visible", configurable: true});
            document.dispatchEvent(new Event("visibilitychange"));
        }""",
        hidden,
    )


def test_a_round_the_chair_opens_reaches_the_members_screen_without_navigation(
    page, browser, live_server, child10, axe
):
    staff = make_user("staff")
    committee = scored_committee(child10, staff, count=4)
    first, second, third, _fourth = committee.candidates
    for candidate in committee.candidates:
        services.shortlist_candidate(candidate, kind="shortlist", actor=staff)
    url = live_server.url

    chair = page
    signed_in_as(chair, live_server, committee.chair)
    alice = person(browser, live_server, committee.members[0])
    bob = person(browser, live_server, committee.members[1])  # follows in Swedish
    alice_polls = polls(alice)
    alice.goto(f"{url}/en/selection/meeting/")
    bob.goto(f"{url}/sv/selection/meeting/")
    assert axe(alice) == []
    alice.evaluate("() => { document.getElementById('meeting-current').dataset.kept = 'yes'; }")
    alice.evaluate("() => { window.notReloaded = true; }")

    # Nothing changes: the polls come back empty and the fragment is the same element.
    assert more_than(alice, alice_polls, 1, within_ms=10_000)
    expect(alice.locator("#meeting-current[data-kept=yes]")).to_have_count(1)

    # The chair opens a round on the selection page (topic, ballot, candidates).
    chair.goto(f"{url}/en/selection/")
    chair.get_by_label("What the round decides").select_option("laureates")
    chair.get_by_label("Ballot", exact=True).select_option("approval")
    for candidate in (second, third):
        chair.locator("form[action$='/selection/rounds/']").get_by_label(candidate.name).check()
    chair.get_by_role("button", name="Open a round").click()
    expect(chair.locator("main h1")).to_have_text("Round 1")

    link = alice.locator("#meeting-current").get_by_role("link", name="Round 1 is open: vote here")
    expect(link).to_be_visible(timeout=10_000)
    expect(bob.locator("#meeting-current")).to_contain_text(
        "Omgång 1 är öppen: rösta här", timeout=10_000
    )
    assert alice.url == f"{url}/en/selection/meeting/"
    assert alice.evaluate("() => window.notReloaded") is True

    # The chair steps through the agenda by keyboard; the current item is marked.
    chair.goto(f"{url}/en/selection/meeting/")
    chair.get_by_role("button", name="Next", exact=True).focus()
    chair.keyboard.press("Enter")
    expect(chair.locator("[aria-current=step]")).to_have_text(first.name)
    chair.get_by_role("button", name="Next", exact=True).focus()
    chair.keyboard.press("Enter")
    expect(chair.locator("[aria-current=step]")).to_have_text(second.name)
    expect(chair.locator(".meeting-steps")).to_contain_text(first.name)  # Previous
    expect(chair.locator(".meeting-steps")).to_contain_text(third.name)  # Next
    assert axe(chair) == []

    expect(alice.locator("#meeting-current h3")).to_have_text(second.name, timeout=10_000)
    assert alice.evaluate("() => window.notReloaded") is True
    assert axe(alice) == []

    # Hidden: no request at all; shown again: one at once.
    hide(alice, True)
    alice.wait_for_timeout(500)
    hidden_from = len(alice_polls)
    alice.wait_for_timeout(7_000)
    assert len(alice_polls) == hidden_from
    hide(alice, False)
    assert more_than(alice, alice_polls, hidden_from, within_ms=400)

    # The record form of the chair starts with nobody ticked here; the first candidate's
    # record would have Bob ticked (his declared conflict).
    services.go_to(child10, entry=queries.shortlist(child10).first(), actor=committee.chair)
    chair.reload()
    expect(chair.get_by_label(committee.members[1].full_name)).to_be_checked()
    expect(chair.get_by_label(committee.members[0].full_name)).not_to_be_checked()
    assert re.search(r"/selection/meeting/$", chair.url)
