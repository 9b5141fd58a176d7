"""A member scores a candidate with the keyboard: draft, then submit. axe-core on the form,
its error state included, in both languages."""

import pytest
from playwright.sync_api import expect

from laurel.cycles.enums import Phase
from laurel.review import services
from laurel.review.models import Review
from tests.browser.helpers import signed_in_as
from tests.conftest import make_user
from tests.factories import in_phase
from tests.scenarios import member, open_review, ready


@pytest.mark.parametrize("language", ["en", "sv"])
def test_scoring_with_the_keyboard(page, live_server, child10, axe, language):
    staff = make_user("staff")
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    alice = member(child10, "alice@example.org")
    for number in range(2):
        member(child10, f"m{number}@example.org")
    in_phase(child10, Phase.SCREENING)
    services.propose_assignment(child10, actor=staff, k=3)
    services.publish_assignment(child10, actor=staff)
    open_review(child10)
    signed_in_as(page, live_server, alice)

    page.goto(f"{live_server.url}/{language}/committee/")
    queue = page.locator("section[aria-labelledby=assigned]")
    queue.get_by_role("link", name="Trygga Nätet").focus()
    page.keyboard.press("Enter")
    expect(page.locator("main h1")).to_contain_text("Trygga Nätet")
    assert axe(page) == []

    # Criterion 1 only, then submit: refused, with the message, the score kept.
    page.locator("#id_score_1_0").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # 4
    page.keyboard.press("Tab")
    page.keyboard.type("A steady helpline.")
    page.locator("button[value=submit]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".message--error")).to_be_visible()
    expect(page.locator("#id_score_1_3")).to_be_checked()
    assert axe(page) == []

    page.locator("button[value=save]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".message--success")).to_be_visible()
    assert Review.objects.get().state == "draft"

    for number in (2, 3, 4):
        page.locator(f"#id_score_{number}_0").focus()
        page.keyboard.press("ArrowRight")  # 2
    page.locator("#id_recommendation_0").focus()
    page.keyboard.press("ArrowDown")  # "yes"
    page.locator("button[value=submit]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".badge--sent").first).to_be_visible()
    review = Review.objects.get()
    assert (review.state, review.scores, review.recommendation) == (
        "submitted",
        {"1": 4, "2": 2, "3": 2, "4": 2},
        "yes",
    )
    assert candidate.pk == review.candidate_id
