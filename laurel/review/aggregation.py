"""Combining the committee's scores so that a harsh and a lenient reviewer count the same.

Per candidate and criterion: the mean, the median and the spread (standard deviation) of the
scores, and their number; the weighted total by the criteria weights; and a normalised score
that removes each reviewer's severity — every score becomes the reviewer's z-score (against
all scores that reviewer gave) and is rescaled to the scale by the mean and spread of all
scores. For the committee: Krippendorff's alpha (interval), how far the reviewers agree, and the
reviewers whose scores stand out (on average far above or below the others on the same
candidates). Pure functions over plain tuples; numpy does the arithmetic, loaded when scores
are combined (not when a web worker starts).
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field

# A reviewer whose scores are on average this far from the others' (their median) on the same
# candidates, in score points, stands out.
STANDS_OUT = 0.75


@dataclass(frozen=True)
class Score:
    candidate: int
    member: int
    criterion: str
    value: float


@dataclass
class CandidateResult:
    candidate: int
    reviews: int
    mean: dict[str, float] = field(default_factory=dict)
    median: dict[str, float] = field(default_factory=dict)
    spread: dict[str, float] = field(default_factory=dict)
    normalised: dict[str, float] = field(default_factory=dict)
    weighted_total: float = 0.0
    normalised_total: float = 0.0
    total_spread: float = 0.0  # disagreement: spread of the reviewers' weighted totals


@dataclass(frozen=True)
class Reviewer:
    member: int
    scores: int
    mean: float
    bias: float  # mean difference from the others' median on the same candidate and criterion
    stands_out: bool


@dataclass
class Results:
    candidates: dict[int, CandidateResult]
    alpha: float | None
    reviewers: list[Reviewer]


def _weighted(values: dict[str, float], weights: dict[str, float]) -> float:
    used = [c for c in values if weights.get(c, 0) > 0]
    total = sum(weights[c] for c in used)
    return round(sum(values[c] * weights[c] for c in used) / total, 3) if total else 0.0


def krippendorff_alpha(units: dict[tuple[int, str], list[float]]) -> float | None:
    """Interval alpha over units (here candidate × criterion) with two or more values."""
    import numpy as np

    pairable = [np.asarray(v, float) for v in units.values() if len(v) >= 2]
    if not pairable:
        return None
    pooled = np.concatenate(pairable)
    n = pooled.size
    observed = (
        sum((2 * v.size * np.dot(v, v) - 2 * v.sum() ** 2) / (v.size - 1) for v in pairable) / n
    )
    expected = (2 * n * np.dot(pooled, pooled) - 2 * pooled.sum() ** 2) / (n * (n - 1))
    if expected == 0:
        return 1.0
    return round(float(1 - observed / expected), 4)


def aggregate(scores: list[Score], weights: dict[str, float], scale: tuple[int, int]) -> Results:
    import numpy as np

    low, high = scale
    if not scores:
        return Results(candidates={}, alpha=None, reviewers=[])
    values = np.fromiter((s.value for s in scores), float, len(scores))
    members = np.fromiter((s.member for s in scores), np.int64, len(scores))
    overall_mean, overall_spread = values.mean(), values.std()
    # Each reviewer's severity: their own mean and spread over every score they gave.
    z = np.zeros_like(values)
    for member in np.unique(members):
        mine = members == member
        spread = values[mine].std()
        z[mine] = (values[mine] - values[mine].mean()) / spread if spread > 0 else 0.0
    rescaled = np.clip(overall_mean + z * overall_spread, low, high)

    by_unit: dict[tuple[int, str], list[int]] = defaultdict(list)
    by_review: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, score in enumerate(scores):
        by_unit[(score.candidate, score.criterion)].append(index)
        by_review[(score.candidate, score.member)].append(index)

    results: dict[int, CandidateResult] = {}
    for (candidate, criterion), indices in by_unit.items():
        result = results.setdefault(candidate, CandidateResult(candidate=candidate, reviews=0))
        chosen = values[indices]
        result.mean[criterion] = round(float(chosen.mean()), 3)
        result.median[criterion] = round(float(np.median(chosen)), 3)
        result.spread[criterion] = round(float(chosen.std()), 3)
        result.normalised[criterion] = round(float(rescaled[indices].mean()), 3)
    totals_per_candidate: dict[int, list[float]] = defaultdict(list)
    for (candidate, _member), indices in by_review.items():
        own = {scores[i].criterion: scores[i].value for i in indices}
        totals_per_candidate[candidate].append(_weighted(own, weights))
    for candidate, result in results.items():
        result.reviews = len(totals_per_candidate[candidate])
        result.weighted_total = _weighted(result.mean, weights)
        result.normalised_total = _weighted(result.normalised, weights)
        result.total_spread = round(float(np.std(totals_per_candidate[candidate])), 3)

    # Each score against the median of the others' scores of the same candidate and criterion:
    # the median, so that one extreme reviewer does not make the others look extreme too.
    differences: dict[int, list[float]] = defaultdict(list)
    for indices in by_unit.values():
        if len(indices) < 2:
            continue
        unit_values = [scores[i].value for i in indices]
        for position, index in enumerate(indices):
            others = unit_values[:position] + unit_values[position + 1 :]
            differences[scores[index].member].append(
                scores[index].value - statistics.median(others)
            )
    reviewers = []
    for member in sorted(set(members.tolist())):
        mine = values[members == member]
        bias = float(np.mean(differences[member])) if differences[member] else 0.0
        reviewers.append(
            Reviewer(
                member=member,
                scores=int(mine.size),
                mean=round(float(mine.mean()), 3),
                bias=round(bias, 3),
                stands_out=abs(bias) >= STANDS_OUT,
            )
        )
    alpha = krippendorff_alpha({unit: values[i].tolist() for unit, i in by_unit.items()})
    return Results(candidates=results, alpha=alpha, reviewers=reviewers)
