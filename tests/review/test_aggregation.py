"""Combining scores: means, medians, weights, severity removed, agreement, outliers."""

import pytest

from laurel.review.aggregation import Score, aggregate, krippendorff_alpha

WEIGHTS = {"1": 3.0, "2": 1.0}


def test_alpha_matches_krippendorff_s_published_example():
    """Krippendorff (2011), 'Computing Krippendorff's alpha-reliability': interval α = 0.849."""
    rows = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    units = {u: [row[u] for row in rows if row[u] is not None] for u in range(12)}

    assert krippendorff_alpha(units) == pytest.approx(0.849, abs=0.0005)


def test_perfect_agreement_is_one_and_nothing_pairable_is_none():
    assert krippendorff_alpha({1: [3, 3], 2: [5, 5], 3: [1, 1]}) == 1.0
    assert krippendorff_alpha({1: [3]}) is None


def test_means_medians_and_the_weighted_total():
    scores = [
        Score(1, 10, "1", 5), Score(1, 11, "1", 3), Score(1, 12, "1", 4),
        Score(1, 10, "2", 1), Score(1, 11, "2", 2), Score(1, 12, "2", 3),
    ]  # fmt: skip

    result = aggregate(scores, WEIGHTS, (1, 5)).candidates[1]

    assert (result.reviews, result.mean, result.median) == (
        3,
        {"1": 4.0, "2": 2.0},
        {"1": 4.0, "2": 2.0},
    )
    assert result.weighted_total == 3.5  # (4×3 + 2×1) / 4


def test_a_harsh_and_a_lenient_reviewer_count_the_same_once_normalised():
    # The harsh member gives candidate A 2 and B 1; the lenient one gives C 5 and D 4.
    # Raw, A looks far worse than C; each reviewer ranks the same way, so normalised A = C.
    scores = [
        Score(1, 10, "1", 2), Score(2, 10, "1", 1),
        Score(3, 11, "1", 5), Score(4, 11, "1", 4),
    ]  # fmt: skip

    results = aggregate(scores, {"1": 1.0}, (1, 5)).candidates

    assert results[1].weighted_total < results[3].weighted_total
    assert results[1].normalised_total == results[3].normalised_total
    assert results[2].normalised_total == results[4].normalised_total
    assert results[1].normalised_total > results[2].normalised_total


def test_a_reviewer_far_from_the_others_stands_out():
    scores = []
    for candidate in range(1, 6):
        scores += [
            Score(candidate, 10, "1", 5),
            Score(candidate, 11, "1", 2),
            Score(candidate, 12, "1", 2),
            Score(candidate, 13, "1", 2),
        ]

    reviewers = {r.member: r for r in aggregate(scores, {"1": 1.0}, (1, 5)).reviewers}

    assert reviewers[10].stands_out and reviewers[10].bias == 3.0
    assert not reviewers[11].stands_out and reviewers[11].bias == 0.0


def test_disagreement_is_the_spread_of_the_reviewers_totals():
    scores = [Score(1, 10, "1", 5), Score(1, 11, "1", 1)]

    assert aggregate(scores, {"1": 1.0}, (1, 5)).candidates[1].total_spread == 2.0
