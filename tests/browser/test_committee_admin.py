"""Items 15 and 19 in Chromium, as staff: the conflict register edited, "Remind now" and a pasted
list of committee members invited; axe-core on each page and its error state, in both languages."""

import pytest
from playwright.sync_api import expect

from laurel.accounts.models import Invitation
from laurel.cycles.enums import Phase
from laurel.notifications.models import OutgoingEmail
from laurel.review import services
from laurel.review.models import Conflict
from laurel.review.services.reviewing import unfinished
from tests.browser.helpers import signed_in_as
from tests.conftest import make_user
from tests.factories import in_phase
from tests.scenarios import member, open_review, ready


@pytest.mark.parametrize("language", ["en", "sv"])
def test_staff_keep_the_register_and_remind_members(page, live_server, child10, axe, language):
    staff = make_user("staff")
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    other = ready(child10, "Ljus", website="https://ljus.se", staff=staff)
    people = [member(child10, f"m{n}@example.org") for n in range(3)]
    in_phase(child10, Phase.SCREENING)
    services.propose_assignment(child10, actor=staff, k=2)
    services.publish_assignment(child10, actor=staff)
    open_review(child10)
    OutgoingEmail.objects.all().delete()
    signed_in_as(page, live_server, staff)
    base = f"{live_server.url}/{language}"

    page.goto(f"{base}/staff/review/conflicts/add/")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert axe(page) == []
    page.locator("#id_member").select_option(str(people[0].pk))
    page.locator("#id_candidate").select_option(str(candidate.pk))
    page.locator("#id_kind").select_option("funding")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator("tbody tr")).to_have_count(1)
    assert axe(page) == []

    page.locator("tbody a[href*='/conflicts/']").first.click()
    page.locator("input[name=state][value=dismissed]").check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".message--success")).to_be_visible()
    assert Conflict.objects.get().state == "dismissed"
    assert other.pk  # the other candidate stays out of the register

    page.goto(f"{base}/staff/review/progress/")
    assert axe(page) == []
    page.locator("form[action*='/remind/'] button").click()
    expect(page.locator("main h1")).to_be_visible()
    assert axe(page) == []
    page.locator("main form input[name=confirmed] ~ button[type=submit]").click()
    expect(page.locator(".message--success")).to_be_visible()
    assert axe(page) == []
    missing = sorted(p.email for p in people if p.pk in unfinished(child10))
    reminded = OutgoingEmail.objects.filter(key="review_reminder").values_list("to", flat=True)
    assert sorted(reminded) == missing
    assert missing  # someone had reviews missing


@pytest.mark.parametrize("language", ["en", "sv"])
def test_staff_invite_a_pasted_list(page, live_server, child10, axe, language):
    staff = make_user("staff")
    signed_in_as(page, live_server, staff)

    page.goto(f"{live_server.url}/{language}/staff/users/invite-list/")
    assert axe(page) == []
    page.locator("#id_people").fill("Alice <alice@example.org>\nnot an address\n")
    page.locator("#id_cycle").select_option(str(child10.pk))
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#id_people")).to_have_value("Alice <alice@example.org>\nnot an address\n")
    assert axe(page) == []

    page.locator("#id_people").fill("Alice <alice@example.org>\n\nbob@example.org, Bob Berg\n")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main h1")).to_be_visible()
    assert axe(page) == []
    page.locator("main form input[name=confirmed] ~ button[type=submit]").click()
    expect(page.locator(".message--success")).to_be_visible()
    assert sorted(Invitation.objects.values_list("email", "full_name")) == [
        ("alice@example.org", "Alice"),
        ("bob@example.org", "Bob Berg"),
    ]
