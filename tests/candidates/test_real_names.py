"""Duplicate detection over real organisations written as nominators write them
(bench/realnames): what must never happen, and the floor what it finds must not fall below.

The figures themselves (pair recall, organisations whole, auto-join precision, per file) are
measured by `bench/candidates.py --real-only`; the issue's note records them."""

from collections import Counter
from itertools import combinations

import pytest

from bench.realnames import organisations
from laurel.candidates.glossary import COUNTRIES
from laurel.candidates.matching import JOIN_FROM, Record, clusters, find_duplicates

# The eligible countries of Child10's call, which the glossary names one by one.
ELIGIBLE = frozenset(COUNTRIES)


@pytest.fixture(scope="module")
def real():
    found = organisations("all")
    records, truth, brand = [], {}, {}
    for organisation in found:
        for variant in organisation.variants:
            key = len(records)
            records.append(Record(key, variant.name, organisation.country, variant.website))
            truth[key], brand[key] = organisation.id, organisation.brand
    return found, records, truth, brand, find_duplicates(records)


def test_the_set_is_what_the_issue_asks_for(real):
    found, *_rest = real
    written_often = [o for o in found if 2 <= len(o.variants) <= 5 and not o.brand]
    brands = Counter(o.brand for o in found if o.brand)

    assert len(written_often) >= 80
    assert len({o.country for o in found}) >= 25
    assert {o.country for o in found} <= ELIGIBLE
    assert len([brand for brand, count in brands.items() if count >= 2]) >= 25
    assert all(o.source.strip() for o in found)
    assert len({o.id for o in found}) == len(found)


def test_no_two_organisations_sharing_a_brand_are_ever_suggested(real):
    _found, records, truth, brand, suggestions = real

    brand_alikes = [
        (records[s.first].name, records[s.second].name, s.reasons)
        for s in suggestions
        if truth[s.first] != truth[s.second]
        and brand[s.first]
        and brand[s.first] == brand[s.second]
    ]

    assert brand_alikes == []


def test_what_joins_without_asking_is_right(real):
    _found, records, truth, _brand, suggestions = real
    joined = [s for s in suggestions if s.confidence >= JOIN_FROM]
    wrong = [
        (records[s.first].name, records[s.second].name, s.reasons)
        for s in joined
        if truth[s.first] != truth[s.second]
    ]

    assert len(joined) > 500  # most of the set's pairs are plain enough to join
    assert len(wrong) / len(joined) <= 0.005, wrong


def test_what_it_finds_does_not_fall_below_its_floor(real):
    """Below the issue's 0.95 today (the note says why): a floor against regressions."""
    found, _records, truth, _brand, suggestions = real
    true_pairs = {(a, b) for a, b in combinations(sorted(truth), 2) if truth[a] == truth[b]}
    suggested = {(s.first, s.second) for s in suggestions}
    groups = clusters(truth, suggested)
    whole = sum(
        1
        for organisation in found
        if {key for key, owner in truth.items() if owner == organisation.id} in groups
    )

    assert len(suggested & true_pairs) / len(true_pairs) >= 0.78
    assert whole / len(found) >= 0.73


def test_what_is_found_does_not_depend_on_the_order_of_the_records(real):
    _found, records, _truth, _brand, suggestions = real
    backwards = find_duplicates(list(reversed(records)))

    assert {(s.first, s.second, s.confidence) for s in backwards} == {
        (s.first, s.second, s.confidence) for s in suggestions
    }
