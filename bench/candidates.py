"""Benchmark: duplicate detection over generated nominations, and the candidates list.

    .venv/bin/python bench/candidates.py [--nominations 10000] [--organisations 7000] [--seed 7]

Prints one JSON document: how long `find_duplicates` takes over all nominations (each one a
record, as if every nomination had become its own candidate) and its precision and recall
against the generator's truth, counted over pairs: a suggested pair is right when both
nominations are of the same organisation; recall is over every pair of nominations of the same
organisation. Timing lives here, never in the tests.
"""

import argparse
import json
import random
import sys
import time
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.organisations import make_nominations, make_organisations
from laurel.candidates.matching import Record, clusters, find_duplicates


def detection(args) -> dict:
    rng = random.Random(args.seed)
    organisations = make_organisations(rng, args.organisations)
    nominations = make_nominations(rng, organisations, args.nominations)
    records = [
        Record(
            key=n["key"],
            name=n["name"],
            country=n["country"],
            website=n["website"],
            registration=n["registration"],
        )
        for n in nominations
    ]
    truth = {n["key"]: n["organisation"] for n in nominations}
    true_pairs = {
        pair
        for organisation in organisations
        for pair in combinations(sorted(n["key"] for n in organisation.nominations), 2)
    }
    started = time.perf_counter()
    suggestions = find_duplicates(records)
    seconds = time.perf_counter() - started
    suggested = {(s.first, s.second) for s in suggestions}
    right = sum(1 for a, b in suggested if truth[a] == truth[b])
    # What staff end up with if they accept every suggestion: groups, compared pair by pair.
    grouped = {
        pair for group in clusters(truth, suggested) for pair in combinations(sorted(group), 2)
    }
    grouped_right = sum(1 for a, b in grouped if truth[a] == truth[b])
    wrong = [
        (records[a].name, records[b].name, s.confidence, s.reasons)
        for s in suggestions
        for a, b in [(s.first, s.second)]
        if truth[a] != truth[b]
    ]
    missed = [
        (records[a].name, records[a].website, records[b].name, records[b].website)
        for a, b in sorted(true_pairs - suggested)
    ]
    return {
        "nominations": len(records),
        "organisations": len(organisations),
        "true_pairs": len(true_pairs),
        "seconds": round(seconds, 2),
        "suggestions": len(suggested),
        "precision": round(right / len(suggested), 4) if suggested else 1.0,
        "recall": round(right / len(true_pairs), 4) if true_pairs else 1.0,
        "after_accepting_all": {
            "precision": round(grouped_right / len(grouped), 4) if grouped else 1.0,
            "recall": round(len(grouped & true_pairs) / len(true_pairs), 4),
        },
        "examples_wrong": wrong[: args.examples],
        "examples_missed": missed[: args.examples],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nominations", type=int, default=10000)
    parser.add_argument("--organisations", type=int, default=7000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--examples", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps({"detection": detection(args)}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
