"""The nomination form in Chromium as a hurried nominator uses it (issue 16, items 1, 2, 5, 6,
17): Enter with a document attached, autosave then reload or switch language, text pasted past
the limit, the error summary's links, the form without JavaScript; axe on each, sv and en."""

import re

import pytest
from playwright.sync_api import expect

from laurel.nominations.models import Nomination

pytestmark = pytest.mark.django_db(transaction=True)

PDF = {"name": "report.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 yearly report"}
SAVED = re.compile("Draft saved at|Utkastet sparades")


def test_enter_in_a_field_never_removes_a_document(page, live_server, example_award, axe):
    page.goto(f"{live_server.url}/en/nominate/")
    page.get_by_label("Name of the organisation").fill("Safe Online Europe")
    page.locator("#id_attachments").set_input_files([PDF])
    # The documents of evidence (an award's `file` question has a file field of its own).
    expect(page.locator(".file-field:has(#id_attachments) .file-field__chosen")).to_contain_text(
        "report.pdf"
    )
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator("#attachments-list")).to_contain_text("report.pdf")

    page.locator("#id_org_city").fill("Malmö")
    page.locator("#id_org_city").press("Enter")

    # Enter continued to review (the form is not complete, so it comes back with errors).
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator("#attachments-list")).to_contain_text("report.pdf")
    nomination = Nomination.objects.get()
    assert nomination.attachments.count() == 1
    assert nomination.org_city == "Malmö"

    # Remove asks first; the question has the focus; "No, keep it" keeps the document.
    token = page.locator("input[name=token]").input_value()
    page.goto(f"{live_server.url}/en/nominate/n/{token}/")  # the draft, no errors shown
    page.get_by_role("button", name="Remove report.pdf").click()
    expect(page.locator("#confirm-removal")).to_be_focused()
    expect(page.locator("#confirm-removal")).to_contain_text("Remove “report.pdf”?")
    assert axe(page) == []
    page.get_by_role("link", name="No, keep it").click()
    expect(page.locator("#attachments-list")).to_contain_text("report.pdf")
    assert nomination.attachments.count() == 1


def test_autosave_moves_to_the_private_link_and_survives_a_reload(page, live_server, example_award):
    page.goto(f"{live_server.url}/en/nominate/")
    page.get_by_label("Name of the organisation").fill("Typed, then reloaded")

    expect(page.locator("#autosave-status")).to_contain_text(
        "This page's address is your private link", timeout=15000
    )
    expect(page).to_have_url(re.compile(r"/en/nominate/n/[^/]+/$"))
    page.reload()

    expect(page.get_by_label("Name of the organisation")).to_have_value("Typed, then reloaded")


def test_switching_language_carries_the_draft_and_what_was_just_typed(
    page, live_server, example_award, axe
):
    page.goto(f"{live_server.url}/en/nominate/")
    page.get_by_label("Name of the organisation").fill("Saved by autosave")
    expect(page.locator("#autosave-status")).to_contain_text(SAVED, timeout=15000)
    token = page.url.rstrip("/").rsplit("/", 1)[1]
    expect(page.locator(".language-switch a[hreflang=sv]")).to_have_attribute(
        "href", f"/sv/nominate/n/{token}/"
    )

    # Typed a moment ago, not yet autosaved: the language link saves it first.
    page.locator("#id_org_description").fill("Typed just before switching")
    page.locator(".language-switch a[hreflang=sv]").click()

    expect(page).to_have_url(re.compile(rf"/sv/nominate/n/{token}/$"))
    expect(page.locator("#id_org_name")).to_have_value("Saved by autosave")
    expect(page.locator("#id_org_description")).to_have_value("Typed just before switching")
    assert axe(page) == []


def test_fields_that_fail_their_check_survive_enter_reload_and_a_change_of_language(
    page, live_server, child10, axe
):
    """A helper's walk at phone width: a name too long and an address half written came back
    empty after "Your draft is saved", once the language was switched. Now they are kept as
    typed, with their messages; after Enter the page is at the private link, so a reload
    reaches the draft."""
    name = "Fundacja" + " Dajemy Dzieciom Siłę" * 11  # 239 characters of 200
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/sv/nominate/")
    page.locator("#id_org_name").fill(name)
    page.locator("#id_nominator_email").fill("asa.oberg@")
    page.locator("#id_org_city").press("Enter")

    expect(page.locator("#error-summary")).to_be_focused()
    expect(page).to_have_url(re.compile(r"/sv/nominate/n/[^/]+/$"))
    expect(page.locator("#private-link-help")).to_contain_text("Spara sidan som bokmärke")
    page.reload()
    expect(page.locator("#id_org_name")).to_have_value(name)
    expect(page.locator("#id_nominator_email")).to_have_value("asa.oberg@")

    page.locator(".language-switch a[hreflang=en]").click()

    expect(page).to_have_url(re.compile(r"/en/nominate/n/[^/]+/$"))
    expect(page.locator("#id_org_name")).to_have_value(name)
    expect(page.locator("#id_nominator_email")).to_have_value("asa.oberg@")
    expect(page.locator("#id_org_name_error")).to_contain_text(
        "Shorten the name of the organisation to 200 characters or fewer; it has 239"
    )
    expect(page.locator("#id_nominator_email_error")).to_contain_text("in the correct format")
    assert axe(page) == []


@pytest.mark.parametrize(
    ("language", "too_many", "refused"),
    [
        (
            "en",
            "You have 200 characters too many",
            "Shorten what the organisation does to 1,000 characters or fewer; it has 1,200",
        ),
        (
            "sv",
            "Du har 200 tecken för mycket",
            "Korta beskrivningen av vad organisationen gör till högst 1\xa0000 tecken; "
            "nu är den 1\xa0200",
        ),
    ],
)
def test_text_pasted_past_the_limit_is_kept_counted_and_refused_on_submitting(
    page, live_server, child10, axe, language, too_many, refused
):
    text = "Helpline and training. " * 52 + "x" * 4  # 1,200 characters
    assert len(text) == 1200
    page.goto(f"{live_server.url}/{language}/nominate/")
    description = page.locator("#id_org_description")
    description.focus()
    page.keyboard.insert_text(text)  # as a paste: one input event

    expect(description).to_have_value(text)
    counter = page.locator("[data-counter-for=id_org_description]")
    expect(counter.locator(".counter__message")).to_have_text(too_many)
    expect(counter.locator("[aria-live=polite]")).to_have_text(too_many, timeout=5000)
    expect(description).to_have_accessible_description(re.compile(re.escape(too_many)))
    page.locator("#nomination-form button[value=review]:not(.default-action)").click()

    expect(page.locator("#error-summary")).to_contain_text(refused)
    expect(page.locator("#id_org_description")).to_have_value(text)
    expect(counter.locator(".counter__message")).to_have_text(too_many)
    assert axe(page) == []


def test_the_count_counts_an_emoji_once_as_the_server_does(page, live_server, child10):
    """1,500 emoji in an answer of 2,000: 500 left, as the server counts (a helper's walk found
    the count saying 1,000 too many: it counted each emoji twice)."""
    page.goto(f"{live_server.url}/en/nominate/")
    answer = page.locator("#id_answer_1")
    answer.focus()
    page.keyboard.insert_text("\U0001f6e1\ufe0f" * 750)  # 🛡️: two characters each, 1,500

    counter = page.locator("[data-counter-for=id_answer_1]")
    expect(counter.locator(".counter__message")).to_have_text("You have 500 characters remaining")
    expect(answer).not_to_have_class(re.compile("field__input--over"))


@pytest.mark.parametrize("language", ["en", "sv"])
def test_every_error_summary_link_moves_focus_to_its_field(
    page, live_server, example_award, language
):
    page.goto(f"{live_server.url}/{language}/nominate/")
    page.locator("#nomination-form button[value=review]:not(.default-action)").click()
    links = page.locator("#error-summary a")
    # The language is chosen already; the website is asked for unless its box is ticked; so is
    # an answer to each criterion, and each required question of the award's own (one asked
    # only on an answer is not).
    own = [q for q in example_award.asked_questions() if q.required and not q.shown_if]
    expect(links).to_have_count(10 + example_award.criteria.count() + len(own))

    for index in range(links.count()):
        link = links.nth(index)
        target = link.get_attribute("href")[1:]
        link.click()
        focused = page.evaluate("document.activeElement.id")
        assert focused == target
        page.locator("#error-summary").focus()


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_form_without_javascript_is_axe_clean_empty_and_with_errors(
    browser, live_server, example_award, axe, language
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/{language}/nominate/")
    html = page.content()
    page.locator("#nomination-form button[value=review]:not(.default-action)").click()
    # The click only starts the navigation: read the page once the answer has arrived.
    expect(page.locator("#error-summary")).to_be_visible()
    with_errors = page.content()
    context.close()

    # axe needs JavaScript: the HTML the no-JS browser got is checked in a normal page.
    checker = browser.new_page()
    for served in (html, with_errors):
        checker.goto(f"{live_server.url}/{language}/privacy/")
        checker.set_content(served.replace("<head>", f'<head><base href="{live_server.url}/">'))
        checker.evaluate("document.querySelectorAll('script').forEach(s => s.remove())")
        assert axe(checker) == []
    assert "Choose the country where the organisation works" in with_errors or (
        "Välj landet där organisationen verkar" in with_errors
    )
    checker.close()


def test_choices_are_large_enough_to_hit_on_a_phone(browser, live_server, example_award):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}/en/nominate/")

    for selector in ("#id_relationship_0", "#id_declared_true"):
        control = page.locator(selector).bounding_box()
        target = page.locator(f"label[for={selector[1:]}]").bounding_box()
        assert control["width"] >= 24 and control["height"] >= 24
        assert target["height"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # The file input: our own button, in the page's language, reachable by keyboard.
    expect(page.locator("label[for=id_attachments].file-field__button")).to_have_text(
        "Choose documents"
    )
    page.locator("#id_attachments").focus()
    expect(page.locator("#id_attachments")).to_be_focused()
    context.close()
