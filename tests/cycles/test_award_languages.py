"""The award's languages: the file names its working and public languages, translation files
next to it give its texts in the others, and each page is offered only in the languages its award
offers on it, with any text still untranslated marked."""

import copy
import shutil
import tomllib

import pytest
from django.conf import settings

from laurel.cycles.definition import DefinitionError, parse, read_file
from laurel.cycles.services import load_award
from tests.conftest import AWARD_FILE

RAW = tomllib.loads(AWARD_FILE.read_text(encoding="utf-8"))
ADDED = [code for code in settings.PUBLIC_LANGUAGES if code not in settings.WORKING_LANGUAGES]


def errors(change) -> dict[str, str]:
    raw = copy.deepcopy(RAW)
    change(raw)
    with pytest.raises(DefinitionError) as caught:
        parse(raw)
    return dict(caught.value.errors)


def award_directory(tmp_path, translations: dict[str, str], languages: str = "") -> object:
    """A copy of Child10's file in `tmp_path`, with `translations` as its translation files
    ({code: the file's text}) and, if given, `languages` as its [languages] table's body."""
    text = AWARD_FILE.read_text(encoding="utf-8")
    if languages:
        start = text.index("[languages]\n")
        end = text.index("\n\n", start)
        text = text[:start] + "[languages]\n" + languages + text[end:]
    path = tmp_path / "award.toml"
    path.write_text(text, encoding="utf-8")
    for code, body in translations.items():
        (tmp_path / f"award.{code}.toml").write_text(body, encoding="utf-8")
    return path


GERMAN = """
language = "de"
translation_of = "sv"
checked = false
name = "Child10 Award 2022"
background = ""
benefits = ["Eins", "", "Drei", "Vier"]
[[criteria]]
title = "Mutige Arbeit"
[[criteria]]
[[criteria]]
[[criteria]]
"""


def test_the_child10_file_names_its_working_and_public_languages(child10):
    assert child10.working == ["sv", "en"]
    assert child10.public == ["sv", "en", *ADDED]
    assert child10.translations["de"] == {"from": "sv", "checked": False}


def test_a_file_without_languages_works_and_is_public_in_its_working_languages():
    raw = copy.deepcopy(RAW)
    raw.pop("languages")

    definition = parse(raw)

    assert definition.languages["working_languages"] == ["sv", "en"]
    assert definition.languages["public_languages"] == ["sv", "en"]


@pytest.mark.parametrize(
    ("languages", "key", "words"),
    [
        ({"working": ["sv", "en"], "public": ["sv", "nl"]}, "languages.public", "nl is not"),
        ({"working": ["sv", "de"], "public": ["sv", "de"]}, "languages.working", "de is not"),
        ({"working": ["sv", "en"], "public": ["sv", "de"]}, "languages", "missing: en"),
        ({"working": ["sv", "sv"], "public": ["sv"]}, "languages.working", "twice"),
        ({"working": [], "public": ["sv"]}, "languages.working", "at least one"),
    ],
)
def test_a_language_laurel_does_not_offer_there_is_refused(languages, key, words):
    found = errors(lambda raw: raw.update(languages=languages))

    assert words in found[key]


def test_texts_are_required_in_the_working_languages_only():
    raw = copy.deepcopy(RAW)
    raw["languages"] = {"working": ["en"], "public": ["en", "de"]}
    raw["name"] = {"en": "An award"}
    raw["theme_description"]["de"] = "Ausbeutung von Kindern"

    definition = parse(raw)

    assert definition.texts["name"] == {"en": "An award"}
    assert definition.texts["theme_description"]["de"] == "Ausbeutung von Kindern"
    assert errors(lambda raw: raw["name"].pop("en")) == {"name.en": "is missing"}


def test_a_translation_file_gives_the_texts_it_has_and_leaves_the_rest(tmp_path):
    path = award_directory(
        tmp_path, {"de": GERMAN}, 'working = ["sv", "en"]\npublic = ["sv", "en", "de"]'
    )

    definition = read_file(path)

    assert definition.texts["name"]["de"] == "Child10 Award 2022"
    assert "de" not in definition.texts["background"]  # "": not translated yet
    assert [benefit.get("de") for benefit in definition.benefits] == ["Eins", None, "Drei", "Vier"]
    assert definition.criteria[0].title["de"] == "Mutige Arbeit"
    assert "de" not in definition.criteria[1].title
    assert definition.languages["translations"] == {"de": {"from": "sv", "checked": False}}


@pytest.mark.parametrize(
    ("body", "key", "words"),
    [
        (GERMAN.replace('name = "', 'nonsense = "'), "award.de.toml: nonsense", "not a text"),
        (GERMAN.replace('"Eins", ', ""), "award.de.toml: benefits", "must have 4 items"),
        (GERMAN.replace('language = "de"', 'language = "fr"'), "award.de.toml: language", "de"),
        (GERMAN.replace('"sv"', '"pl"'), "award.de.toml: translation_of", "sv, en"),
        (GERMAN + "[prize]\namount = 5\n", "award.de.toml: prize.amount", "not a text"),
        (GERMAN.replace('background = ""', "background = 5"), "award.de.toml: background", "text"),
        ("language = ", "award.de.toml", "not valid TOML"),
    ],
)
def test_a_wrong_translation_file_is_refused_with_each_problem_named(tmp_path, body, key, words):
    path = award_directory(
        tmp_path, {"de": body}, 'working = ["sv", "en"]\npublic = ["sv", "en", "de"]'
    )

    with pytest.raises(DefinitionError) as caught:
        read_file(path)

    assert words in dict(caught.value.errors)[key]


def test_a_translation_file_for_a_language_the_award_does_not_offer_is_refused(tmp_path):
    path = award_directory(
        tmp_path, {"de": GERMAN}, 'working = ["sv", "en"]\npublic = ["sv", "en"]'
    )

    with pytest.raises(DefinitionError) as caught:
        read_file(path)

    assert list(dict(caught.value.errors)) == ["award.de.toml"]


@pytest.mark.parametrize("code", ADDED)
def test_child10_gives_every_public_text_in_each_added_language(child10, code):
    assert not child10.untranslated(code)
    assert child10.background[code] != child10.background["sv"]


@pytest.mark.django_db
def test_an_untranslated_text_is_shown_in_the_first_working_language_marked(client, tmp_path):
    path = award_directory(
        tmp_path, {"de": GERMAN}, 'working = ["sv", "en"]\npublic = ["sv", "en", "de"]'
    )
    cycle, _ = load_award(read_file(path), open_now=True)

    page = client.get("/de/").content.decode()

    assert '<html lang="de">' in page
    # The background has no German: it is the Swedish original, marked as Swedish.
    assert f'<div lang="sv">{cycle.background["sv"].strip()[:40]}' in page.replace("<p>", "")
    note = page.split('class="notice notice--language">')[1].split("</p>")[0]
    assert "im Original angezeigt (Schwedisch)" in note
    # A criterion title given in German is not marked.
    assert "<strong>Mutige Arbeit</strong>" in page


def test_a_fully_translated_page_has_no_note(client, child10):
    page = client.get("/fr/").content.decode()

    assert '<html lang="fr">' in page
    assert 'lang="sv"' not in page.split("<main")[1].split("</main>")[0]
    assert child10.background["fr"].split()[0] in page
    assert "notice--language" not in page


def test_the_public_pages_offer_every_public_language_and_staff_pages_the_working_ones(
    client, staff_client, child10
):
    call = client.get("/de/").content.decode()
    switch = call.split('class="language-switch"')[1].split("</nav>")[0]
    for code in child10.public:
        assert f'lang="{code}"' in switch
    assert switch.count("hreflang=") == len(child10.public) - 1  # the current one is no link

    staff = staff_client.get("/en/staff/").content.decode()
    switch = staff.split('class="language-switch"')[1].split("</nav>")[0]
    assert 'hreflang="sv"' in switch and 'lang="de"' not in switch


def test_a_staff_page_in_a_public_only_language_is_sent_to_a_working_one(staff_client, child10):
    preferring_english = staff_client.get(
        "/de/staff/?x=1", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9,en;q=0.8"
    )
    plain = staff_client.get("/pl/staff/")

    assert (preferring_english.status_code, preferring_english.url) == (302, "/en/staff/?x=1")
    assert (plain.status_code, plain.url) == (302, "/sv/staff/")


def test_a_public_page_in_a_language_its_award_does_not_offer_is_sent_to_one_it_does(client, db):
    raw = copy.deepcopy(RAW)
    raw["languages"] = {"working": ["sv", "en"], "public": ["sv", "en"]}
    load_award(parse(raw), open_now=True)

    response = client.get("/it/nominate/", HTTP_ACCEPT_LANGUAGE="it,en;q=0.5")

    assert (response.status_code, response.url) == (302, "/en/nominate/")
    assert client.get("/en/nominate/").status_code == 200


def test_a_form_sent_in_a_language_no_longer_offered_is_kept_not_redirected(client, db):
    """The form page was open in Italian when the award stopped offering Italian: the draft
    is saved all the same, and the nominator lands on it in a language offered."""
    from laurel.nominations.models import Nomination
    from tests.nominations.helpers import complete_post

    raw = copy.deepcopy(RAW)
    raw["languages"] = {"working": ["sv", "en"], "public": ["sv", "en"]}
    cycle, _ = load_award(parse(raw), open_now=True)
    token = "t" * 32

    response = client.post(
        "/it/nominate/",
        complete_post(cycle, token, action="save"),
        HTTP_ACCEPT_LANGUAGE="it,en;q=0.5",
    )

    nomination = Nomination.objects.get()
    assert nomination.org_name == "Safe Online Europe"
    assert (response.status_code, response.url) == (302, f"/en/nominate/n/{token}/")


def test_a_translation_file_is_found_next_to_the_award_file_only(tmp_path):
    (tmp_path / "other").mkdir()
    path = award_directory(tmp_path, {}, 'working = ["sv", "en"]\npublic = ["sv", "en", "de"]')
    shutil.copy(AWARD_FILE.with_name("child10-2022.de.toml"), tmp_path / "other" / "award.de.toml")

    definition = read_file(path)

    assert definition.languages["translations"] == {}
    assert "de" not in definition.texts["background"]


def test_a_question_without_its_translation_is_asked_in_the_original_marked(client, aurora):
    from django.utils import timezone

    from laurel.cycles.models import Cycle

    question = aurora.questions.get(key="leadership")
    question.label = {k: v for k, v in question.label.items() if k != "de"}
    question.options[0]["label"].pop("de")
    question.save(update_fields=["label", "options"])
    Cycle.objects.filter(pk=aurora.pk).update(updated_at=timezone.now())

    page = client.get("/de/nominate/").content.decode()

    # The legend, the option and the hint of the question it opens say they are Swedish.
    assert '<legend><span lang="sv">Vem leder organisationen?</span>' in page
    assert '<span lang="sv">Unga under 30 år</span>' in page
    assert '„<span lang="sv">Vem leder organisationen?</span>“' in page
    # A label given in German is not marked.
    assert "<legend>Woran arbeitet die Organisation?" in page
    assert 'class="notice notice--language"' in page
