import html
import re

import pytest
import time_machine
from django.utils.html import strip_tags

from laurel.cycles.definition import read_file
from laurel.cycles.services import load_award
from tests.conftest import AWARD_FILE
from tests.factories import CycleFactory

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


def test_root_redirects_by_the_browsers_language(client):
    swedish = client.get("/", headers={"accept-language": "sv-SE,sv;q=0.9,en;q=0.5"})
    english = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})

    assert (swedish.status_code, swedish.url) == (302, "/sv/")
    assert (english.status_code, english.url) == (302, "/en/")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_call_page_shows_the_whole_call_true_to_the_seed(client, child10, language):
    definition = read_file(AWARD_FILE)

    page = text_of(client.get(f"/{language}/"))

    assert definition.texts["theme"][language] in page
    assert definition.texts["theme_description"][language] in page
    for paragraph in definition.texts["background"][language].split("\n\n"):
        assert " ".join(paragraph.split()) in page
    for criterion in definition.criteria:
        assert criterion.text[language] in page
    for benefit in definition.benefits:
        assert benefit[language] in page
    assert definition.texts["closing"][language] in page


@time_machine.travel("2026-12-01 12:00 +0100", tick=False)
@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Nominations close 23 January 2027 at 23:59 (CET)."),
        ("sv", "Nomineringen stänger den 23 januari 2027 kl. 23:59 (CET)."),
    ],
)
def test_deadline_is_stated_plainly_in_the_awards_time_zone(client, language, sentence):
    with time_machine.travel("2026-11-28 10:00 +0100", tick=False):
        load_award(read_file(AWARD_FILE), open_now=True)

    page = text_of(client.get(f"/{language}/"))

    assert sentence in page


@time_machine.travel("2021-05-01 12:00 +0200", tick=False)
def test_summer_deadline_is_in_summer_time(client):
    load_award(read_file(AWARD_FILE))

    page = text_of(client.get("/en/"))

    assert "Nominations close 30 September 2021 at 23:59 (CEST)." in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "10 laureates each receive 100,000 SEK."),
        ("sv", "10 pristagare får vardera 100 000 SEK."),
    ],
)
def test_prize_is_written_the_local_way(client, child10, language, expected):
    assert expected in text_of(client.get(f"/{language}/")).replace("\xa0", " ")


def test_a_closed_call_says_so_and_offers_no_nomination(client):
    with time_machine.travel("2021-12-01 12:00 +0100", tick=False):
        load_award(read_file(AWARD_FILE))
        page = text_of(client.get("/en/"))

    assert "Nominations closed on 30 September 2021." in page
    assert "Nominate an organisation" not in page


def test_without_any_cycle_the_page_says_no_call_is_open(client):
    response = client.get("/sv/")

    assert response.status_code == 200
    assert "Just nu pågår ingen nominering" in text_of(response)


def test_a_draft_cycle_is_not_shown_to_the_public(client):
    from datetime import timedelta

    from django.utils import timezone

    CycleFactory(
        nominations_open_at=timezone.now() + timedelta(days=2),
        nominations_close_at=timezone.now() + timedelta(days=20),
    )

    assert "No call for nominations is open" in text_of(client.get("/en/"))


def test_call_page_has_a_strict_content_security_policy(client, child10):
    response = client.get("/en/")

    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert re.search(r"<script(?![^>]*\bsrc=)", response.content.decode()) is None
    assert " style=" not in response.content.decode()


def test_language_switch_points_to_the_same_page(client, child10):
    page = client.get("/en/privacy/").content.decode()

    assert 'href="/sv/privacy/" lang="sv" hreflang="sv"' in page


@pytest.mark.parametrize("language", ["sv", "en"])
def test_privacy_notice_is_there_in_both_languages(client, child10, language):
    response = client.get(f"/{language}/privacy/")

    heading = {"sv": "Integritetspolicy", "en": "Privacy notice"}[language]
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in response.content.decode()
