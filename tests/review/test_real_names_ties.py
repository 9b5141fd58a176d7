"""Issue 18's measure for ties, over real names (bench/realnames): a member's tie written in any
of an organisation's variants finds its conflict (95 % of them at least: the rest are listed
when it fails), and never a brand-alike that is another organisation.

This runs `bench.ties.measure` on the whole set (bench/ties.py prints the same measure per set,
with examples). A sample was tried (the brand-alike set and every fourth of the others) to save
its half minute: it found 94.6 %, the whole set 95.0 %, so a sample would need a lower bar, and
the bar is the issue's.

It runs on the three files the matcher was first tuned on. The blind files (blind.toml,
blind2.toml, each measured once before any tuning on it) do not meet the bar yet:
`bench/ties.py --set blind` and `--set blind2` report them, and bench/RESULTS.md records the
figures."""

import pytest

from bench.realnames import organisations
from bench.ties import measure

# A measure of the name engine over 729 nominations (about 80 s on SQLite, 110 s on PostgreSQL):
# its database work is the nominating, placing and merging services', which the rest of the
# suite tests on both databases and which use nothing one database has and the other has not;
# so `make test` runs it once, on SQLite (the marker, tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.measure]

# The issue asks for at least 80 real organisations: fewer means the set is missing (its files
# arrive apart from this test), and the test must not pass on nothing.
AT_LEAST = 80
FOUND_AT_LEAST = 0.95


def test_a_tie_in_any_variant_finds_its_conflict_and_never_a_brand_alike(child10):
    real = [o for which in ("dev", "holdout", "brands") for o in organisations(which)]
    assert len(real) >= AT_LEAST, f"the real-names set has {len(real)} organisations"

    result = measure(child10, real)

    assert result.ties > 0, "no organisation in the set has a second variant"
    assert not result.brand_alikes, (
        f"{len(result.brand_alikes)} ties found a brand-alike: {result.brand_alikes[:20]}"
    )
    # The bar for the real set (as for pair recall): 95 % of ties. What stays missed
    # is named in the message: organisations renamed since (EOKM, now Offlimits), and
    # translations that share no word, acronym or website with the names the candidate has.
    assert result.found_share >= FOUND_AT_LEAST, (
        f"{len(result.missed)} of {result.ties} ties found no conflict: {result.missed}"
    )
