"""The assignment's loads are as even as possible (issue 17, item 14): 54 reviews over 4
members are 13, 13, 14, 14, never 12, 15, 12, 15; with conflicts, as even as they allow."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laurel.review.assignment import Infeasible, Problem, integer_optimum, solve


def loads_of(problem, solution):
    """Every member's load, a member without any review counting 0."""
    counted = solution.loads()
    return [counted.get(member, 0) for member in problem.members]


def test_54_reviews_over_4_members_are_13_and_14():
    rng = random.Random(54)
    candidates, members = list(range(1, 19)), [101, 102, 103, 104]
    # Preferences that pull towards uneven loads: two members read every language.
    preference = {
        (c, m): (1.0 if m in (101, 103) else rng.choice([0.0, 0.5]))
        for c in candidates
        for m in members
    }
    problem = Problem(candidates, members, k=3, preference=preference)

    assert sorted(loads_of(problem, solve(problem))) == [13, 13, 14, 14]


@settings(max_examples=60, deadline=None)
@given(
    candidates=st.integers(min_value=1, max_value=40),
    members=st.integers(min_value=1, max_value=9),
    k=st.integers(min_value=1, max_value=4),
    seed=st.integers(min_value=0, max_value=10_000),
)
def test_without_conflicts_loads_differ_by_at_most_one(candidates, members, k, seed):
    k = min(k, members)
    rng = random.Random(seed)
    cs, ms = list(range(1, candidates + 1)), list(range(101, 101 + members))
    preference = {(c, m): rng.choice([0.0, 0.5, 1.0]) for c in cs for m in ms}
    problem = Problem(cs, ms, k=k, preference=preference)

    loads = loads_of(problem, solve(problem))

    assert max(loads) - min(loads) <= 1
    assert sum(loads) == candidates * k


def _refused(problem, **bounds) -> bool:
    try:
        solve(Problem(**{**problem.__dict__, **bounds}))
    except Infeasible:
        return True
    return False


@settings(max_examples=40, deadline=None)
@given(
    candidates=st.integers(min_value=3, max_value=25),
    members=st.integers(min_value=3, max_value=7),
    seed=st.integers(min_value=0, max_value=10_000),
)
def test_with_conflicts_loads_are_as_even_as_the_conflicts_allow(candidates, members, seed):
    rng = random.Random(seed)
    cs, ms = list(range(1, candidates + 1)), list(range(101, 101 + members))
    # Some members are conflicted with much of the field: they cannot take an even share.
    share = {m: rng.choice([0.0, 0.1, 0.6, 0.9]) for m in ms}
    conflicts = frozenset((c, m) for c in cs for m in ms if rng.random() < share[m])
    preference = {(c, m): rng.choice([0.0, 0.5, 1.0]) for c in cs for m in ms}
    problem = Problem(cs, ms, k=2, conflicts=conflicts, preference=preference)
    try:
        solution = solve(problem)
    except Infeasible:
        return  # a candidate with fewer than k members free of conflicts: named elsewhere

    loads = loads_of(problem, solution)

    # Nobody could take fewer at the top, nor more at the bottom: each bound is tight.
    assert _refused(problem, max_load=max(loads) - 1)
    assert _refused(problem, min_load=min(loads) + 1)
    assert solution.objective == integer_optimum(problem)


@pytest.mark.parametrize("seed", range(3))
def test_kept_assignments_above_the_average_are_kept_and_the_rest_evened(seed):
    # Member 101 already reviews 8 of 10 candidates (published); the rest share the others.
    cs, ms = list(range(1, 11)), [101, 102, 103, 104]
    keep = frozenset((c, 101) for c in range(1, 9))
    problem = Problem(cs, ms, k=2, keep=keep)

    solution = solve(problem)

    assert keep <= set(solution.pairs)
    assert sorted(loads_of(problem, solution)) == [4, 4, 4, 8]
