"""Item 16 in Chromium: the nominations beside the review form on a wide screen and above it on
a phone, the form used by keyboard, Previous/Next, and "Change review" after submitting;
axe-core clean, in both languages."""

import pytest
from playwright.sync_api import expect

from laurel.cycles.enums import Phase
from laurel.review import services
from laurel.review.models import Review
from tests.browser.helpers import signed_in_as
from tests.conftest import make_user
from tests.factories import in_phase
from tests.scenarios import FULL, member, open_review, ready

TEXTS = {
    "en": ("Change review", "Save the changed review", "Next: ", "Go to your review"),
    "sv": (
        "Ändra bedömningen",
        "Spara den ändrade bedömningen",
        "Nästa: ",
        "Gå till din bedömning",
    ),
}


@pytest.fixture
def assigned(child10):
    staff = make_user("staff")
    candidates = [
        ready(child10, name, website=f"https://{n}.se", staff=staff)
        for n, name in enumerate(["Bro", "Ljus"])
    ]
    alice = member(child10, "alice@example.org")
    for number in range(2):
        member(child10, f"m{number}@example.org")
    in_phase(child10, Phase.SCREENING)
    services.propose_assignment(child10, actor=staff, k=3)
    services.publish_assignment(child10, actor=staff)
    open_review(child10)
    return candidates, alice


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_nominations_sit_beside_the_form_on_a_wide_screen(
    page, live_server, assigned, axe, language
):
    (first, second), alice = assigned
    page.set_viewport_size({"width": 1280, "height": 900})
    signed_in_as(page, live_server, alice)

    page.goto(f"{live_server.url}/{language}/committee/candidates/{first.pk}/review/")

    dossier = page.locator(".review-dossier").bounding_box()
    form = page.locator("#your-review").bounding_box()
    assert dossier["x"] + dossier["width"] <= form["x"]  # side by side, dossier first
    assert abs(dossier["y"] - form["y"]) < 5
    assert dossier["width"] > 400 and form["width"] > 400
    expect(page.locator(".review-skip")).to_be_hidden()
    assert axe(page) == []

    # The dossier scrolls by keyboard, then Tab goes on into the form.
    page.locator(".review-dossier").focus()
    page.keyboard.press("PageDown")
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#review-form') !== null"):
            break
    assert page.evaluate("document.activeElement.closest('#review-form') !== null")

    # Previous/Next by keyboard.
    _change, _save, next_label, _skip = TEXTS[language]
    page.get_by_role("link", name=f"{next_label}{second.name}").focus()
    page.keyboard.press("Enter")
    expect(page.locator("main h1")).to_contain_text(second.name)


@pytest.mark.parametrize("language", ["en", "sv"])
def test_on_a_phone_the_nominations_come_first_with_a_skip_to_the_form(
    page, live_server, assigned, axe, language
):
    (first, _second), alice = assigned
    page.set_viewport_size({"width": 390, "height": 844})
    signed_in_as(page, live_server, alice)

    page.goto(f"{live_server.url}/{language}/committee/candidates/{first.pk}/review/")

    dossier = page.locator(".review-dossier").bounding_box()
    form = page.locator("#your-review").bounding_box()
    assert form["y"] >= dossier["y"] + dossier["height"]  # stacked
    assert form["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe(page) == []

    _change, _save, _next, skip = TEXTS[language]
    page.get_by_role("link", name=skip).focus()
    page.keyboard.press("Enter")
    expect(page.locator("#your-review")).to_be_in_viewport()


@pytest.mark.parametrize("language", ["en", "sv"])
def test_a_submitted_review_is_changed_not_saved_as_a_draft(
    page, live_server, assigned, axe, language
):
    (first, _second), alice = assigned
    services.save_review(alice, first, scores=FULL, comments={}, recommendation="yes", submit=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    signed_in_as(page, live_server, alice)
    change, save, _next, _skip = TEXTS[language]

    page.goto(f"{live_server.url}/{language}/committee/candidates/{first.pk}/review/")
    expect(page.locator("button[value=save]")).to_have_count(0)
    assert axe(page) == []
    page.get_by_role("link", name=change).focus()
    page.keyboard.press("Enter")

    expect(page.locator("button[value=save]")).to_have_count(0)
    page.locator("#id_recommendation_2").check()  # "maybe"
    page.get_by_role("button", name=save).focus()
    page.keyboard.press("Enter")
    expect(page.locator(".message--success")).to_be_visible()
    assert axe(page) == []
    review = Review.objects.get(member=alice, candidate=first)
    assert (review.state, review.recommendation) == ("submitted", "maybe")
