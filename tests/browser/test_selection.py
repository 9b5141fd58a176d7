"""The selection in Chromium, as the chair, two members (one with a conflict) and staff: the
shortlist, the meeting, a ranked round, the suggested slate, an override with its reason, the
chair's lock, the decision report (its text), the letters held to the announcement, and the
public laureates page in both languages. axe-core on every page."""

import re
import subprocess
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from laurel.laureates import services as programme
from laurel.notifications.models import OutgoingEmail
from laurel.selection import services
from laurel.selection.models import Decision, Override
from tests.browser.helpers import person, signed_in_as
from tests.conftest import make_user
from tests.laureates.portal_helpers import token_of
from tests.selection.helpers import scored_committee


def local(moment, cycle) -> str:
    return timezone.localtime(moment, cycle.zone).strftime("%Y-%m-%dT%H:%M")


def test_from_the_shortlist_to_the_announcement(page, browser, live_server, child10, axe, tmp_path):
    child10.laureate_count = 3
    child10.save(update_fields=["laureate_count"])
    staff = make_user("staff")
    committee = scored_committee(child10, staff, count=5)
    first, second, third, fourth, fifth = (c.name for c in committee.candidates)
    alice_user, bob_user = committee.members
    url = live_server.url

    # The chair shortlists the five candidates from the results table.
    chair = page
    signed_in_as(chair, live_server, committee.chair)
    chair.goto(f"{url}/en/selection/")
    assert axe(chair) == []
    for name in (first, second, third, fourth, fifth):
        chair.get_by_role("button", name=f"Shortlist {name}").click()
        expect(chair.locator(".message--success")).to_contain_text(name)

    # The meeting: the members' screens follow the chair; Bob only learns of his conflict.
    alice = person(browser, live_server, alice_user)
    bob = person(browser, live_server, bob_user)
    alice.goto(f"{url}/en/selection/meeting/")
    bob.goto(f"{url}/en/selection/meeting/")
    chair.goto(f"{url}/en/selection/meeting/")
    chair.locator("section[aria-labelledby=steer]").get_by_role("button", name=first).click()
    expect(alice.locator("#meeting-current")).to_contain_text(first, timeout=10_000)
    expect(bob.locator("#meeting-current")).to_contain_text(
        "You have a conflict with this candidate.", timeout=10_000
    )
    expect(bob.locator("#meeting-current")).not_to_contain_text(first)
    assert axe(alice) == []
    assert axe(bob) == []
    chair.get_by_label("Arguments heard").fill("Strong helpline; a model for others.")
    chair.get_by_label(bob_user.full_name).check()
    chair.get_by_label("Outcome").select_option("supported")
    chair.get_by_role("button", name="Save the record").click()
    expect(chair.locator(".message--success")).to_contain_text("The record is saved.")
    assert axe(chair) == []

    # A ranked round: Bob's ballot leaves out the candidate he has a conflict with.
    chair.goto(f"{url}/en/selection/")
    chair.get_by_label("Ballot", exact=True).select_option("ranked")
    for name in (first, second, third):
        chair.locator("form[action$='/selection/rounds/']").get_by_label(name).check()
    chair.get_by_role("button", name="Open a round").click()
    expect(chair.locator("main h1")).to_have_text("Round 1")
    round_url = chair.url
    for voter, ranks in ((alice, [2, 1, 3]), (bob, [None, 1, 2]), (chair, [2, 1, 3])):
        voter.goto(round_url)
        for name, rank in zip((first, second, third), ranks, strict=True):
            if rank is None:
                expect(voter.get_by_label(name)).to_have_count(0)
            else:
                voter.get_by_label(name).fill(str(rank))
        assert axe(voter) == []
        voter.get_by_role("button", name="Cast my vote").click()
        expect(voter.locator(".message--success")).to_contain_text("Your vote is counted.")
    chair.get_by_role("button", name="Close the round and count").click()
    expect(chair.get_by_text("3 members have voted.")).to_be_visible()
    chair.get_by_role("button", name="Close the round and count").click()
    # second beats first 2:0 (Bob is left out of that pair), and beats third 3:0.
    result = chair.locator("section[aria-labelledby=result] tbody tr")
    expect(result).to_have_text([f"1{second}2", f"2{first}1", f"3{third}0"])
    assert axe(chair) == []

    # Staff ask for the slate: at most one laureate per country.
    staff_page = person(browser, live_server, staff)
    staff_page.goto(f"{url}/en/selection/decision/")
    staff_page.get_by_label("At most this many laureates from one country").fill("1")
    staff_page.get_by_label("Reserves to suggest").fill("1")
    staff_page.get_by_role("button", name="Suggest a slate").click()
    expect(staff_page.locator(".message--success")).to_be_visible()
    assert axe(staff_page) == []
    laureates = staff_page.locator("section[aria-labelledby=laureates] article h3")
    expect(laureates).to_have_count(3)

    # The chair replaces one place, with the reason, writes the texts and locks.
    chair.goto(f"{url}/en/selection/decision/")
    last_laureate = laureates.nth(2).inner_text().split(". ", 1)[1]
    reserve = chair.locator("section[aria-labelledby=laureates] .reserve-name").first.inner_text()
    chair.get_by_label("Take out").select_option(label=last_laureate)
    chair.get_by_label("Put in").select_option(label=reserve)
    chair.get_by_role("button", name="Change the place").click()
    expect(chair.locator("#id_reason + .errorlist, .errorlist").first).to_be_visible()
    assert axe(chair) == []
    chair.get_by_label("Why the committee decided so").fill(
        "Its prevention work completes the group."
    )
    chair.get_by_role("button", name="Change the place").click()
    expect(chair.locator(".message--success")).to_contain_text("reason recorded")
    for article in chair.locator("section[aria-labelledby=laureates] article").all():
        article_title = article.locator("h3").inner_text()
        name = article_title.split(". ", 1)[1]
        article.get_by_label("The committee's reason (for the decision report)").fill(
            f"Chosen: {name}."
        )
        article.get_by_label("Citation in Swedish").fill(f"För modigt arbete – {name}.")
        article.get_by_label("Citation in English").fill(f"For brave work – {name}.")
        article.get_by_label("What it does, in Swedish").fill("Stödjer barn på nätet.")
        article.get_by_label("What it does, in English").fill("Supports children online.")
        # Sent by htmx: the laureate's section says it is saved, the focus on that.
        article.get_by_role("button", name=f"Save {name}").click()
        saved = chair.locator(f"article:has(h3:text-is('{article_title}')) [role=status]")
        expect(saved).to_have_text("Saved.")
        expect(saved).to_be_focused()
    # The reserve is a second Swedish laureate: the chair gives the reason, then confirms.
    chair.get_by_label("At most 1 laureate from one country: the slate has 2 from Sweden.").fill(
        "Two Swedish organisations, on different sides of the problem."
    )
    chair.get_by_role("button", name="I confirm the decision as chair").click()
    chair.get_by_role("button", name="Lock the decision").click()
    expect(chair.locator(".message--success")).to_have_text("The decision is locked.")
    assert axe(chair) == []
    assert Decision.objects.get().state == "locked"
    assert Override.objects.get().reason == "Its prevention work completes the group."

    with chair.expect_download() as download:
        chair.get_by_role("link", name="Download the decision report (PDF)").click()
    path = tmp_path / "report.pdf"
    download.value.save_as(path)
    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "Decision report" in text
    assert f"{last_laureate} → {reserve}: Its prevention work completes the group." in text
    assert "Strong helpline; a model for others." in text
    assert f"For brave work – {reserve}." in text
    assert f"{bob_user.full_name} — {first}" in text

    # Staff write the letters for tomorrow: release is refused; then for now: they leave.
    staff_page.goto(f"{url}/en/selection/letters/")
    tomorrow = timezone.now() + timedelta(days=1)
    staff_page.get_by_label("Announcement (the letters leave no earlier)").fill(
        local(tomorrow, child10)
    )
    staff_page.get_by_label("Laureates answer by").fill(
        local(tomorrow + timedelta(days=14), child10)
    )
    staff_page.get_by_role("button", name="Write the letters").click()
    expect(staff_page.locator(".message--success")).to_contain_text("letters wait in the outbox")
    assert axe(staff_page) == []
    staff_page.get_by_role("button", name="Release every letter and announce the decision").click()
    expect(staff_page.locator("main")).to_contain_text("letters to laureates")  # confirm first
    staff_page.get_by_role("button", name="Release every letter and announce the decision").click()
    expect(staff_page.locator(".message--error")).to_contain_text("cannot leave before then")
    staff_page.get_by_role("link", name=re.compile("your organisation is a laureate")).first.click()
    expect(staff_page.get_by_role("textbox", name="Text")).to_be_visible()
    assert axe(staff_page) == []
    staff_page.get_by_role("textbox", name="Text").fill(
        "Dear friends,\n\nYou are a laureate. Welcome!"
    )
    staff_page.get_by_role("button", name="Save the letter").click()
    expect(staff_page.locator(".message--success")).to_contain_text("The letter is changed")
    now = timezone.now()
    staff_page.get_by_label("Announcement (the letters leave no earlier)").fill(local(now, child10))
    staff_page.get_by_label("Laureates answer by").fill(local(now + timedelta(days=14), child10))
    staff_page.get_by_role("button", name="Write the letters again").click()
    staff_page.get_by_role("button", name="Release every letter and announce the decision").click()
    staff_page.get_by_role("button", name="Release every letter and announce the decision").click()
    expect(staff_page.locator(".message--success")).to_contain_text("are on their way")
    assert OutgoingEmail.objects.filter(batch__startswith="decision:", state="held").count() == 0

    # The public page, in both languages: nobody is named before accepting and consenting.
    public = browser.new_context().new_page()
    public.goto(f"{url}/en/laureates/")
    expect(public.locator("main")).to_contain_text(
        "3 laureates will be presented here once they have accepted the award"
    )
    expect(public.locator(".laureates")).to_have_count(0)
    decision = Decision.objects.get()
    for place in decision.places.filter(role="laureate").select_related("candidate"):
        email, _language = services.announcing._contact(place.candidate)
        letter = (
            services.letters(decision)
            .exclude(state="cancelled")  # the letters written first were written again
            .get(key="decision_laureate", to=email)
        )
        laureate = services.answer_award(token_of(letter), accept=True).candidate.laureate
        programme.set_media_consent(
            laureate, publish_name=True, publish_logo=False, publish_staff_names=False,
            at_risk=False, actor=None,
        )  # fmt: skip
    for language, citation in (("en", "For brave work"), ("sv", "För modigt arbete")):
        public.goto(f"{url}/{language}/laureates/")
        expect(public.locator(".laureates > li")).to_have_count(3)
        expect(public.locator(".laureates")).to_contain_text(f"{citation} – {reserve}.")
        assert axe(public) == []
