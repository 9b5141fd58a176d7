"""Country names as CLDR writes them in each language, in that language's alphabetical order."""

import re

import pytest
from django.utils import translation
from django_countries import countries

from laurel.core.countries import collation_key
from laurel.laureates.forms import BankDetailsForm

pytestmark = pytest.mark.django_db


def country_options(client, language: str) -> list[str]:
    page = client.get(f"/{language}/nominate/").content.decode()
    select = re.search(r'<select name="org_country".*?</select>', page, re.S).group(0)
    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
    return [name for code, name in options if code not in ("", "--")]


def test_the_swedish_form_lists_the_countries_by_their_swedish_names(client, child10):
    names = country_options(client, "sv")

    for name in ("Albanien", "Georgien", "Nordmakedonien", "Bosnien och Hercegovina", "Österrike"):
        assert name in names
    assert not {"Albania", "Georgia", "North Macedonia", "Austria", "Makedonien"} & set(names)


def test_the_swedish_form_sorts_a_with_ring_and_o_with_dots_after_z(client, child10):
    names = country_options(client, "sv")

    assert names[0] == "Albanien"
    assert names[-1] == "Österrike"  # Ö is the last letter of the Swedish alphabet
    assert names.index("Tyskland") < names.index("Ukraina") < names.index("Ungern")
    assert names == sorted(names, key=lambda name: collation_key(name, "sv"))


def test_the_english_form_sorts_ignoring_accents(client, child10):
    names = country_options(client, "en")

    assert names[:4] == ["Albania", "Andorra", "Armenia", "Austria"]
    assert names.index("Türkiye") < names.index("Ukraine")
    assert names[-1] == "United Kingdom"


def test_swedish_order_puts_a_ring_a_dots_and_o_dots_after_z_in_that_order():
    words = ["Österrike", "Zambia", "Åland", "Ängelholm", "Oman", "Albanien", "Ødegaard", "Æbelø"]

    ordered = sorted(words, key=lambda word: collation_key(word, "sv"))

    assert ordered == [
        "Albanien", "Oman", "Zambia", "Åland", "Æbelø", "Ängelholm", "Ødegaard", "Österrike",
    ]  # fmt: skip


def test_english_order_files_accented_letters_with_their_letter():
    words = ["Zambia", "Åland Islands", "Österreich", "Oman", "Curaçao", "Cuba", "Côte d'Ivoire"]

    ordered = sorted(words, key=lambda word: collation_key(word, "en"))

    assert ordered == [
        "Åland Islands", "Côte d'Ivoire", "Cuba", "Curaçao", "Oman", "Österreich", "Zambia",
    ]  # fmt: skip


def test_every_list_of_countries_follows_the_page_language():
    """django-countries' own lists (the laureates' bank form, staff pages) use the same order."""
    with translation.override("sv"):
        swedish = [str(name) for _code, name in BankDetailsForm().fields["country"].choices][1:]
    with translation.override("en"):
        english = [str(name) for _code, name in countries]

    assert swedish[-3:] == ["Åland", "Österrike", "Östtimor"]
    assert swedish.index("Zimbabwe") < swedish.index("Åland")
    assert english.index("Åland Islands") < english.index("Albania")


@pytest.mark.parametrize(
    ("language", "names", "not_names"),
    [
        ("en", {"United States", "Nauru", "Bahamas", "Falkland Islands"},
         {"United States of America", "Naoero", "Bahamas (The)"}),
        ("sv", {"USA", "Vatikanstaten", "Kongo-Kinshasa", "Kongo-Brazzaville", "Hongkong"},
         {"Amerikas förenta stater", "Heliga stolen", "Kongo (Demokratiska republiken)"}),
    ],
)  # fmt: skip
def test_every_country_list_uses_the_cldr_names(language, names, not_names):
    """The laureates' bank form lists every country: the names CLDR gives in the language."""
    with translation.override(language):
        shown = {str(name) for _code, name in BankDetailsForm().fields["country"].choices}

    assert names <= shown
    assert not (not_names & shown)


def ordered(words: list[str], language: str) -> list[str]:
    return sorted(words, key=lambda word: collation_key(word, language))


def test_polish_order_puts_l_with_stroke_after_l_and_z_with_dot_last():
    # CLDR's Polish names of four countries, and two words for the letters after them.
    words = ["Łotwa", "Macedonia Północna", "Luksemburg", "Litwa", "Żółw", "Źródło", "Zambia"]

    assert ordered(words, "pl") == [
        "Litwa", "Luksemburg", "Łotwa", "Macedonia Północna", "Zambia", "Źródło", "Żółw",
    ]  # fmt: skip
    # In English the same Ł is an L, among the L's.
    assert ordered(["Łotwa", "Luksemburg", "Litwa"], "en") == ["Litwa", "Łotwa", "Luksemburg"]


def test_romanian_spanish_and_ukrainian_letters_follow_their_alphabets():
    assert ordered(["Austria", "Ărmaș", "Âncă", "Belgia"], "ro") == [
        "Austria", "Ărmaș", "Âncă", "Belgia",
    ]  # fmt: skip
    assert ordered(["Țara", "Turcia", "Șvedia", "Suedia", "Spania"], "ro") == [
        "Spania", "Suedia", "Șvedia", "Turcia", "Țara",
    ]  # fmt: skip
    assert ordered(["Ñandú", "Nueva Zelanda", "Omán"], "es") == ["Nueva Zelanda", "Ñandú", "Omán"]
    # Ukrainian: И, І, Ї, Й, К; Г before Ґ; Е before Є. Unicode's order puts І and Ї after Я.
    assert ordered(["Йорданія", "Італія", "Ірландія", "Казахстан", "Индія"], "uk") == [
        "Индія", "Ірландія", "Італія", "Йорданія", "Казахстан",
    ]  # fmt: skip
    assert ordered(["Ґана", "Греція", "Єгипет", "Естонія"], "uk") == [
        "Греція", "Ґана", "Естонія", "Єгипет",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "germany"), [("de", "Deutschland"), ("pl", "Niemcy"), ("uk", "Німеччина")]
)
def test_the_form_in_an_added_language_lists_the_countries_in_its_order(
    client, child10, language, germany
):
    names = country_options(client, language)

    assert len(names) == 47
    assert germany in names and "Germany" not in names
    assert names == sorted(names, key=lambda name: collation_key(name, language))
