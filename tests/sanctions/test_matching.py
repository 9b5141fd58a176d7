"""Sanctions screening's name matching (laurel.sanctions.matching): people as people (every
usual transliteration, word order, a patronymic more, an initial; a birth date that rules an
entry out, a citizenship that weakens a hit), organisations as organisations (legal forms
aside). No database: an index of listed names is built in memory."""

from datetime import date

import pytest

from laurel.sanctions.matching import (
    ORGANISATION,
    PERSON,
    BirthDate,
    Index,
    Listed,
    compare_organisations,
    compare_people,
)

SHCHERBAKOV = "Aleksandr Ivanovich Shcherbakov"


@pytest.mark.parametrize(
    "written",
    [
        "Александр Иванович Щербаков",  # the Cyrillic original
        "Alexander Scherbakow",  # German spelling of the English one
        "Aleksandr Szczerbakow",  # Polish
        "Alexandre Chtcherbakov",  # French
        "Aleksandr Ščerbakov",  # Czech, with its diacritics
        "Aleksandr Scerbakov",  # …and without
        "SHCHERBAKOV, Aleksandr",  # as lists print a name
        "Shcherbakov Aleksandr",  # the other order
        "Aleksandr Shcherbakov",  # without the patronymic
    ],
)
def test_a_listed_person_is_found_however_the_name_is_written(written):
    assert compare_people(written, SHCHERBAKOV) >= 0.8


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        ("Jurij Chruszczenko", "Yuri Khrushchenko"),  # Polish
        ("Iouri Khrouchtchenko", "Yuri Khrushchenko"),  # French
        ("Evguenia Jouravleva", "Yevgeniya Zhuravleva"),  # French, "gu" a hard г, "j" for ж
        ("Guennadi Joukov", "Gennadiy Zhukov"),
        ("Ûrij Hruŝenko", "Yuri Khrushchenko"),  # ISO 9
        ("Mohammed El Masri", "Muhammad Al-Masri"),
        ("Abdulrahman Haddad", "Abdul Rahman Haddad"),
        ("José García", "Jose Garcia"),
    ],
)
def test_transliterations_and_spellings_of_one_name_match(written, listed):
    assert compare_people(written, listed) >= 0.8


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        ("Aleksei Shcherbakov", SHCHERBAKOV),  # another given name: another person
        ("Ivan Sidorenko", "Ivan Sidorov"),
        ("Shcherbakov", SHCHERBAKOV),  # a surname alone names no one
        ("A. I.", SHCHERBAKOV),  # nor do initials
        ("Anna Lindqvist", "Anna Lindberg"),
    ],
)
def test_other_people_do_not_match(written, listed):
    assert compare_people(written, listed) == 0.0


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        ("يوسف الهمداني", "Yusuf Al-Hamdani"),  # the UK list's Arabic spelling of its own name
        ("محمد الحسن", "Mohammed Al-Hassan"),
        ("عائشة القاسمي", "Aisha Qasimi"),
        ("خالد صالح", "Khaled Saleh"),
        ("إبراهيم ناصر", "Ibrahim Nasser"),
        ("عمر بن ناصر", "Omar Nasser"),  # "bin" is no part of whom a name names
        ("عمر Shcherbakov", "Omar Sergeevich Shcherbakov"),  # an alias written in two scripts
    ],
)
def test_a_name_in_arabic_script_matches_its_latin_spelling(written, listed):
    """Arabic script writes the consonants and long vowels, not the short ones: a name in it is
    compared with a Latin one by their consonants, never as more than a weak likeness."""
    assert 0.8 <= compare_people(written, listed) < 1.0
    assert 0.8 <= compare_people(listed, written) < 1.0


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        ("محمد الحسن", "Mohammed Al-Masri"),  # another surname
        ("يوسف الهمداني", "Anna Lindqvist"),
        ("عمر ناصر", "Maria Nowak"),
        ("عمر", "Omar"),  # one word names no one
    ],
)
def test_other_names_in_arabic_script_do_not_match(written, listed):
    assert compare_people(written, listed) == 0.0


def test_a_name_in_arabic_script_is_looked_up_by_its_consonants_both_ways():
    index = Index.of([Listed(1, PERSON, "Yusuf Al-Hamdani"), Listed(2, PERSON, "محمد الحسن")])

    [latin] = index.screen_person("يوسف الهمداني")
    [arabic] = index.screen_person("Muhammad Hassan")

    assert (latin.listed.entry, latin.strong) == (1, False)
    assert (arabic.listed.entry, arabic.strong) == (2, False)


def test_an_initial_or_a_reading_without_an_article_is_a_hit_but_never_a_strong_one():
    index = Index.of([Listed(1, PERSON, SHCHERBAKOV), Listed(2, PERSON, "Bert Smith")])

    [initial] = index.screen_person("A. Shcherbakov")
    [article] = index.screen_person("Albert Smith")  # "Al" may be the Arabic article
    [whole] = index.screen_person("Aleksandr Shcherbakov")

    assert (initial.listed.entry, initial.strong) == (1, False)
    assert (article.listed.entry, article.strong) == (2, False)
    assert (whole.listed.entry, whole.strong) == (1, True)


def test_a_birth_date_known_on_both_sides_rules_an_entry_out_or_in():
    index = Index.of(
        [
            Listed(1, PERSON, SHCHERBAKOV, birth_dates=(BirthDate(1970, month=5, day=2),)),
            Listed(2, PERSON, "Olga Zhukova", birth_dates=(BirthDate(1961, circa=True),)),
            Listed(3, PERSON, "Omar Haddad", birth_dates=(BirthDate(1975, year_to=1978),)),
        ]
    )

    assert index.screen_person("Aleksandr Shcherbakov", born=date(1971, 5, 2)) == []
    assert index.screen_person("Aleksandr Shcherbakov", born=date(1970, 6, 2)) == []
    [same] = index.screen_person("Aleksandr Shcherbakov", born=date(1970, 5, 2))
    assert same.strong and same.reasons == ("birth date agrees",)
    assert index.screen_person("Olga Zhukova", born=1962)  # about 1961
    assert index.screen_person("Olga Zhukova", born=1963) == []
    assert index.screen_person("Omar Haddad", born=1977)  # born 1975 to 1978
    assert index.screen_person("Omar Haddad", born=1979) == []
    # Without a birth date screened, every listed one is still a hit.
    assert index.screen_person("Aleksandr Shcherbakov")[0].strong


def test_a_different_citizenship_weakens_a_hit_and_a_weak_alias_is_never_strong():
    index = Index.of(
        [
            Listed(1, PERSON, SHCHERBAKOV, citizenships=frozenset({"RU"})),
            Listed(2, PERSON, "Karim Nasser", weak=True),
        ]
    )

    [other_country] = index.screen_person("Aleksandr Shcherbakov", citizenship="SE")
    [same_country] = index.screen_person("Aleksandr Shcherbakov", citizenship="RU")
    [alias] = index.screen_person("Karim Nasser")

    assert not other_country.strong and other_country.reasons == ("citizenship differs",)
    assert same_country.strong
    assert not alias.strong


def test_each_entry_is_one_hit_however_many_of_its_names_match():
    index = Index.of(
        [
            Listed(7, PERSON, SHCHERBAKOV),
            Listed(7, PERSON, "Александр Щербаков"),
            Listed(7, PERSON, "Shcherbakov Aleksandr", weak=True),
            Listed(8, PERSON, "Aleksandr Shcherbakov"),
        ]
    )

    hits = index.screen_person("Alexander Scherbakow")

    assert [hit.listed.entry for hit in hits] == [7, 8]


@pytest.mark.parametrize(
    ("written", "listed", "strong"),
    [
        ("Amber Trading JSC", "Amber Trading LLC", True),
        ("AMBER TRADING", "Amber Trading S.A.", True),
        ("The Baltic Import-Export Company", "Baltic Import-Export GmbH", True),
        ("Nordlicht Tradng", "Nordlicht Trading Ltd", False),  # a typo
        ("Crescent Relief Fondation", "Crescent Relief Foundation", True),  # in French
    ],
)
def test_an_organisation_is_found_whatever_its_legal_form(written, listed, strong):
    index = Index.of([Listed(1, ORGANISATION, listed)])

    [hit] = index.screen_organisation(written)

    assert hit.strong is strong


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        ("Nordlicht Trading", "Nordlicht Logistics"),
        ("Save the Children Sweden", "Crescent Relief Foundation"),
        ("ECPAT International", "ECPAT Trading FZE"),
    ],
)
def test_other_organisations_do_not_match(written, listed):
    assert compare_organisations(written, listed) < 0.8


def test_people_are_not_screened_against_organisations():
    index = Index.of([Listed(1, ORGANISATION, "Omar Haddad Trading"), Listed(2, PERSON, "X Y")])

    assert index.screen_person("Omar Haddad") == []
