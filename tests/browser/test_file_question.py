"""A question answered with a document (the Aurora Prize's "rules of the council or board",
asked when adults lead the organisation), in Chromium at a phone's width: chosen, saved,
replaced, removed with its two clicks, then read on the review; with and without JavaScript,
in Swedish and English; axe on every step."""

import re

import pytest
from playwright.sync_api import expect

from laurel.nominations.models import Nomination
from tests.browser.helpers import fill_as_posted
from tests.nominations.helpers import PDF, complete_post

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 800}
TEXTS = {
    "en": {
        "adults": "Adults, with young people on a council or board",
        "rules": "The rules of the council or board",
        "save": "Save draft",
        "review": "Continue to review",
        "attached": "Attached: {name}",
        "remove": "Remove",
        "yes_remove": "Yes, remove it",
        "removed": "“{name}” was removed.",
        "another": "Choose another file",
    },
    "sv": {
        "adults": "Vuxna, med unga i ett råd eller en styrelse",
        "rules": "Rådets eller styrelsens stadgar",
        "save": "Spara utkast",
        "review": "Gå vidare och granska",
        "attached": "Bifogad: {name}",
        "remove": "Ta bort",
        "yes_remove": "Ja, ta bort det",
        "removed": "”{name}” har tagits bort.",
        "another": "Välj en annan fil",
    },
}


def a_pdf(name: str) -> dict:
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


def fill_the_form(page, cycle) -> None:
    """Everything else the form asks, as tests/nominations/helpers.complete_post posts it."""
    posted = complete_post(cycle, "unused", q_leadership="adults", q_youth_say="A board of 12.")
    fill_as_posted(page, posted, within="#nomination-form")
    page.locator(f"[name=relationship][value={posted['relationship']}]").check()


def fits(page) -> bool:
    return page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("language", ["en", "sv"])
def test_with_javascript_a_document_answers_the_question_it_opens(
    page, live_server, aurora, axe, language
):
    t = TEXTS[language]
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/{language}/nominate/")
    rules = page.get_by_label(t["rules"])
    expect(rules).to_be_hidden()

    page.get_by_label(t["adults"]).check()
    expect(page.locator("#id_q_council_rules")).to_be_attached()
    expect(page.locator("label[for=id_q_council_rules].file-field__button")).to_be_visible()
    fill_the_form(page, aurora)
    page.locator("#id_q_council_rules").set_input_files(a_pdf("stadgar.pdf"))
    assert axe(page) == []
    page.get_by_role("button", name=t["save"]).click()

    held = page.locator(".held-file")
    expect(held).to_contain_text(t["attached"].format(name="stadgar.pdf"))
    expect(page.locator("label[for=id_q_council_rules].file-field__button")).to_have_text(
        t["another"]
    )
    assert fits(page)
    assert axe(page) == []

    # Another file replaces it when the form is saved.
    page.locator("#id_q_council_rules").set_input_files(a_pdf("stadgar-2025.pdf"))
    page.get_by_role("button", name=t["save"]).click()
    expect(held).to_contain_text(t["attached"].format(name="stadgar-2025.pdf"))
    nomination = Nomination.objects.get()
    assert list(nomination.attachments.values_list("question", "original_name")) == [
        ("council_rules", "stadgar-2025.pdf")
    ]

    # Removing it takes two clicks, and Enter in a field never does.
    page.locator("#id_org_city").press("Enter")
    expect(page).to_have_url(re.compile(rf"/{language}/nominate/n/[^/]+/review/$"))
    expect(page.locator(".summary").filter(has_text=t["rules"])).to_contain_text("stadgar-2025.pdf")
    assert axe(page) == []
    page.go_back()
    page.locator(".held-file").get_by_role("button", name=t["remove"]).click()
    expect(page.locator("#confirm-removal")).to_be_visible()
    assert axe(page) == []
    page.get_by_role("button", name=t["yes_remove"]).click()
    expect(page.locator(".messages")).to_contain_text(t["removed"].format(name="stadgar-2025.pdf"))
    expect(page.locator(".held-file")).to_have_count(0)
    nomination.refresh_from_db()
    assert nomination.attachments.count() == 0
    assert "council_rules" not in nomination.question_answers


def test_without_javascript_the_document_is_sent_with_the_form(browser, live_server, aurora, axe):
    t = TEXTS["en"]
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/nominate/")
    expect(page.locator("#id_q_council_rules_helptext")).to_contain_text(
        "Answer only if you answered “Adults, with young people on a council or board”"
    )
    expect(page.locator("#id_q_council_rules_helptext")).to_contain_text("One file: PDF")

    fill_the_form(page, aurora)
    page.get_by_label(t["adults"]).check()
    page.locator("#id_q_council_rules").set_input_files(a_pdf("rules.pdf"))
    page.get_by_role("button", name=t["review"]).last.click()

    expect(page).to_have_url(re.compile(r"/en/nominate/n/[^/]+/review/$"))
    expect(page.locator(".summary").filter(has_text=t["rules"])).to_contain_text("rules.pdf")
    html = page.content()
    context.close()
    checker = browser.new_page(viewport=PHONE)
    checker.goto(f"{live_server.url}/en/privacy/")
    checker.set_content(html.replace("<head>", f'<head><base href="{live_server.url}/">'))
    checker.evaluate("document.querySelectorAll('script').forEach(s => s.remove())")
    assert axe(checker) == []
    checker.close()
    assert Nomination.objects.get().question_answers["council_rules"] == "rules.pdf"


def test_an_answer_clicked_by_mistake_loses_no_document_to_the_autosave(page, live_server, aurora):
    """A hurried nominator clicks "Young people under 30", the autosave saves the draft two
    seconds later, then they click back: the document is still attached, as the page says."""
    t = TEXTS["en"]
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/en/nominate/")
    page.get_by_label(t["adults"]).check()
    fill_the_form(page, aurora)
    page.locator("#id_q_council_rules").set_input_files(a_pdf("stadgar.pdf"))
    page.get_by_role("button", name=t["save"]).click()
    expect(page.locator(".held-file")).to_contain_text(t["attached"].format(name="stadgar.pdf"))
    saved_at = Nomination.objects.get().updated_at

    page.get_by_label("Young people under 30").check()
    for _ in range(40):  # the autosave waits two seconds after a change
        page.wait_for_timeout(250)
        if Nomination.objects.get().updated_at != saved_at:
            break
    unanswered = Nomination.objects.get()
    page.get_by_label(t["adults"]).check()
    expect(page.locator(".held-file")).to_contain_text(t["attached"].format(name="stadgar.pdf"))
    page.get_by_role("button", name=t["save"]).click()

    nomination = Nomination.objects.get()
    assert unanswered.updated_at != saved_at  # the autosave came in between
    assert "council_rules" not in unanswered.question_answers
    expect(page.locator(".held-file")).to_contain_text(t["attached"].format(name="stadgar.pdf"))
    assert list(nomination.attachments.values_list("question", "original_name")) == [
        ("council_rules", "stadgar.pdf")
    ]
