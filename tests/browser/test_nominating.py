"""A nominator's whole journey in Chromium, by keyboard, in both languages; axe on every step."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from laurel.nominations.enums import NominationState
from laurel.nominations.models import Nomination
from tests.browser.helpers import fill_as_posted, tab_to, type_into

pytestmark = pytest.mark.django_db(transaction=True)

TEXTS = {
    "en": {
        "nominate": "Nominate an organisation",
        "org": "Name of the organisation",
        "country": "Country where it works",
        "country_value": "Sweden",
        "city": "City",
        "description": "What the organisation does",
        "year": "Year it started",
        "no_website": "It has no website, or I do not know its address",
        "none_known": "None, or not known",
        "name": "Your name",
        "email": "Your email address",
        "partner": "We work with the organisation",
        "aware": "Yes",
        "true": "The information I give is true",
        "safeguarding": "I have read the safeguarding notice",
        "privacy": "I have read the privacy notice.",
        "review": "Continue to review",
        "submit": "Submit the nomination",
        "thanks": "Thank you for your nomination",
        "reason": "The organisation's public helpline",
        "required": "Describe what the organisation does",
    },
    "sv": {
        "nominate": "Nominera en organisation",
        "org": "Organisationens namn",
        "country": "Land där organisationen verkar",
        "country_value": "Sverige",
        "city": "Ort",
        "description": "Vad organisationen gör",
        "year": "Startår",
        "no_website": "Den har ingen webbplats, eller så vet jag inte adressen",
        "none_known": "Ingen, eller okänd",
        "name": "Ditt namn",
        "email": "Din e-postadress",
        "partner": "Vi samarbetar med organisationen",
        "aware": "Ja",
        "true": "Uppgifterna jag lämnar är riktiga",
        "safeguarding": "Jag har läst informationen om att skydda barn",
        "privacy": "Jag har läst integritetspolicyn.",
        "review": "Gå vidare och granska",
        "submit": "Skicka in nomineringen",
        "thanks": "Tack för din nominering",
        "reason": "Organisationens offentliga stödlinje",
        "required": "Beskriv vad organisationen gör",
    },
}


def choose(page, group: str, option) -> None:
    """A radio group by keyboard: Tab enters the group, the arrow keys move the choice."""
    tab_to(page, page.locator(f"input[name={group}]").first)
    for _ in range(10):
        if option.is_checked():
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{option} could not be chosen with the arrow keys")


@pytest.mark.parametrize("language", ["en", "sv"])
def test_nominating_by_keyboard_from_call_to_confirmation(
    page, live_server, child10, axe, settings, run_tasks, language
):
    settings.ALTCHA_COST = 200
    t = TEXTS[language]
    page.goto(f"{live_server.url}/{language}/")
    tab_to(page, page.get_by_role("link", name=t["nominate"]).first)  # the one at the top
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(t["nominate"])
    assert axe(page) == []

    # Sending it half done: errors beside the fields, focus on the summary, nothing lost.
    type_into(page, page.get_by_label(t["org"]), "Safe Online Europe")
    tab_to(page, page.get_by_role("button", name=t["review"]))
    page.keyboard.press("Enter")
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.get_by_label(t["org"])).to_have_value("Safe Online Europe")
    expect(page.locator("#id_org_description_error")).to_have_text(t["required"])
    expect(page.get_by_label(t["description"])).to_have_attribute("aria-invalid", "true")
    assert axe(page) == []

    tab_to(page, page.get_by_label(t["country"]))
    page.keyboard.type(t["country_value"])
    type_into(page, page.get_by_label(t["city"]), "Malmö")
    type_into(page, page.get_by_label(t["description"]), "Runs a helpline for children.")
    type_into(page, page.get_by_label(t["year"]), "2009")
    # No website to give: the box says so (the form asks for one or the other).
    tab_to(page, page.get_by_label(t["no_website"]))
    page.keyboard.press("Space")
    for criterion in child10.criteria.all():
        answer = page.locator(f"#id_answer_{criterion.number}")
        text = (
            "Its helpline reached Anna, 14, on +46 70 123 45 67."
            if criterion.number == 1
            else ("Years of documented, rights-based work with partners across Europe.")
        )
        type_into(page, answer, text)
    # 67 characters typed of 2,000: the count says what is left.
    expect(page.locator("[data-counter-for=id_answer_4]")).to_contain_text(re.compile("1.933"))
    type_into(page, page.get_by_label(t["name"]), "Nora Nominator")
    type_into(page, page.get_by_label(t["email"]), "nora@example.org")
    choose(page, "relationship", page.get_by_label(t["partner"]))
    choose(page, "q_organisation_aware", page.get_by_label(t["aware"], exact=True))
    for label in ("true", "safeguarding", "privacy"):
        tab_to(page, page.get_by_label(t[label]))
        page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name=t["review"]))
    page.keyboard.press("Enter")

    # The review: what the safeguarding check found must be looked at before submitting.
    expect(page).to_have_url(re.compile(r"/review/$"))
    expect(page.locator(".notice--warning li")).to_have_count(2)
    expect(page.locator(".summary dd", has_text=t["none_known"])).to_have_count(1)
    assert axe(page) == []
    tab_to(page, page.get_by_role("button", name=t["submit"]))
    page.keyboard.press("Enter")
    # Refused: the error summary comes first and has the focus; each finding is handled alone.
    expect(page.locator("#error-summary")).to_be_focused()
    keeps = page.locator(".findings__list input[type=checkbox]")
    expect(keeps.first).to_have_attribute("aria-invalid", "true")
    assert axe(page) == []
    for index in range(2):
        tab_to(page, keeps.nth(index))
        page.keyboard.press("Space")
        type_into(page, page.locator(".findings__list input[type=text]").nth(index), t["reason"])
    tab_to(page, page.get_by_role("button", name=t["submit"]))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(t["thanks"], timeout=20000)
    assert axe(page) == []
    nomination = Nomination.objects.get()
    assert nomination.held_for_moderation is False  # the browser did the proof of work
    assert nomination.org_city == "Malmö"
    assert nomination.org_country == "SE"
    assert (nomination.org_website, nomination.org_no_website) == ("", True)

    run_tasks()
    confirm = re.search(r"http://testserver(\S+/nominate/confirm/\S+/)", mail.outbox[-1].body)
    page.goto(live_server.url + confirm.group(1))
    assert axe(page) == []
    page.get_by_role("button").filter(has_text=re.compile("Confirm|Bekräfta")).click()
    expect(page.locator("main h1")).to_have_text(
        re.compile("Thank you: your email address is confirmed|Tack! Din e-postadress är bekräftad")
    )
    nomination.refresh_from_db()
    assert nomination.state == NominationState.CONFIRMED
    assert axe(page) == []


def test_nominating_without_javascript_is_accepted_and_held(browser, live_server, child10):
    from tests.nominations.helpers import complete_post

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/nominate/")
    values = complete_post(child10, "unused")
    fill_as_posted(page, values)
    page.get_by_label("We work with the organisation").check()
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Continue to review").click()
    page.get_by_role("button", name="Submit the nomination").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your nomination")
    nomination = Nomination.objects.get()
    assert (nomination.state, nomination.held_for_moderation) == ("submitted", True)
    assert nomination.moderation_reason == "no-proof-of-work"
    context.close()


def test_autosave_keeps_a_draft_while_typing(page, live_server, child10):
    page.goto(f"{live_server.url}/en/nominate/")
    page.get_by_label("Name of the organisation").fill("Typed, not saved by hand")

    expect(page.locator("#autosave-status")).to_contain_text("Draft saved at", timeout=15000)

    assert Nomination.objects.get().org_name == "Typed, not saved by hand"


def test_an_autosave_refused_for_too_many_saves_says_it_did_not_save(
    page, live_server, child10, settings
):
    """Past the saves one network may make in an hour, an autosave gets 429: the status line
    must stop saying the draft is saved (a nominator told so may close the tab)."""
    page.goto(f"{live_server.url}/en/nominate/")
    page.get_by_label("Name of the organisation").fill("Saved once")
    status = page.locator("#autosave-status")
    expect(status).to_contain_text("Draft saved at", timeout=15000)
    settings.NOMINATION_SAVES_PER_ADDRESS = 1

    page.get_by_label("What the organisation does").fill("Typed after the limit")

    expect(status).to_contain_text("We could not save your draft just now", timeout=15000)
    expect(status).not_to_contain_text("Draft saved at")
    assert page.get_by_label("What the organisation does").input_value() == "Typed after the limit"
    assert Nomination.objects.get().org_description == ""


def fill_rest(page, child10) -> None:
    page.get_by_label("Country where it works").select_option("NO")
    page.locator("#id_org_city").fill("Oslo")
    page.get_by_label("Website", exact=True).fill("nordic-child-safety.example.org")
    page.get_by_label("What the organisation does").fill("Trains teachers.")
    page.get_by_label("Year it started").fill("2012")
    for criterion in child10.criteria.all():
        page.locator(f"#id_answer_{criterion.number}").fill("Documented work over many years.")
    page.get_by_label("Your name").fill("Nils")
    page.get_by_label("We work with the organisation").check()
    page.get_by_label("Yes", exact=True).check()
    for label in (
        "The information I give is true",
        "I have read the safeguarding notice",
        "I have read the privacy notice.",
    ):
        page.get_by_label(label).check()


def test_save_resume_submit_edit_and_withdraw_by_keyboard(
    browser, live_server, child10, axe, run_tasks
):
    first = browser.new_context()
    page = first.new_page()
    page.goto(f"{live_server.url}/en/nominate/")
    type_into(page, page.get_by_label("Name of the organisation"), "Nordic Child Safety")
    type_into(page, page.get_by_label("Your email address"), "nils@example.org")
    tab_to(page, page.get_by_role("button", name="Save draft"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your draft is saved.")).to_be_visible()
    first.close()

    # Later, in another browser: the emailed private link brings the draft back.
    run_tasks()
    link = re.search(r"http://testserver(\S+/nominate/n/\S+/)", mail.outbox[-1].body).group(1)
    second = browser.new_context()
    page = second.new_page()
    page.goto(live_server.url + link)
    expect(page.get_by_label("Name of the organisation")).to_have_value("Nordic Child Safety")
    fill_rest(page, child10)
    page.get_by_role("button", name="Continue to review").click()
    page.get_by_role("button", name="Submit the nomination").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you for your nomination", timeout=20000
    )

    page.goto(live_server.url + link)
    assert axe(page) == []
    city = page.locator("#id_org_city")
    tab_to(page, city)
    page.keyboard.press("Control+a")
    page.keyboard.type("Bergen")
    tab_to(page, page.get_by_role("button", name="Review the changes"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Review your changes")
    tab_to(page, page.get_by_role("button", name="Confirm the changes"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your changes are saved.")).to_be_visible(timeout=20000)
    tab_to(page, page.get_by_label("I want to withdraw this nomination"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Withdraw", exact=True))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your nomination is withdrawn.")).to_be_visible()
    assert axe(page) == []
    second.close()

    nomination = Nomination.objects.get()
    assert nomination.state == NominationState.WITHDRAWN
    assert [v.data["org_city"] for v in nomination.versions.all()] == ["Oslo", "Bergen", "Bergen"]
