"""The award's own questions in the added languages, in Chromium at phone width (issue 20's
journey): a nominator in German or Polish answers a question asked only on an earlier answer
and goes on to a submitted nomination, with JavaScript (the question appears when its answer
is chosen) and without it (the question stays with its hint, and the server asks for it only
once its condition holds). axe-core on every page."""

import re

import pytest
from playwright.sync_api import expect

from laurel.nominations.models import Nomination
from tests.browser.helpers import fill_as_posted
from tests.nominations.helpers import complete_post
from tests.scenarios import NETWORK_QUESTIONS
from tests.scenarios import asking as load_with

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 800}
TEXTS = {
    "de": {
        "network": "Gehört die Organisation einem Netzwerk an?",
        "which": "Welches Netzwerk?",
        "yes": "Ja",
        "no": "Nein",
        "hint": "Nur beantworten, wenn Sie „Gehört die Organisation einem Netzwerk an?“ mit „Ja“",
        "missing": "Beantworten Sie „Welches Netzwerk?“",
        "partner": "Wir arbeiten mit der Organisation zusammen",
        "review": "Weiter zur Überprüfung",
        "submit": "Nominierung einreichen",
        "thanks": "Vielen Dank für Ihre Nominierung",
    },
    "pl": {
        "network": "Czy organizacja należy do sieci?",
        "which": "Jaka to sieć?",
        "yes": "Tak",
        "no": "Nie",
        "hint": "na pytanie „Czy organizacja należy do sieci?” odpowiedzieli Państwo: „Tak”",
        "missing": "Proszę odpowiedzieć na pytanie „Jaka to sieć?”",
        "partner": "Współpracujemy z tą organizacją",
        "review": "Przejdź do sprawdzenia",
        "submit": "Wyślij zgłoszenie",
        "thanks": "Dziękujemy za zgłoszenie",
    },
}


@pytest.fixture
def asking(child10):
    return load_with(NETWORK_QUESTIONS)


def fill_the_rest(page, cycle, t) -> None:
    """Everything else the form asks, as tests/nominations/helpers.complete_post posts it."""
    fill_as_posted(page, complete_post(cycle, "unused"), within="#nomination-form")
    page.get_by_label(t["partner"]).check()


def no_javascript_html_is_axe_clean(browser, live_server, axe, language, html) -> None:
    """axe needs JavaScript: the HTML the no-JS browser got is checked in a normal page."""
    checker = browser.new_page(viewport=PHONE)
    checker.goto(f"{live_server.url}/{language}/privacy/")
    checker.set_content(html.replace("<head>", f'<head><base href="{live_server.url}/">'))
    checker.evaluate("document.querySelectorAll('script').forEach(s => s.remove())")
    assert axe(checker) == []
    checker.close()


@pytest.mark.parametrize("language", ["de", "pl"])
def test_with_javascript_the_question_appears_and_the_nomination_is_submitted(
    page, live_server, asking, axe, settings, language
):
    settings.ALTCHA_COST = 200
    t = TEXTS[language]
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/{language}/nominate/")
    network = page.get_by_role("group", name=t["network"])
    which = page.get_by_label(t["which"])
    expect(network).to_be_visible()
    expect(which).to_be_hidden()
    expect(page.locator(".notice--language")).to_have_count(0)  # the award's texts translated
    assert axe(page) == []

    network.get_by_label(t["yes"], exact=True).check()
    expect(which).to_be_visible()
    which.fill("ECPAT International")
    network.get_by_label(t["no"], exact=True).check()
    expect(which).to_be_hidden()
    network.get_by_label(t["yes"], exact=True).check()
    expect(which).to_have_value("ECPAT International")  # nothing typed is lost
    fill_the_rest(page, asking, t)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    assert axe(page) == []
    page.get_by_role("button", name=t["review"]).last.click()

    expect(page).to_have_url(re.compile(rf"/{language}/nominate/n/[^/]+/review/$"))
    summary = page.locator(".summary")
    expect(summary.filter(has_text=t["which"])).to_contain_text("ECPAT International")
    expect(summary.filter(has_text=t["network"])).to_contain_text(t["yes"])
    assert axe(page) == []
    page.get_by_role("button", name=t["submit"]).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(t["thanks"], timeout=20000)
    assert axe(page) == []
    nomination = Nomination.objects.get()
    assert (nomination.state, nomination.held_for_moderation) == ("submitted", False)
    assert nomination.question_answers == {"network": "yes", "network_name": "ECPAT International"}


@pytest.mark.parametrize("language", ["de", "pl"])
def test_without_javascript_the_question_is_asked_once_its_condition_holds_and_submitted(
    browser, live_server, asking, axe, language
):
    t = TEXTS[language]
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/{language}/nominate/")
    which = page.get_by_label(t["which"])
    expect(which).to_be_visible()
    expect(page.locator("#id_q_network_name_helptext")).to_contain_text(t["hint"])
    no_javascript_html_is_axe_clean(browser, live_server, axe, language, page.content())

    # "Yes", and the question it opens left empty: asked for, in the page's language.
    page.get_by_role("group", name=t["network"]).get_by_label(t["yes"], exact=True).check()
    fill_the_rest(page, asking, t)
    page.get_by_role("button", name=t["review"]).last.click()

    expect(page.locator("#error-summary")).to_contain_text(t["missing"])
    expect(page.locator("#id_q_network_name_error")).to_contain_text(t["missing"])
    expect(which).to_have_attribute("aria-invalid", "true")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    no_javascript_html_is_axe_clean(browser, live_server, axe, language, page.content())

    which.fill("Terre des hommes")
    page.get_by_role("button", name=t["review"]).last.click()
    expect(page).to_have_url(re.compile(rf"/{language}/nominate/n/[^/]+/review/$"))
    expect(page.locator(".summary").filter(has_text=t["which"])).to_contain_text("Terre des hommes")
    no_javascript_html_is_axe_clean(browser, live_server, axe, language, page.content())
    page.get_by_role("button", name=t["submit"]).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(t["thanks"])
    no_javascript_html_is_axe_clean(browser, live_server, axe, language, page.content())
    nomination = Nomination.objects.get()
    # Without the proof of work it is accepted and held for the secretariat to check.
    assert (nomination.state, nomination.held_for_moderation) == ("submitted", True)
    assert nomination.question_answers == {"network": "yes", "network_name": "Terre des hommes"}
    context.close()
