"""The suggested slate: an exact integer programme under the constraints staff choose."""

import itertools

import pytest

from laurel.selection.slate import Constraints, Infeasible, Option, reserves, suggest

OPTIONS = [
    Option(1, 5.0, "SE", frozenset({"prevention"})),
    Option(2, 4.9, "SE", frozenset({"prevention"})),
    Option(3, 4.8, "SE", frozenset({"advocacy"})),
    Option(4, 4.0, "DE", frozenset({"technology"})),
    Option(5, 3.5, "FI", frozenset({"victim_support"})),
    Option(6, 3.0, "PL", frozenset({"victim_support"})),
]


def brute_force(options, constraints):
    best = None
    for combo in itertools.combinations(options, constraints.size):
        countries = [o.country for o in combo]
        if constraints.max_per_country and any(
            countries.count(c) > constraints.max_per_country for c in countries
        ):
            continue
        if any(
            sum(kind in o.kinds for o in combo) < minimum
            for kind, minimum in constraints.min_per_kind.items()
        ):
            continue
        score = sum(o.score for o in combo)
        if best is None or score > best[0]:
            best = (score, sorted(o.candidate for o in combo))
    return best


def test_without_constraints_the_slate_is_the_highest_scores():
    slate = suggest(OPTIONS, Constraints(3))

    assert slate.chosen == [1, 2, 3]
    assert slate.score == pytest.approx(14.7)
    assert slate.costs == {}


def test_a_country_limit_changes_the_slate_and_shows_its_cost():
    slate = suggest(OPTIONS, Constraints(3, max_per_country=2))

    assert slate.chosen == [1, 2, 4]
    assert slate.costs == {"country": pytest.approx(0.8)}
    assert slate.binding == ["country"]


def test_a_kind_of_work_minimum_is_met_at_the_least_cost():
    slate = suggest(OPTIONS, Constraints(3, min_per_kind={"victim_support": 1}))

    assert slate.chosen == [1, 2, 5]
    assert slate.costs == {"kind:victim_support": pytest.approx(1.3)}


def test_the_solution_is_optimal_as_a_brute_force_search_finds():
    constraints = Constraints(4, max_per_country=1, min_per_kind={"victim_support": 2})

    slate = suggest(OPTIONS, constraints)

    score, chosen = brute_force(OPTIONS, constraints)
    assert sorted(slate.chosen) == chosen
    assert slate.score == pytest.approx(score)


def test_impossible_constraints_are_refused():
    with pytest.raises(Infeasible):
        suggest(OPTIONS, Constraints(3, max_per_country=1, min_per_kind={"advocacy": 2}))
    with pytest.raises(Infeasible):
        suggest(OPTIONS, Constraints(7))


def test_reserves_are_the_next_best_in_order():
    assert reserves(OPTIONS, [1, 2, 4], 2) == [3, 5]


def test_breaches_name_each_constraint_a_chosen_slate_breaks():
    from laurel.selection.slate import Breach, breaches

    constraints = Constraints(3, max_per_country=1, min_per_kind={"technology": 1, "advocacy": 1})

    assert breaches(OPTIONS, [1, 2, 3], constraints) == [
        Breach("country:SE", 3, 1),
        Breach("kind:technology", 0, 1),
    ]
    assert breaches(OPTIONS, [3, 4, 5], constraints) == []
    assert breaches(OPTIONS, [3, 4], constraints) == [Breach("size", 2, 3)]
