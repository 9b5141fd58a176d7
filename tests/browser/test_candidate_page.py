"""The candidate page and the duplicates page in Chromium: due diligence saved in one go with
nothing typed lost and the message in sight, the index at a phone's width, the link from a
merge's message to its undo; axe-core in English and Swedish."""

import re

import pytest
from playwright.sync_api import expect

from laurel.candidates.models import DiligenceCheck, Placement
from tests.browser.helpers import signed_in_as
from tests.candidates.helpers import confirmed
from tests.conftest import make_user

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = {
    "en": {
        "save": "Save the due diligence",
        "saved": "The due diligence is saved.",
        "merge": "Same organisation: merge",
        "undo": "Undo this merge on",
        "diligence": "Due diligence",
        "decided": "Decided",
        "reopen": "Reopen: decide again",
        "not_same": "Not the same organisation",
    },
    "sv": {
        "save": "Spara kontrollerna",
        "saved": "Kontrollerna är sparade.",
        "merge": "Samma organisation: slå ihop",
        "undo": "Ångra sammanslagningen på sidan för",
        "diligence": "Kontroller",
        "decided": "Avgjorda",
        "reopen": "Öppna igen och avgör på nytt",
        "not_same": "Inte samma organisation",
    },
}


@pytest.fixture
def candidate(child10):
    return Placement.objects.get(nomination=confirmed(child10, "Stiftelsen Ljus")).candidate


@pytest.mark.parametrize("language", ["en", "sv"])
def test_due_diligence_typed_in_two_parts_is_saved_in_one_go_with_the_message_in_sight(
    page, live_server, candidate, axe, language
):
    words = WORDS[language]
    signed_in_as(page, live_server, make_user("staff"))
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/{language}/staff/candidates/{candidate.pk}/")
    assert axe(page) == []

    page.locator("#diligence_finances-status").select_option("satisfactory")
    page.locator("#diligence_finances-notes").fill("Audited accounts for 2021.")
    page.locator("#diligence_do_no_harm-status").select_option("concern")
    page.locator("#diligence_do_no_harm-notes").fill("The chair is the treasurer's brother.")
    # Refused first: a concern needs its note for the committee. Nothing typed is lost.
    page.evaluate("window.sameDocument = true")
    page.get_by_role("button", name=words["save"]).click()
    note = page.locator("#diligence_do_no_harm-committee_note")
    expect(note).to_have_attribute("aria-invalid", "true")
    # Only the section came back (htmx), and the focus is on the field to correct.
    assert page.evaluate("window.sameDocument") is True
    expect(note).to_be_focused()
    expect(page.locator("#diligence_do_no_harm-committee_note_error")).to_be_visible()
    expect(page.locator("#diligence_finances-notes")).to_have_value("Audited accounts for 2021.")
    expect(page.locator("#diligence_do_no_harm-notes")).to_have_value(
        "The chair is the treasurer's brother."
    )
    assert axe(page) == []

    note.fill("A family tie on the board; the organisation is changing its statutes.")
    page.get_by_role("button", name=words["save"]).click()

    expect(page).to_have_url(re.compile(r"#diligence$"))
    message = page.locator("section[aria-labelledby='diligence'] .message--success")
    expect(message).to_be_visible()
    # Saved: the whole page is loaded again (other sections may have changed).
    assert page.evaluate("window.sameDocument") is None
    expect(message).to_have_text(words["saved"])
    expect(message).to_be_in_viewport()
    expect(page.locator("#diligence_finances-notes")).to_have_value("Audited accounts for 2021.")
    expect(page.locator("#diligence_do_no_harm-status")).to_have_value("concern")
    assert axe(page) == []
    saved = dict(DiligenceCheck.objects.filter(candidate=candidate).values_list("area", "status"))
    assert (saved["finances"], saved["do_no_harm"]) == ("satisfactory", "concern")


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_index_leads_to_each_section_at_a_phone_s_width(
    page, live_server, candidate, axe, language
):
    signed_in_as(page, live_server, make_user("staff"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/{language}/staff/candidates/{candidate.pk}/")

    index = page.locator("nav.page-index")
    expect(index).to_be_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth") == 390
    link = index.get_by_role("link", name=WORDS[language]["diligence"], exact=True)
    link.focus()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"#diligence$"))
    expect(page.locator("h2#diligence")).to_be_in_viewport()
    assert axe(page) == []


@pytest.mark.parametrize("language", ["en", "sv"])
def test_a_merge_s_message_links_to_its_undo_and_a_rejection_can_be_reopened(
    page, live_server, child10, axe, language
):
    words = WORDS[language]
    confirmed(child10, "Digitala Kinderskyddsnätet")
    confirmed(child10, "Digitala Kinderskyddsnätat")
    confirmed(child10, "Stiftelsen Vänskapsbron")
    confirmed(child10, "Stiftelsen Vänskapsbyn")
    signed_in_as(page, live_server, make_user("staff"))
    page.goto(f"{live_server.url}/{language}/staff/candidates/duplicates/")
    expect(page.locator("section.suggestion")).to_have_count(2)
    # Name similarity as what it is (issue 18): a likeness out of 100, not a percentage.
    expect(page.locator(".name-similarity").first).to_contain_text(" 100 ")
    assert axe(page) == []
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.scrollingElement.scrollWidth") == 390
    page.set_viewport_size({"width": 1280, "height": 800})

    bron = page.locator("section.suggestion", has_text="Vänskapsbron")
    bron.get_by_role("button", name=words["not_same"]).click()
    expect(page.locator("section.suggestion")).to_have_count(1)
    page.get_by_role("button", name=words["merge"]).click()
    page.locator(".message--success").get_by_role("link", name=words["undo"]).click()

    expect(page).to_have_url(re.compile(r"#merge-\d+$"))
    target = page.locator(".merge-record").first
    expect(target).to_be_in_viewport()
    expect(target.get_by_role("button")).to_be_visible()
    assert axe(page) == []

    page.goto(f"{live_server.url}/{language}/staff/candidates/duplicates/?show=decided")
    expect(page.locator("section.suggestion")).to_have_count(2)
    assert axe(page) == []
    page.get_by_role("button", name=words["reopen"]).click()
    expect(page.locator("section.suggestion", has_text="Vänskapsbron")).to_have_count(1)
    expect(page.get_by_role("button", name=words["not_same"])).to_be_visible()
