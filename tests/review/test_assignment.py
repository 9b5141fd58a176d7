"""The reviewer assignment: every rule holds, and the result is the optimum."""

import itertools
import random
from collections import Counter

import pytest

from laurel.review.assignment import (
    Infeasible,
    Problem,
    integer_optimum,
    language_preference,
    solve,
)


def random_problem(seed, candidates=30, members=8, k=3, conflict_share=0.1, **extra):
    rng = random.Random(seed)
    cs, ms = list(range(1, candidates + 1)), list(range(101, 101 + members))
    conflicts = frozenset((c, m) for c in cs for m in ms if rng.random() < conflict_share)
    preference = {(c, m): rng.choice([0.0, 0.5, 1.0]) for c in cs for m in ms}
    return Problem(cs, ms, k=k, conflicts=conflicts, preference=preference, **extra)


@pytest.mark.parametrize("seed", range(5))
def test_every_rule_holds(seed):
    problem = random_problem(seed)

    solution = solve(problem)

    per_candidate = Counter(c for c, _m in solution.pairs)
    low, high = problem.load_bounds()
    assert set(per_candidate.values()) == {problem.k}
    assert set(per_candidate) == set(problem.candidates)
    assert not set(solution.pairs) & problem.conflicts
    assert all(low <= load <= high for load in solution.loads().values())
    assert len(set(solution.pairs)) == len(solution.pairs)


@pytest.mark.parametrize("seed", range(5))
def test_the_result_is_the_integer_optimum(seed):
    problem = random_problem(seed)

    assert solve(problem).objective == integer_optimum(problem)


def test_the_result_is_the_optimum_by_brute_force_on_a_small_case():
    # The most even loads first (the smallest sum of squared loads), then the best preference.
    problem = random_problem(11, candidates=3, members=4, k=2, conflict_share=0.0)
    options = list(itertools.combinations(problem.members, 2))

    def rank(combo):
        loads = Counter(m for chosen in combo for m in chosen)
        preference = sum(
            problem.preference[(c, m)]
            for c, chosen in zip(problem.candidates, combo, strict=True)
            for m in chosen
        )
        return (-sum(load * load for load in loads.values()), preference)

    best = max(itertools.product(options, repeat=len(problem.candidates)), key=rank)

    assert solve(problem).objective == round(rank(best)[1], 6)


def test_members_who_read_the_language_are_preferred():
    problem = Problem(
        [1, 2],
        [10, 11, 12, 13],
        k=1,
        preference={(1, 10): 1.0, (2, 13): 1.0},
    )

    assert solve(problem).pairs == [(1, 10), (2, 13)]


def test_assignments_already_made_are_kept():
    problem = random_problem(2, keep=frozenset({(1, 101), (2, 101), (3, 102)}))

    pairs = set(solve(problem).pairs)

    assert {(1, 101), (2, 101), (3, 102)} <= pairs


def test_too_few_members_for_k_is_explained():
    with pytest.raises(Infeasible, match="2 members and every candidate needs 3"):
        solve(Problem([1], [10, 11], k=3))


def test_a_candidate_everyone_is_conflicted_with_is_named():
    conflicts = frozenset({(7, 10), (7, 11)})

    with pytest.raises(Infeasible, match="Candidate 7 has only 1 members without a conflict"):
        solve(Problem([7], [10, 11, 12], k=2, conflicts=conflicts))


def test_loads_that_cannot_hold_every_review_are_explained():
    with pytest.raises(Infeasible, match="raise the maximum load"):
        solve(Problem(list(range(10)), [1, 2, 3], k=3, max_load=5))


def test_bounds_that_conflicts_make_impossible_are_explained():
    # Member 12 may review only candidate 1, yet must take at least two reviews.
    conflicts = frozenset({(2, 12), (3, 12)})
    problem = Problem([1, 2, 3], [10, 11, 12], k=2, min_load=2, max_load=2, conflicts=conflicts)

    with pytest.raises(Infeasible, match="widen the bounds"):
        solve(problem)


def test_language_preference_is_the_share_read():
    assert language_preference(["sv", "en"], ["en"]) == 0.5
    assert language_preference([], ["en"]) == 1.0
