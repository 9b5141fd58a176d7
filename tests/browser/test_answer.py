"""The laureate's answer page in Chromium, in both languages, axe-core on every page: accepting
with what may be published (nothing ticked until the laureate ticks it), and declining through
its confirmation step."""

import pytest
from playwright.sync_api import expect

from laurel.cycles.enums import Phase
from laurel.laureates.models import Laureate
from laurel.selection import queries
from laurel.selection.enums import Answer
from tests.factories import in_phase
from tests.laureates.portal_helpers import announced, letter_to, token_of  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = {
    "en": {
        "thanks": "Thank you",
        "declining": "Decline the award?",
        "place": "The place may be offered to another organisation.",
        "named": "Your organisation will be named on the laureates page.",
    },
    "sv": {
        "thanks": "Tack",
        "declining": "Tacka nej till priset?",
        "place": "Platsen kan erbjudas en annan organisation.",
        "named": "Er organisation kommer att nämnas på pristagarsidan.",
    },
}


@pytest.mark.parametrize("language", ["en", "sv"])
def test_accepting_with_consent_and_declining_with_its_confirmation(
    page,
    live_server,
    announced,  # noqa: F811
    axe,
    language,
):
    in_phase(announced.cycle, Phase.DECIDED)
    first, second = queries.places(announced)["laureate"]
    words = WORDS[language]
    url = live_server.url

    page.goto(f"{url}/{language}/laureate/{token_of(letter_to(announced, first.candidate))}/")
    assert axe(page) == []
    for field in ("publish_name", "publish_logo", "publish_staff_names", "at_risk"):
        expect(page.locator(f"#id_{field}")).not_to_be_checked()
    page.locator("#id_publish_name").check()
    page.locator("button[value=accept]").click()
    expect(page.locator("main h1")).to_have_text(words["thanks"])
    expect(page.locator("main")).to_contain_text(words["named"])
    assert axe(page) == []
    laureate = Laureate.objects.get(candidate=first.candidate)
    assert (laureate.publish_name, laureate.publish_logo, laureate.at_risk) == (True, False, False)

    page.goto(f"{url}/{language}/laureate/{token_of(letter_to(announced, second.candidate))}/")
    page.locator("button[value=decline]").click()
    expect(page.locator("main h1")).to_have_text(words["declining"])
    expect(page.locator("main")).to_contain_text(words["place"])
    assert axe(page) == []
    second.refresh_from_db()
    assert second.answer == ""  # nothing yet: the confirmation comes first
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main h1")).to_have_text(words["thanks"])
    assert axe(page) == []
    second.refresh_from_db()
    assert second.answer == Answer.DECLINED

    page.goto(f"{url}/{language}/laureates/")
    expect(page.locator("main")).to_contain_text(first.candidate.name)
    expect(page.locator("main")).not_to_contain_text(second.candidate.name)
    assert axe(page) == []
