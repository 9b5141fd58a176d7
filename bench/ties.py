"""Benchmark: committee members' ties over the real-names set (issue 18's measure for ties).

    .venv/bin/python bench/ties.py [--set all|dev|holdout|brands] [--examples 20]

A member's tie written in any of an organisation's variants should find its conflict (95 % at
least) and never a brand-alike that is another organisation. As names really arrive, each
organisation is a candidate from a nomination under its first variant, and a nomination under
its second variant was merged into it (by the matcher itself, or by staff from a suggestion or
by hand). Each further variant (the merged second one too, the case once seen failing) is a tie
of a member of its own, written with the organisation's country and the variant's website.

`measure` is also what tests/review/test_real_names_ties.py runs on the whole set; here each set
can be measured apart, with examples of what is missed. Prints JSON.
"""

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.realnames import SETS


@dataclass(frozen=True)
class Ties:
    ties: int
    missed: list[str]  # "organisation (country): tie 'variant'"
    brand_alikes: list[str]  # a tie that found another organisation of the same brand

    @property
    def found_share(self) -> float:
        return 1 - len(self.missed) / self.ties if self.ties else 0.0


def measure(cycle, organisations) -> Ties:
    """Nominate each organisation twice, merge as staff would, give each further variant to a
    member as a tie, detect conflicts once for all (as proposing an assignment does)."""
    from laurel.candidates import services as screening
    from laurel.candidates.models import Candidate, Placement
    from laurel.review import services
    from laurel.review.models import Affiliation, CommitteeProfile, Conflict
    from tests.candidates.helpers import confirmed
    from tests.conftest import make_user
    from tests.factories import RoleGrantFactory, UserFactory

    staff = make_user("staff")

    def nominated(organisation, position: int, email: str):
        variant = organisation.variants[position]
        return confirmed(
            cycle, variant.name, country=organisation.country, website=variant.website, email=email
        )

    def own_candidate(nomination, taken: dict):
        """The nomination's candidate, split off if the matcher joined it to another
        organisation's (that error is bench/candidates.py's to count; here each organisation
        needs its own)."""
        candidate = Placement.objects.get(nomination=nomination).candidate
        if candidate.pk in taken:
            candidate = screening.split_nomination(nomination, actor=staff)
        return candidate

    candidate_of: dict[str, int] = {}  # organisation id → its candidate
    organisation_of: dict[int, object] = {}  # candidate → its organisation
    for number, organisation in enumerate(organisations):
        candidate = own_candidate(
            nominated(organisation, 0, f"first{number}@example.org"), organisation_of
        )
        candidate_of[organisation.id] = candidate.pk
        organisation_of[candidate.pk] = organisation
    for number, organisation in enumerate(organisations):
        if len(organisation.variants) < 2:
            continue
        nomination = nominated(organisation, 1, f"second{number}@example.org")
        placed = Placement.objects.get(nomination=nomination).candidate
        if placed.pk == candidate_of[organisation.id]:
            continue  # joined by the matcher: as good as merged
        if placed.pk in organisation_of:  # joined another organisation's candidate
            placed = screening.split_nomination(nomination, actor=staff)
        kept = Candidate.objects.get(pk=candidate_of[organisation.id])
        screening.merge_candidates(placed, kept, actor=staff)

    # Each further variant is a tie of a member of its own, saved as the profile page saves it.
    ties = []  # (member, organisation, variant, profile)
    for number, organisation in enumerate(organisations):
        for position, variant in enumerate(organisation.variants[1:], start=1):
            member = UserFactory(email=f"tie{number}-{position}@example.org")
            RoleGrantFactory(user=member, role="committee_member", cycle=cycle)
            profile = CommitteeProfile.objects.create(
                user=member, cycle=cycle, languages=["en"], country=organisation.country
            )
            ties.append((member, organisation, variant, profile))
    Affiliation.objects.bulk_create(
        Affiliation(
            profile=profile,
            name=variant.name,
            country=organisation.country,
            website=variant.website,
            kind="board",
        )
        for _member, organisation, variant, profile in ties
    )
    services.detect_conflicts(cycle)

    found: dict[int, set[int]] = {}
    for member_id, candidate_id in Conflict.objects.values_list("member_id", "candidate_id"):
        found.setdefault(member_id, set()).add(candidate_id)
    missed = [
        f"{organisation.id} ({organisation.country}): tie {variant.name!r}"
        for member, organisation, variant, _profile in ties
        if candidate_of[organisation.id] not in found.get(member.pk, set())
    ]
    brand_alikes = [
        f"{organisation.id}: tie {variant.name!r} found {organisation_of[other].id} "
        f"({organisation_of[other].variants[0].name!r})"
        for member, organisation, variant, _profile in ties
        if organisation.brand
        for other in found.get(member.pk, set())
        if other != candidate_of[organisation.id]
        and organisation_of[other].brand == organisation.brand
    ]
    return Ties(ties=len(ties), missed=missed, brand_alikes=brand_alikes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="all", choices=["all", *SETS])
    parser.add_argument("--examples", type=int, default=20)
    args = parser.parse_args()
    from bench.site import temporary_site

    cycle = temporary_site()
    from django.db import transaction

    from bench.realnames import organisations

    chosen = organisations(args.set)
    started = time.perf_counter()
    with transaction.atomic():  # one transaction, as in the test: no fsync per nomination
        result = measure(cycle, chosen)
    print(
        json.dumps(
            {
                "set": args.set,
                "organisations": len(chosen),
                "ties": result.ties,
                "found_share": round(result.found_share, 3),
                "missed": len(result.missed),
                "brand_alikes_found": len(result.brand_alikes),
                "seconds": round(time.perf_counter() - started, 1),
                "examples_missed": result.missed[: args.examples],
                "examples_brand_alikes": result.brand_alikes[: args.examples],
            },
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
