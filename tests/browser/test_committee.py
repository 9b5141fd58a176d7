"""The committee in Chromium: a member's ties, a conflict found and confirmed, a conflict
declared; staff propose and publish the assignment. axe-core on every page, in both languages."""

import pytest
from playwright.sync_api import expect

from laurel.cycles.enums import Phase
from tests.browser.helpers import signed_in_as
from tests.conftest import make_user
from tests.factories import in_phase
from tests.scenarios import member, ready


@pytest.mark.parametrize("language", ["en", "sv"])
def test_a_member_and_staff_prepare_the_review(page, live_server, child10, axe, language):
    staff = make_user("staff")
    tied = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    other = ready(child10, "Ljus och Röst", website="https://ljus.se", staff=staff)
    for number in range(3):
        ready(child10, f"Organisation {number} Bro", website=f"https://o{number}.se", staff=staff)
    alice = member(child10, "alice@example.org")
    for number in range(3):
        member(child10, f"m{number}@example.org")
    signed_in_as(page, live_server, alice)
    base = f"{live_server.url}/{language}"

    page.goto(f"{base}/committee/profile/")
    assert axe(page) == []
    page.locator("input[name=languages][value=sv]").check()
    page.locator("#id_ties-0-name").fill("Trygga Nätet")
    page.locator("#id_ties-0-country").select_option("SE")
    page.locator("#id_ties-0-kind").select_option("board")
    page.locator("main form button[type=submit]").click()

    expect(page.locator("#to-confirm")).to_be_visible()
    assert axe(page) == []
    yes = "Yes, a conflict" if language == "en" else "Ja, jäv"
    page.get_by_role("button", name=f"{yes} {tied.name}").click()
    declare = "Declare a conflict" if language == "en" else "Anmäl jäv"
    page.get_by_role("link", name=f"{declare} {other.name}").click()
    expect(page.locator("input[name=kind]:checked")).to_have_count(0)  # nothing preset
    assert axe(page) == []
    page.locator("input[name=kind][value=personal]").check()
    page.locator("main form button[type=submit]").click()
    page.locator("main form input[name=confirmed] ~ button[type=submit]").click()
    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator(".badge--failed")).to_have_count(2)

    page.goto(f"{base}/committee/candidates/{tied.pk}/")
    expect(page.locator("main h1")).to_be_visible()
    assert "trygga" not in page.locator("main").inner_text().lower().replace("trygga nätet", "")
    assert axe(page) == []

    page.context.clear_cookies()
    in_phase(child10, Phase.SCREENING)  # the call closed: staff assign the reviewers
    signed_in_as(page, live_server, staff)
    page.goto(f"{base}/staff/review/assignment/")
    page.locator("#id_k").fill("2")
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator(".message--success")).to_be_visible()
    assert axe(page) == []
    page.locator("form[action$='/publish/'] button").click()
    page.locator("main form input[name=confirmed] ~ button[type=submit]").click()
    expect(page.locator(".message--success")).to_be_visible()
    page.goto(f"{base}/staff/review/conflicts/")
    expect(page.locator("tbody tr")).to_have_count(2)
    assert axe(page) == []


@pytest.mark.parametrize("language", ["en", "sv"])
def test_staff_watch_progress_and_read_the_results(page, live_server, child10, axe, language):
    from laurel.review import services
    from tests.scenarios import FULL, open_review

    staff = make_user("staff")
    candidates = [
        ready(child10, f"Organisation {n} Bro", website=f"https://o{n}.se", staff=staff)
        for n in range(3)
    ]
    people = [member(child10, f"m{n}@example.org") for n in range(3)]
    in_phase(child10, Phase.SCREENING)
    services.propose_assignment(child10, actor=staff, k=3)
    services.publish_assignment(child10, actor=staff)
    open_review(child10)
    for number, person in enumerate(people):
        for candidate in candidates:
            scores = {key: max(1, value - number) for key, value in FULL.items()}
            services.save_review(
                person, candidate, scores=scores, comments={}, recommendation="yes", submit=True
            )
    signed_in_as(page, live_server, staff)

    page.goto(f"{live_server.url}/{language}/staff/review/progress/")
    expect(page.locator("tbody tr")).to_have_count(6)
    assert axe(page) == []
    page.goto(f"{live_server.url}/{language}/staff/review/results/")
    expect(page.locator("main table").first.locator("tbody tr")).to_have_count(3)
    assert axe(page) == []
    with page.expect_download() as download:
        page.locator("a[href*='format=xlsx']:not([href*='table='])").click()
    assert download.value.suggested_filename == "results-child10-2022.xlsx"
