"""The second example award (awards/aurora-2027.toml) in Chromium at a phone's width, in English
and in its added language, German: the call, the form with the award's own questions (the
conditional one appears when its answer is chosen), the review, the submission with the proof
of work, the confirmation link; axe on every step and nothing wider than the screen."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from laurel.cycles.definition import read_file
from laurel.nominations.enums import NominationState
from laurel.nominations.models import Nomination
from tests.conftest import AURORA_FILE
from tests.nominations.helpers import complete_post

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
TEXTS = {
    "en": {
        "nominate": "Nominate an organisation",
        "leadership": "Who leads the organisation?",
        "adults": "Adults, with young people on a council or board",
        "submit": "Submit the nomination",
        "thanks": "Thank you for your nomination",
        "confirmed": "Thank you: your email address is confirmed",
    },
    "de": {
        "nominate": "Eine Organisation nominieren",
        "leadership": "Wer leitet die Organisation?",
        "adults": "Erwachsene, mit jungen Menschen in einem Beirat oder Vorstand",
        "submit": "Nominierung einreichen",
        "thanks": "Vielen Dank für Ihre Nominierung",
        "confirmed": "Vielen Dank: Ihre E-Mail-Adresse ist bestätigt",
    },
}


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def fill_in(page, values: dict) -> None:
    """Each field the form has, as a nominator would fill it, in the order of `values`."""
    for name, value in values.items():
        fields = page.locator(f"[name={name}]")
        if name in {"token", "action", "fax_number"} or fields.count() == 0:
            continue
        kind = fields.first.evaluate("element => element.type")
        if kind in {"radio", "checkbox"} and fields.count() > 1:
            for chosen in value if isinstance(value, list) else [value]:
                page.locator(f"[name={name}][value={chosen}]").check()
        elif kind == "checkbox":
            fields.check()
        elif kind == "select-one":
            fields.select_option(value)
        else:
            fields.fill(value)


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_nomination_for_the_second_award_at_phone_width(
    browser, live_server, aurora, axe, settings, run_tasks, language
):
    settings.ALTCHA_COST = 200
    t = TEXTS[language]
    definition = read_file(AURORA_FILE)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()

    # The call, in the award's own words.
    page.goto(f"{live_server.url}/{language}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(definition.texts["theme"][language])
    expect(page.locator("ol.criteria > li")).to_have_count(3)
    assert fits_the_screen(page)
    assert axe(page) == []
    page.get_by_role("link", name=t["nominate"]).first.click()

    # The form: the question about young people's say appears only when adults lead.
    expect(page.get_by_role("group", name=t["leadership"])).to_be_visible()
    say = page.locator("#id_q_youth_say")
    expect(say).to_be_hidden()
    assert fits_the_screen(page)
    assert axe(page) == []
    page.get_by_label(t["adults"]).check()
    expect(say).to_be_visible()
    assert axe(page) == []
    token = page.locator("input[name=token]").input_value()
    fill_in(
        page,
        complete_post(
            aurora,
            token,
            org_name="Klimaatjongeren Utrecht",
            org_country="NL",
            org_city="Utrecht",
            preferred_language=language,
            q_leadership="adults",
            q_youth_say="A youth board of twelve decides the budget.",
        ),
    )
    page.locator("#nomination-form button[value=review]:not(.default-action)").click()

    # The review: the answers to the award's questions, then the submission.
    expect(page).to_have_url(re.compile(rf"/{language}/nominate/n/{token}/review/$"))
    expect(page.locator("main")).to_contain_text("A youth board of twelve decides the budget.")
    assert fits_the_screen(page)
    assert axe(page) == []
    page.get_by_role("button", name=t["submit"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t["thanks"], timeout=20000)
    assert fits_the_screen(page)
    assert axe(page) == []
    nomination = Nomination.objects.get()
    assert nomination.held_for_moderation is False  # the browser did the proof of work
    assert nomination.reference.startswith("AUR27-")
    assert (nomination.org_country, nomination.language) == ("NL", language)
    assert nomination.question_answers["youth_say"] == "A youth board of twelve decides the budget."

    # The confirmation email, in the nominator's language, from the award's own sender.
    run_tasks()
    [confirmation] = mail.outbox
    assert confirmation.from_email == "Aurora Prize <prize@aurora.example.org>"
    confirm = re.search(rf"http://testserver(/{language}/nominate/confirm/\S+/)", confirmation.body)
    page.goto(live_server.url + confirm.group(1))
    assert fits_the_screen(page)
    assert axe(page) == []
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main h1")).to_have_text(t["confirmed"])
    nomination.refresh_from_db()
    assert nomination.state == NominationState.CONFIRMED
    assert fits_the_screen(page)
    assert axe(page) == []
    context.close()
