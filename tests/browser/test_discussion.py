"""A member posts in a candidate's discussion with the keyboard, mentioning colleagues: the page
comes back at the message, which says who was notified and which mention named nobody or a
member with a conflict. axe-core on it, in both languages."""

import pytest
from playwright.sync_api import expect

from laurel.notifications.models import OutgoingEmail
from laurel.review import services
from tests.browser.helpers import signed_in_as
from tests.conftest import make_user
from tests.scenarios import member, ready

OUTCOME = {
    "en": [
        "Notified by email: Bob Ek.",
        "@zed fits no member of the committee",
        "Carol Nilsson was not notified",
    ],
    "sv": [
        "Fick besked via e-post: Bob Ek.",
        "@zed passar ingen ledamot i kommittén",
        "Carol Nilsson fick inget besked",
    ],
}


def named(cycle, email, name):
    person = member(cycle, email)
    person.full_name = name
    person.save(update_fields=["full_name"])
    return person


@pytest.mark.parametrize("language", ["en", "sv"])
def test_mentioning_with_the_keyboard_tells_who_was_notified(
    page, live_server, child10, axe, language
):
    staff = make_user("staff")
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    alice = named(child10, "alice@example.org", "Alice Berg")
    bob = named(child10, "bob@example.org", "Bob Ek")
    carol = named(child10, "carol@example.org", "Carol Nilsson")
    services.declare_conflict(carol, candidate, kind="board")
    signed_in_as(page, live_server, alice)

    page.goto(f"{live_server.url}/{language}/committee/candidates/{candidate.pk}/")
    page.locator("#id_text").focus()
    page.keyboard.type("Strong on prevention, @bob. What of @zed and @carol?")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    outcome = page.locator("article .posted-outcome")
    expect(outcome).to_be_visible()
    for text in OUTCOME[language]:
        expect(outcome).to_contain_text(text)
    assert "#comment-" in page.url
    expect(page.locator("article footer").first).to_contain_text("Alice Berg")
    assert [e.to for e in OutgoingEmail.objects.filter(key="discussion_mention")] == [bob.email]
    assert axe(page) == []
