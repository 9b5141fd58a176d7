"""The award's own questions in Chromium (issue 20): a question asked only when an earlier
answer is given appears when it is chosen (JavaScript), or stays with its hint (none), at phone
width, axe clean, in sv and en; what was typed in it survives hiding it and showing it again."""

import pytest
from playwright.sync_api import expect

from tests.scenarios import NETWORK_QUESTIONS
from tests.scenarios import asking as load_with

pytestmark = pytest.mark.django_db(transaction=True)
TEXTS = {
    "en": {
        "yes": "Yes",
        "no": "No",
        "which": "Which network?",
        "hint": "Answer only if you answered “Yes”",
    },
    "sv": {
        "yes": "Ja",
        "no": "Nej",
        "which": "Vilket nätverk?",
        "hint": "Svara bara om du svarade ”Ja”",
    },
}


@pytest.fixture
def asking(child10):
    return load_with(NETWORK_QUESTIONS)


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_conditional_question_appears_when_its_answer_is_chosen(
    page, live_server, asking, axe, language
):
    t = TEXTS[language]
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/{language}/nominate/")
    which = page.get_by_label(t["which"])
    expect(which).to_be_hidden()

    page.locator("#id_q_network").get_by_label(t["yes"], exact=True).check()
    expect(which).to_be_visible()
    which.fill("ECPAT International")
    assert axe(page) == []
    page.locator("#id_q_network").get_by_label(t["no"], exact=True).check()
    expect(which).to_be_hidden()
    page.locator("#id_q_network").get_by_label(t["yes"], exact=True).check()
    expect(which).to_have_value("ECPAT International")  # nothing typed is lost


@pytest.mark.parametrize("language", ["en", "sv"])
def test_without_javascript_the_question_stays_with_its_hint(
    browser, live_server, asking, axe, language
):
    t = TEXTS[language]
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/{language}/nominate/")

    which = page.get_by_label(t["which"])
    expect(which).to_be_visible()
    expect(page.locator("#id_q_network_name_helptext")).to_contain_text(t["hint"])
    html = page.content()
    context.close()

    # axe needs JavaScript: the HTML the no-JS browser got is checked in a normal page.
    checker = browser.new_page(viewport={"width": 375, "height": 800})
    checker.goto(f"{live_server.url}/{language}/privacy/")
    checker.set_content(html.replace("<head>", f'<head><base href="{live_server.url}/">'))
    checker.evaluate("document.querySelectorAll('script').forEach(s => s.remove())")
    assert axe(checker) == []
