"""Benchmark: reviewer assignment for a large award.

    .venv/bin/python bench/review.py [--candidates 2000] [--members 40] [--k 3] [--seed 3]

Prints one JSON document: 2,000 candidates and 40 members with 5% random conflicts and random
language profiles; the time `laurel.review.assignment.solve` takes (an LP whose optimal vertex is
integral) and whether it is optimal — its objective compared with an independent solve of the
same problem as an integer programme (scipy milp, branch and cut) — plus the checks every
assignment must pass (k each, no conflicts, loads within bounds). Timing lives here, never in
the tests. Then aggregation: 6,000 reviews of the assigned pairs (four criteria each, reviewers
with their own severity), combined by `laurel.review.aggregation.aggregate`.
"""

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from laurel.review.aggregation import Score, aggregate
from laurel.review.assignment import Problem, integer_optimum, language_preference, solve

LANGUAGES = ["en", "sv", "de", "fr", "pl", "es", "it", "uk", "ro", "nl", "hr", "el"]


def make_problem(args) -> Problem:
    rng = random.Random(args.seed)
    candidates = list(range(1, args.candidates + 1))
    members = list(range(100001, 100001 + args.members))
    wrote = {c: rng.sample(LANGUAGES, rng.choice([1, 1, 1, 2])) for c in candidates}
    reads = {m: ["en", *rng.sample(LANGUAGES[1:], rng.randint(0, 3))] for m in members}
    conflicts = frozenset(
        (c, m) for c in candidates for m in members if rng.random() < args.conflict_share
    )
    preference = {
        (c, m): language_preference(wrote[c], reads[m]) for c in candidates for m in members
    }
    return Problem(candidates, members, k=args.k, conflicts=conflicts, preference=preference)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=2000)
    parser.add_argument("--members", type=int, default=40)
    parser.add_argument("--k", type=int, default=3)
    parser.add_argument("--conflict-share", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    problem = make_problem(args)
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        solution = solve(problem)
        runs.append(time.perf_counter() - started)
    started = time.perf_counter()
    independent = integer_optimum(problem)
    independent_seconds = time.perf_counter() - started
    rng = random.Random(args.seed + 1)
    quality = {c: rng.uniform(1.5, 4.5) for c in problem.candidates}
    severity = {m: rng.uniform(-0.8, 0.8) for m in problem.members}
    scores = [
        Score(c, m, criterion, max(1, min(5, round(quality[c] + severity[m] + rng.gauss(0, 0.6)))))
        for c, m in solution.pairs
        for criterion in "1234"
    ]
    aggregation_runs = []
    for _ in range(3):
        started = time.perf_counter()
        combined = aggregate(scores, {"1": 3.0, "2": 3.0, "3": 2.0, "4": 2.0}, (1, 5))
        aggregation_runs.append(time.perf_counter() - started)
    per_candidate = Counter(c for c, _m in solution.pairs)
    loads = solution.loads()
    low, high = problem.load_bounds()
    print(
        json.dumps(
            {
                "candidates": args.candidates,
                "members": args.members,
                "k": args.k,
                "conflicts": len(problem.conflicts),
                "assignment": {
                    "seconds": [round(s, 2) for s in runs],
                    "exact_by": solution.exact_by,
                    "objective": solution.objective,
                    "independent_integer_optimum": independent,
                    "independent_seconds": round(independent_seconds, 2),
                    "optimal": abs(solution.objective - independent) < 1e-6,
                    "every_candidate_has_k": set(per_candidate.values()) == {args.k},
                    "conflicts_assigned": sum(p in problem.conflicts for p in solution.pairs),
                    "load_bounds": [low, high],
                    "loads_min_max": [min(loads.values()), max(loads.values())],
                    "share_fully_readable": round(
                        sum(problem.preference[p] == 1.0 for p in solution.pairs)
                        / len(solution.pairs),
                        4,
                    ),
                },
                "aggregation": {
                    "reviews": len(solution.pairs),
                    "scores": len(scores),
                    "seconds": [round(s, 3) for s in aggregation_runs],
                    "krippendorff_alpha": combined.alpha,
                    "reviewers_standing_out": sum(r.stands_out for r in combined.reviewers),
                },
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
