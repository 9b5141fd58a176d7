import html
import re

import pytest
import time_machine
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import strip_tags

from laurel.cycles.definition import read_file
from laurel.cycles.services import load_award
from tests.conftest import AWARD_FILE, sign_in
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
        ("sv", "10 pristagare får vardera 100 000 kr."),
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


# --- Issue 16, items 15, 16 and 17: the call page, the privacy notice, the laureates page ---

NOMINATE_LINK = 'href="/{language}/nominate/"'


def test_a_draft_cycles_name_shows_nowhere_before_it_opens(client):
    from datetime import timedelta

    from django.utils import timezone

    CycleFactory(
        name={"sv": "Hemliga priset", "en": "The Secret Award"},
        nominations_open_at=timezone.now() + timedelta(days=2),
        nominations_close_at=timezone.now() + timedelta(days=20),
    )

    for path in ["/en/", "/en/privacy/", "/en/laureates/", "/en/no-such-page/"]:
        assert "Secret Award" not in client.get(path).content.decode(), path


@pytest.mark.parametrize("language", ["sv", "en"])
def test_nominate_is_offered_at_the_top_after_the_criteria_and_at_the_end(
    client, child10, language
):
    page = client.get(f"/{language}/").content.decode()

    link = NOMINATE_LINK.format(language=language)
    places = [match.start() for match in re.finditer(re.escape(link), page)]
    criteria = page.index('id="criteria"')
    after = page.index('id="after"')
    assert len(places) == 3
    assert places[0] < criteria < places[1] < after < places[2]


def test_the_glance_box_comes_before_the_long_background(client, child10):
    page = client.get("/en/").content.decode()
    glance = page[page.index('id="glance-title"') : page.index("</section>", page.index("glance"))]

    assert page.index('id="glance-title"') < page.index(">Background<")
    text = " ".join(html.unescape(strip_tags(glance)).split())
    assert "Who can be nominated" in text
    assert "Council of Europe" in text
    assert f"{child10.nominations_close_at.astimezone(child10.zone):%-d %B %Y, %H:%M}" in text
    assert "10 laureates each receive 100,000 SEK." in text.replace("\xa0", " ")


def test_the_eyebrow_names_the_award_once(client, child10):
    page = client.get("/en/").content.decode()

    assert '<p class="hero__eyebrow">Child10 Award 2022</p>' in page
    assert "Child10 · Child10" not in page


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_call_says_what_happens_after_nominating_and_how_to_reach_us(
    client, child10, settings, language
):
    settings.NOMINATION_CONFIRM_DAYS = 9
    page = text_of(client.get(f"/{language}/"))

    within = {"en": "within 9 days", "sv": "inom 9 dagar"}[language]
    assert within in page
    decision = child10.decision_at.astimezone(child10.zone)
    with translation.override(language):
        assert date_format(decision, "j F Y") in page
    raw = client.get(f"/{language}/").content.decode()
    assert 'href="mailto:award@child10.org"' in raw
    assert "<address>Child10<br>Stockholm<br>Sweden</address>" in raw
    assert raw.count("<details>") >= 4  # the questions and answers


@pytest.mark.parametrize(("language", "locale"), [("sv", "sv_SE"), ("en", "en_GB")])
def test_the_call_describes_itself_to_search_engines_and_link_previews(
    client, child10, settings, language, locale
):
    settings.SITE_URL = "https://awards.example.org"
    page = client.get(f"/{language}/").content.decode()

    description = child10.theme_description[language]
    assert f'<meta name="description" content="{description}">' in page
    assert f'<meta property="og:description" content="{description}">' in page
    assert (
        '<meta property="og:title" content="Slipping through the net · Child10 Award 2022">' in page
    )
    assert f'<meta property="og:url" content="https://awards.example.org/{language}/">' in page
    assert f'<meta property="og:locale" content="{locale}">' in page
    assert '<link rel="alternate" hreflang="sv" href="https://awards.example.org/sv/">' in page
    assert '<link rel="alternate" hreflang="en" href="https://awards.example.org/en/">' in page
    assert '<link rel="alternate" hreflang="x-default" href="https://awards.example.org/">' in page


def test_other_public_pages_name_their_language_alternates(client, child10, settings):
    settings.SITE_URL = "https://awards.example.org"
    page = client.get("/sv/privacy/").content.decode()

    assert '<link rel="alternate" hreflang="en" href="https://awards.example.org/en/privacy/">' in (
        page
    )
    assert 'hreflang="x-default" href="https://awards.example.org/en/privacy/"' in page


def test_the_english_theme_is_marked_english_on_swedish_pages(client, child10):
    swedish = client.get("/sv/").content.decode()
    english = client.get("/en/").content.decode()

    assert '<h1 id="call-title" lang="en">Slipping through the net</h1>' in swedish
    assert '<h1 id="call-title">Slipping through the net</h1>' in english


def test_public_pages_have_no_empty_site_menu_but_staff_keep_theirs(client, staff_user, child10):
    for path in ["/en/", "/en/privacy/", "/en/laureates/", "/en/nominate/"]:
        assert 'aria-label="Site"' not in client.get(path).content.decode(), path

    sign_in(client, staff_user)
    assert 'aria-label="Site"' in client.get("/en/").content.decode()


@pytest.mark.parametrize(("language", "prefix"), [("sv", "Fel: "), ("en", "Error: ")])
def test_an_error_pages_title_says_it_is_an_error(client, child10, language, prefix):
    response = client.get(f"/{language}/no-such-page/")

    title = re.search(r"<title>(.*?)</title>", response.content.decode()).group(1)
    assert response.status_code == 404
    assert title.startswith(prefix)
    assert title.endswith(" · Child10 Award 2022")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_privacy_notice_names_the_controller_and_how_to_reach_it(client, child10, language):
    page = client.get(f"/{language}/privacy/").content.decode()
    text = " ".join(html.unescape(strip_tags(page)).split())

    controller = child10.controller[language]
    assert controller in text
    assert 'href="mailto:award@child10.org"' in page
    assert "IMY" in text
    for section in ["controller", "purposes", "legal-basis", "recipients", "retention", "rights",
                    "complain"]:  # fmt: skip
        assert f'id="{section}"' in page


@pytest.mark.parametrize(
    ("language", "sentences"),
    [
        (
            "en",
            [
                "Deleted 90 days after their last change.",
                "Anonymised 2 years after the announcement: what identifies a person is removed.",
                "Deleted 7 years after the payment.",
            ],
        ),
        (
            "sv",
            [
                "Raderas 90 dagar efter den senaste ändringen.",
                "Raderas 7 år efter",
                "Raderas 1 år efter offentliggörandet.",
            ],
        ),
    ],
)
def test_the_privacy_notice_states_each_retention_period_from_the_policy(
    client, child10, language, sentences
):
    page = client.get(f"/{language}/privacy/").content.decode()
    text = " ".join(html.unescape(strip_tags(page)).split(" "))

    for sentence in sentences:
        assert sentence in text
    # Technical data too has a stated period, never "a short time".
    assert {"en": "expire within a day", "sv": "försvinner inom ett dygn"}[language] in text
    assert {"en": "short time", "sv": "kort tid"}[language] not in text


def test_the_privacy_notice_follows_a_changed_policy(client, child10, settings, tmp_path):
    from laurel.privacy.policy import policy_file

    changed = (
        policy_file()
        .read_text()
        .replace("[unconfirmed_nominations]\ndays = 90", "[unconfirmed_nominations]\ndays = 30")
    )
    (tmp_path / "retention.toml").write_text(changed)
    settings.RETENTION_FILE = str(tmp_path / "retention.toml")

    text = text_of(client.get("/en/privacy/"))

    assert "Deleted 30 days after their last change." in text
    assert "Deleted 90 days after their last change." not in text


@pytest.mark.parametrize("language", ["sv", "en"])
def test_before_the_announcement_the_laureates_page_says_when(client, child10, language):
    page = text_of(client.get(f"/{language}/laureates/"))

    with translation.override(language):
        day = date_format(child10.decision_at.astimezone(child10.zone), "j F Y")
    sentence = {
        "en": f"They will be announced here on {day}.",
        "sv": f"De offentliggörs här den {day}.",
    }[language]
    assert sentence in page
    assert "award@child10.org" in page
    # Nominations are open: the page sends the reader to the call meanwhile.
    assert {"en": "Nominations are open until", "sv": "Det går att nominera till och med"}[
        language
    ] in page


def test_the_server_error_page_says_error_and_not_the_software():
    from django.template.loader import render_to_string

    page = render_to_string("500.html")

    title = re.search(r"<title>(.*?)</title>", page).group(1)
    assert title.startswith("Error: ")
    assert "Laurel" not in page


@pytest.mark.parametrize(
    ("fixture", "language", "authority"),
    [
        ("child10", "sv", "Integritetsskyddsmyndigheten (IMY), www.imy.se"),
        ("child10", "de", "zuständig ist die schwedische Datenschutzbehörde"),
        ("aurora", "en", "the Dutch Data Protection Authority (Autoriteit Persoonsgegevens)"),
        ("aurora", "de", "die niederländische Datenschutzbehörde"),
    ],
)
def test_the_privacy_notice_names_the_award_s_own_data_protection_authority(
    client, request, fixture, language, authority
):
    request.getfixturevalue(fixture)

    page = client.get(f"/{language}/privacy/").content.decode()
    text = " ".join(html.unescape(strip_tags(page)).split())

    assert authority in text
    assert ("IMY" in text) == (fixture == "child10")


def test_without_an_authority_the_notice_names_the_one_where_the_reader_lives(client, child10):
    child10.privacy_authority = {}
    child10.save(update_fields=["privacy_authority"])

    text = " ".join(strip_tags(client.get("/en/privacy/").content.decode()).split())

    assert "complain to the data protection authority where you live or work" in text
    assert "IMY" not in text


def test_an_authority_not_translated_is_marked_in_its_language(client, child10):
    child10.privacy_authority = {"sv": "Integritetsskyddsmyndigheten (IMY)", "en": "IMY"}
    child10.save(update_fields=["privacy_authority"])

    page = client.get("/fr/privacy/").content.decode()

    assert '<span lang="sv">Integritetsskyddsmyndigheten (IMY)</span>' in page
