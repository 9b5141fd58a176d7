"""Duplicate detection on plain records: what counts as the same organisation, and what not."""

import pytest

from laurel.candidates.matching import (
    Record,
    clusters,
    find_duplicates,
    normalise_name,
    normalise_registration,
    normalise_website,
)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("https://www.Ecpat.se/om-oss", ("ecpat.se", "ecpat")),
        ("ecpat.se", ("ecpat.se", "ecpat")),
        ("http://www2.savechild.org.uk:8080/about", ("savechild.org.uk", "savechild")),
        ("https://facebook.com/SafeKidsMalmo/", ("facebook.com/safekidsmalmo",) * 2),
        ("https://safekids.wordpress.com", ("safekids.wordpress.com",) * 2),
    ],
)
def test_websites_are_reduced_to_their_registrable_domain(written, expected):
    website = normalise_website(written)

    assert (website.domain, website.label) == expected


def test_a_shared_host_without_a_page_is_no_website():
    assert normalise_website("https://www.facebook.com/") is None
    assert normalise_website("") is None
    assert normalise_website("localhost") is None


def test_registration_numbers_keep_letters_and_digits_only():
    assert normalise_registration("802 000-0000") == normalise_registration("8020000000")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Stiftelsen Barnens Rätt", "Barnens Ratt stiftelse"),  # legal form, diacritics, order
        ("Kinderschutz Netz e.V.", "KINDERSCHUTZ NETZ"),
        ("Fundacja Bezpieczne Dzieci Sp. z o.o.", "fundacja bezpieczne dzieci"),
        ("Udruga Sigurna Djeca", "Sigurna Djeca udruga"),
        ("Фонд Безпечні Діти", "Fond Bezpechni Dity"),  # another transliteration
        ("Trygga Barn", "Safe Children"),  # another language
    ],
)
def test_the_same_name_written_differently_is_the_same(first, second):
    assert normalise_name(first) == normalise_name(second)


def test_records_with_the_same_website_are_suggested_with_reasons():
    records = [
        Record(1, "Trygga Nätet", "SE", "https://www.trygganatet.se/"),
        Record(2, "Safe Net Sweden", "SE", "trygganatet.se/en"),
        Record(3, "Something Else", "SE", "other.se"),
    ]

    [suggestion] = find_duplicates(records)

    assert (suggestion.first, suggestion.second) == (1, 2)
    # The same site (0.96); the same name in English with "Sweden" added (0.9); the site's
    # name is the Swedish name written together (0.9): together all but certain.
    assert suggestion.reasons == ["same-domain", "translation", "domain-name"]
    assert suggestion.confidence == 1.0
    assert suggestion.matched == ("Trygga Nätet", "Safe Net Sweden")


def test_a_typo_in_a_long_word_is_similar_but_a_different_short_word_is_not():
    records = [
        Record(1, "Digitale Kinderschutzbund Hoffnung", "DE"),
        Record(2, "Digitale Kinderschutzbnd Hoffnung", "DE"),
        Record(3, "Digitale Kinderschutzbund Sonne", "DE"),
    ]

    suggestions = find_duplicates(records)

    assert [(s.first, s.second, s.reasons) for s in suggestions] == [(1, 2, ["similar-name"])]


def test_names_are_compared_only_within_a_country():
    records = [Record(1, "Trygga Barn", "SE"), Record(2, "Trygga Barn", "FI")]

    assert find_duplicates(records) == []


def test_registration_number_in_the_same_country_is_strong_evidence():
    records = [
        Record(1, "Hopp", "SE", registration="802000-1234"),
        Record(2, "Hope Sweden", "SE", registration="8020001234"),
    ]

    [suggestion] = find_duplicates(records)

    assert suggestion.reasons == ["same-registration"]


def test_only_limits_suggestions_to_the_records_named():
    records = [
        Record(1, "Trygga Barn", "SE"),
        Record(2, "Trygga Barn AB", "SE"),
        Record(3, "Ljus Röst", "SE"),
        Record(4, "Ljus Rost", "SE"),
    ]

    suggestions = find_duplicates(records, only=[3])

    assert [(s.first, s.second) for s in suggestions] == [(3, 4)]


def test_clusters_join_pairs_transitively():
    groups = clusters([1, 2, 3, 4], [(1, 2), (2, 3)])

    assert sorted(map(sorted, groups)) == [[1, 2, 3], [4]]
