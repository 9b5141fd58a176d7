"""A helper's walk through the public pages in the added languages, in Chromium at phone width:
what it found, each kept found."""

import re

import pytest
from django.test import Client
from django.urls import translate_url
from playwright.sync_api import expect

from laurel.nominations.models import Nomination
from tests.nominations.helpers import complete_post, submitted_nomination, urls
from tests.scenarios import NOMINATE, new_token

pytestmark = pytest.mark.django_db(transaction=True)


def draft_ready_for_review(cycle) -> str:
    """A complete draft, made as the form posts it; its token."""
    client = Client()
    token = new_token(client)
    client.post(NOMINATE, complete_post(cycle, token))
    return token


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("de", "Ich bin kein Roboter"),
        ("pl", "Nie jestem robotem"),
        ("fr", "Je ne suis pas un robot"),
        ("es", "No soy un robot"),
        ("it", "Non sono un robot"),
        ("ro", "Nu sunt un robot"),
        ("uk", "Я не робот"),
        ("sv", "Jag är inte en robot"),
        ("en", "I'm not a robot"),
    ],
)
def test_the_proof_of_work_speaks_the_pages_language(page, live_server, child10, language, label):
    """The walk found "I'm not a robot · Protected by ALTCHA" in English on the German and
    Polish review pages, above "Nominierung einreichen"."""
    token = draft_ready_for_review(child10)
    page.set_viewport_size({"width": 375, "height": 800})

    page.goto(live_server.url + translate_url(urls(token)["review"], language))

    expect(page.locator("altcha-widget")).to_contain_text(label)


def test_the_emails_language_follows_a_switch_made_in_the_middle_of_the_form(
    page, live_server, child10
):
    """Begun in German, switched to Polish while typing: the emails were to come in German."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/de/nominate/")
    expect(page.locator("#id_preferred_language")).to_have_value("de")
    page.locator("#id_org_name").fill("Fundacja Dajemy Dzieciom Siłę")

    page.locator(".language-switch a[hreflang=pl]").click()

    expect(page).to_have_url(re.compile(r"/pl/nominate/n/[^/]+/$"))
    expect(page.locator("#id_org_name")).to_have_value("Fundacja Dajemy Dzieciom Siłę")
    expect(page.locator("#id_preferred_language")).to_have_value("pl")


def test_the_reference_stays_on_one_line_on_a_phone(page, live_server, child10, settings):
    """ "Ihre Referenznummer lautet C10-2022-" and, on the next line, "RRPN"."""
    token, nomination = submitted_nomination(Client(), child10, settings)
    page.set_viewport_size({"width": 375, "height": 800})

    page.goto(live_server.url + translate_url(urls(token)["submitted"], "de"))

    reference = page.locator("main .lead strong")
    expect(reference).to_have_text(nomination.reference)
    assert reference.evaluate("element => element.getClientRects().length") == 1


def test_going_back_to_the_blank_form_goes_on_with_the_draft(page, live_server, child10):
    """Enter sent the form (to its private link, with its messages); Back showed the blank
    form with what was typed put back by the browser, under a new token: the next save began
    a second draft, apart from the private link already shown."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/pl/nominate/")
    page.locator("#id_org_name").fill("Fundacja Dajemy Dzieciom Siłę")
    page.locator("#id_org_city").press("Enter")
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page).to_have_url(re.compile(r"/pl/nominate/n/[^/]+/$"))  # the private link
    draft = page.url

    page.go_back()

    expect(page).to_have_url(draft)
    expect(page.locator("#id_org_name")).to_have_value("Fundacja Dajemy Dzieciom Siłę")
    page.locator("#id_org_city").fill("Warszawa")
    page.locator("#id_org_city").press("Enter")
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page).to_have_url(draft)
    assert Nomination.objects.count() == 1
    assert Nomination.objects.get().org_city == "Warszawa"
