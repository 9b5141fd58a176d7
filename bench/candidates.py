"""Benchmark: duplicate detection over generated nominations and over real names, and the
candidates list.

    .venv/bin/python bench/candidates.py [--nominations 10000] [--organisations 7000] [--seed 7]
                                         [--list-candidates 10000] [--real-only] [--set all]

The real set (`bench/realnames/`, real organisations written as nominators write them, and
brand-alikes that are different organisations): every variant is one record, as if each
nomination had become its own candidate. Reported per file (dev, holdout, brands) and together: pair
recall and precision of suggestions, auto-join precision (pairs at `JOIN_FROM` or above), the
share of organisations that come out whole after accepting every suggestion (all their
variants in one group, nothing else in it), and every brand-alike pair suggested.

Prints one JSON document: how long `find_duplicates` takes over all nominations (each one a
record, as if every nomination had become its own candidate; the gazetteer's one-time load
timed apart) and its precision and recall
against the generator's truth, counted over pairs: a suggested pair is right when both
nominations are of the same organisation; recall is over every pair of nominations of the same
organisation. Then the staff candidates list (Django in this process, a fresh SQLite database):
the queries one page issues with 10 candidates and with `--list-candidates`, and the p50/p95 of
the page (default, filtered by country, sorted by nominations, searched) over 40 requests each.
Timing lives here, never in the tests.
"""

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.organisations import make_nominations, make_organisations
from bench.realnames import SETS
from bench.realnames import organisations as real_organisations
from laurel.candidates.matching import JOIN_FROM, Record, clusters, find_duplicates


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
    # The gazetteer (GeoNames' towns, pycountry's countries and regions) loads once per
    # process, with the first name read: timed apart from the matching itself.
    started = time.perf_counter()
    find_duplicates([Record(0, "Barnens Rätt i Samhället Stockholm", "SE")])
    gazetteer = time.perf_counter() - started
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
        "gazetteer_seconds": round(gazetteer, 2),
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


def real_names(which: str, examples: int, websites: str = "as-written") -> dict:
    """`websites="every-variant"` asks what if every nominator gave the website: each variant
    written without one takes its organisation's (the first any variant gives; an organisation
    no variant gives one for keeps none)."""
    organisations = real_organisations(which)
    records, truth, brand = [], {}, {}
    for organisation in organisations:
        known = next((v.website for v in organisation.variants if v.website), "")
        for variant in organisation.variants:
            key = len(records)
            site = variant.website or (known if websites == "every-variant" else "")
            records.append(Record(key, variant.name, organisation.country, site))
            truth[key] = organisation.id
            brand[key] = organisation.brand
    true_pairs = {(a, b) for a, b in combinations(range(len(records)), 2) if truth[a] == truth[b]}
    with_site = {o.id for o in organisations if any(v.website for v in o.variants)}
    site_pairs = {(a, b) for a, b in true_pairs if truth[a] in with_site}
    started = time.perf_counter()
    suggestions = find_duplicates(records)
    seconds = time.perf_counter() - started
    suggested = {(s.first, s.second) for s in suggestions}
    joined = {(s.first, s.second) for s in suggestions if s.confidence >= JOIN_FROM}
    right = suggested & true_pairs
    groups = clusters(truth, suggested)
    group_of = {key: index for index, group in enumerate(groups) for key in group}
    members = defaultdict(set)
    for key, organisation in truth.items():
        members[organisation].add(key)
    whole = sum(1 for keys in members.values() if groups[group_of[next(iter(keys))]] == keys)
    brand_pairs = [
        (records[a].name, records[b].name, s.confidence, s.reasons)
        for s in suggestions
        for a, b in [(s.first, s.second)]
        if truth[a] != truth[b] and brand[a] and brand[a] == brand[b]
    ]
    wrong = [
        (records[a].name, records[b].name, s.confidence, s.reasons, s.matched)
        for s in suggestions
        for a, b in [(s.first, s.second)]
        if truth[a] != truth[b]
    ]
    missed = [
        (truth[a], records[a].name, records[a].website, records[b].name, records[b].website)
        for a, b in sorted(true_pairs - suggested)
    ]
    return {
        "organisations": len(members),
        "websites": websites,
        "organisations_with_a_website": sum(
            1 for o in organisations if any(v.website for v in o.variants)
        ),
        "countries": len({o.country for o in organisations}),
        "brand_groups": len(
            {o.brand for o in organisations if o.brand}
            - {
                b
                for b in {o.brand for o in organisations}
                if sum(1 for o in organisations if o.brand == b) < 2
            }
        ),
        "records": len(records),
        "true_pairs": len(true_pairs),
        "seconds": round(seconds, 3),
        "suggestions": len(suggested),
        "recall": round(len(right) / len(true_pairs), 4) if true_pairs else None,
        # Of the organisations some variant gives a website for (the rest have none in the file).
        "recall_with_a_website": (
            round(len(right & site_pairs) / len(site_pairs), 4) if site_pairs else None
        ),
        "precision": round(len(right) / len(suggested), 4) if suggested else 1.0,
        "auto_join": {
            "pairs": len(joined),
            "precision": round(len(joined & true_pairs) / len(joined), 4) if joined else 1.0,
        },
        "whole_after_accepting_all": round(whole / len(members), 4) if members else None,
        "brand_alike_pairs_suggested": len(brand_pairs),
        "examples_brand_alike": brand_pairs[:examples],
        "examples_wrong": wrong[:examples],
        "examples_missed": missed[:examples],
    }


def real(args) -> dict:
    sets = [*SETS, "all"] if args.set == "all" else [args.set]
    return {which: real_names(which, args.examples, args.websites) for which in sets}


def candidate_list(args) -> dict:
    from bench.site import temporary_site

    cycle = temporary_site()  # Django is set up from here
    from django.db import connection
    from django.test import Client

    from laurel.candidates.models import Candidate, Organisation
    from tests.conftest import make_user, sign_in

    client = Client()
    sign_in(client, make_user("staff"))  # as allauth would, second factor included
    rng = random.Random(args.seed)
    organisations = make_organisations(rng, args.list_candidates)

    def add(chosen):
        made = Organisation.objects.bulk_create(
            Organisation(name=o.name, country=o.country, website=o.website) for o in chosen
        )
        Candidate.objects.bulk_create(
            Candidate(
                cycle=cycle,
                organisation=organisation,
                name=organisation.name,
                country=organisation.country,
                nomination_count=rng.randint(1, 4),
                nominator_count=1,
                languages=["en"],
            )
            for organisation in made
        )

    pages = {
        "default": "",
        "country": "?country=SE",
        "sorted": "?sort=nominations",
        "search": "?q=a&page=3",
    }

    def measure() -> dict:
        result = {}
        for label, query in pages.items():
            url = f"/en/staff/candidates/{query}"
            queries = []

            def counted(execute, sql, params, many, context, queries=queries):
                queries.append(sql)
                return execute(sql, params, many, context)

            with connection.execute_wrapper(counted):
                assert client.get(url).status_code == 200
            times = []
            for _ in range(40):
                started = time.perf_counter()
                client.get(url)
                times.append(time.perf_counter() - started)
            times.sort()
            result[label] = {
                "queries": len(queries),
                "p50_ms": round(times[len(times) // 2] * 1000, 1),
                "p95_ms": round(times[int(len(times) * 0.95)] * 1000, 1),
            }
        return result

    add(organisations[:10])
    few = measure()
    add(organisations[10:])
    many = measure()
    return {"candidates": {"10": few, str(args.list_candidates): many}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nominations", type=int, default=10000)
    parser.add_argument("--organisations", type=int, default=7000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--examples", type=int, default=5)
    parser.add_argument("--list-candidates", type=int, default=10000)
    parser.add_argument("--set", default="all", choices=["all", *SETS])
    parser.add_argument("--real-only", action="store_true", help="only the real-names set")
    parser.add_argument(
        "--websites",
        default="as-written",
        choices=["as-written", "every-variant"],
        help="every-variant: what if every nominator gave the organisation's website",
    )
    args = parser.parse_args()
    result = {"real": real(args)}
    if not args.real_only:
        result |= {"detection": detection(args), "list": candidate_list(args)}
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
