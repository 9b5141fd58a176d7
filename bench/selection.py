"""Benchmark: the final selection's integer programme and the Schulze count.

    .venv/bin/python bench/selection.py [--candidates 500] [--voters 15] [--ballot 100] [--seed 6]

Prints one JSON document.

slate: 500 candidates in 40 countries, each doing one or two of the four kinds of work
(technology rare, prevention common), with scores on the 1–5 scale; exactly 10 laureates, at
most one per country and at least two of each kind of work. `laurel.selection.slate.suggest`
solves it (SciPy milp, HiGHS) together with one more solve per constraint (what each costs) and
the unconstrained optimum; its answer is checked against the LP relaxation (an upper bound no
integer slate can beat) and every constraint is checked on the slate. Timing is the median of
the repeats.

schulze: 15 voters ranking 100 candidates (every voter ranks 60 of them, with ties, and has
conflicts with 3 that are left out of their comparisons), counted by
`laurel.selection.counting.schulze`; the order is checked against a plain Python
Floyd–Warshall count of the same ballots.
"""

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.optimize import linprog

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from laurel.selection.counting import RankedBallot, schulze
from laurel.selection.slate import Constraints, Option, suggest

KINDS = ["victim_support", "prevention", "technology", "advocacy"]


def timed(func, repeats):
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return result, statistics.median(times), max(times)


def lp_bound(options, constraints) -> float:
    n = len(options)
    rows, upper = [], []
    for country in sorted({o.country for o in options}):
        rows.append([1.0 if o.country == country else 0.0 for o in options])
        upper.append(constraints.max_per_country)
    for kind, minimum in constraints.min_per_kind.items():
        rows.append([-1.0 if kind in o.kinds else 0.0 for o in options])
        upper.append(-minimum)
    result = linprog(
        c=[-o.score for o in options],
        A_ub=np.array(rows),
        b_ub=upper,
        A_eq=np.ones((1, n)),
        b_eq=[constraints.size],
        bounds=(0, 1),
        method="highs",
    )
    return -result.fun


def bench_slate(args) -> dict:
    rng = random.Random(args.seed)
    countries = [f"C{n:02d}" for n in range(40)]
    options = [
        Option(
            candidate=i,
            score=round(rng.uniform(1, 5), 3),
            country=rng.choice(countries),
            # Prevention is common, technology rare: the spread has a price.
            kinds=frozenset(rng.choices(KINDS, weights=[30, 50, 5, 15], k=rng.choice([1, 2]))),
        )
        for i in range(args.candidates)
    ]
    constraints = Constraints(10, max_per_country=1, min_per_kind=dict.fromkeys(KINDS, 2))
    slate, median, worst = timed(lambda: suggest(options, constraints), args.repeats)
    chosen = [o for o in options if o.candidate in set(slate.chosen)]
    per_country = Counter(o.country for o in chosen)
    bound = lp_bound(options, constraints)
    return {
        "candidates": len(options),
        "countries": len(countries),
        "laureates": len(slate.chosen),
        "constraints": constraints.names(),
        "seconds_median": round(median, 4),
        "seconds_max": round(worst, 4),
        "solves_per_suggestion": 2 + len(constraints.names()),
        "score": round(slate.score, 4),
        "unconstrained_score": round(slate.unconstrained_score, 4),
        "lp_relaxation_bound": round(bound, 4),
        "gap_to_bound": round(max(bound - slate.score, 0.0), 6),
        "costs": slate.costs,
        "checks": {
            "exactly_10": len(slate.chosen) == 10,
            "at_most_one_per_country": max(per_country.values()) == 1,
            "kinds_met": all(sum(k in o.kinds for o in chosen) >= 2 for k in KINDS),
            "not_above_bound": slate.score <= bound + 1e-6,
        },
    }


def plain_schulze(candidates, ballots):
    """Textbook Schulze in plain Python, for the check."""
    d = {(a, b): 0 for a in candidates for b in candidates if a != b}
    for ballot in ballots:
        for a, b in d:
            if a in ballot.excluded or b in ballot.excluded:
                continue
            ra = ballot.ranks.get(a, len(candidates) + 1)
            rb = ballot.ranks.get(b, len(candidates) + 1)
            d[a, b] += ra < rb
    p = {(a, b): d[a, b] if d[a, b] > d[b, a] else 0 for a, b in d}
    for i in candidates:
        for j in candidates:
            if i == j:
                continue
            for k in candidates:
                if k in (i, j):
                    continue
                p[j, k] = max(p[j, k], min(p[j, i], p[i, k]))
    wins = {a: sum(p[a, b] > p[b, a] for b in candidates if b != a) for a in candidates}
    return sorted(candidates, key=lambda a: (-wins[a], a))


def bench_schulze(args) -> dict:
    rng = random.Random(args.seed)
    candidates = list(range(1, args.ballot + 1))
    strength = {c: rng.gauss(0, 1) for c in candidates}
    ballots = []
    for _ in range(args.voters):
        judged = rng.sample(candidates, 60)
        noisy = sorted(judged, key=lambda c: -(strength[c] + rng.gauss(0, 1)))
        ranks = {c: 1 + position // 2 for position, c in enumerate(noisy)}  # pairs tie
        excluded = frozenset(rng.sample([c for c in candidates if c not in ranks], 3))
        ballots.append(RankedBallot(ranks, excluded))
    result, median, worst = timed(lambda: schulze(candidates, ballots), args.repeats)
    flat = [c for tier in result.order for c in tier]
    start = time.perf_counter()
    reference = plain_schulze(candidates, ballots)
    reference_seconds = time.perf_counter() - start
    return {
        "voters": args.voters,
        "candidates": len(candidates),
        "seconds_median": round(median, 4),
        "seconds_max": round(worst, 4),
        "tiers": len(result.order),
        "same_order_as_plain_python": flat == reference,
        "plain_python_seconds": round(reference_seconds, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--candidates", type=int, default=500)
    parser.add_argument("--voters", type=int, default=15)
    parser.add_argument("--ballot", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    print(json.dumps({"slate": bench_slate(args), "schulze": bench_schulze(args)}, indent=2))


if __name__ == "__main__":
    main()
