"""Issue 18's measure for ties, over the real-names set (bench/realnames): a member's tie written
in any of an organisation's variants finds its conflict (95 % of them at least: the rest are
listed when it fails, and in the issue's note), and never a brand-alike that is another
organisation.

As names really arrive: each organisation is a candidate from a nomination under its first
variant, and a second nomination under its second variant was merged into it (by the matcher
itself, or by staff from a suggestion or by hand). Each further variant (and the merged second
one, the case once seen failing) is a tie of a member of its own, written with the organisation's
country and the variant's website if it has one."""

import pytest

from bench.realnames import organisations
from laurel.candidates import services as screening
from laurel.candidates.models import Candidate, Placement
from laurel.review import services
from laurel.review.models import Affiliation, CommitteeProfile, Conflict
from tests.candidates.helpers import confirmed
from tests.conftest import make_user
from tests.factories import RoleGrantFactory, UserFactory

pytestmark = pytest.mark.django_db

# The issue asks for at least 80 real organisations: fewer means the set is missing (its files
# arrive apart from this test), and the test must not pass on nothing.
AT_LEAST = 80
FOUND_AT_LEAST = 0.95


def _own_candidate(nomination, taken: dict, staff):
    """The nomination's candidate, split off if the matcher joined it to another
    organisation's candidate (that error is the benchmark's to count; here each organisation
    needs its own)."""
    candidate = Placement.objects.get(nomination=nomination).candidate
    if candidate.pk in taken:
        candidate = screening.split_nomination(nomination, actor=staff)
    return candidate


def _nominated(cycle, organisation, position: int, email: str):
    """A confirmed nomination of the organisation written as its variant at `position`."""
    variant = organisation.variants[position]
    return confirmed(
        cycle, variant.name, country=organisation.country, website=variant.website, email=email
    )


def test_a_tie_in_any_variant_finds_its_conflict_and_never_a_brand_alike(child10):
    real = organisations("all")
    assert len(real) >= AT_LEAST, f"the real-names set has {len(real)} organisations"
    staff = make_user("staff")

    candidate_of: dict[str, int] = {}  # organisation id → its candidate
    organisation_of: dict[int, object] = {}  # candidate → its organisation
    for number, organisation in enumerate(real):
        nomination = _nominated(child10, organisation, 0, f"first{number}@example.org")
        candidate = _own_candidate(nomination, organisation_of, staff)
        candidate_of[organisation.id] = candidate.pk
        organisation_of[candidate.pk] = organisation
    for number, organisation in enumerate(real):
        if len(organisation.variants) < 2:
            continue
        nomination = _nominated(child10, organisation, 1, f"second{number}@example.org")
        placed = Placement.objects.get(nomination=nomination).candidate
        if placed.pk == candidate_of[organisation.id]:
            continue  # joined by the matcher: as good as merged
        if placed.pk in organisation_of:  # joined another organisation's candidate
            placed = screening.split_nomination(nomination, actor=staff)
        kept = Candidate.objects.get(pk=candidate_of[organisation.id])
        screening.merge_candidates(placed, kept, actor=staff)

    # Each further variant is a tie of a member of its own; their ties are saved as the profile
    # page saves them, and conflicts looked for once for all (as proposing an assignment does).
    ties = []  # (member, organisation, variant)
    for number, organisation in enumerate(real):
        for position, variant in enumerate(organisation.variants[1:], start=1):
            member = UserFactory(email=f"tie{number}-{position}@example.org")
            RoleGrantFactory(user=member, role="committee_member", cycle=child10)
            profile = CommitteeProfile.objects.create(
                user=member, cycle=child10, languages=["en"], country=organisation.country
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
    services.detect_conflicts(child10)
    ties = [(member, organisation, variant) for member, organisation, variant, _p in ties]
    assert ties, "no organisation in the set has a second variant"

    found: dict[int, set[int]] = {}
    for member_id, candidate_id in Conflict.objects.values_list("member_id", "candidate_id"):
        found.setdefault(member_id, set()).add(candidate_id)
    missed = [
        f"{organisation.id} ({organisation.country}): tie {variant.name!r}"
        for member, organisation, variant in ties
        if candidate_of[organisation.id] not in found.get(member.pk, set())
    ]
    brand_alikes = [
        f"{organisation.id}: tie {variant.name!r} found {organisation_of[other].id} "
        f"({organisation_of[other].variants[0].name!r})"
        for member, organisation, variant in ties
        if organisation.brand
        for other in found.get(member.pk, set())
        if other != candidate_of[organisation.id]
        and organisation_of[other].brand == organisation.brand
    ]
    assert not brand_alikes, f"{len(brand_alikes)} ties found a brand-alike: {brand_alikes[:20]}"
    # The bar for the real set (as for pair recall): 95 % of ties. What stays missed
    # is named in the message: organisations renamed since (EOKM, now Offlimits), and
    # translations that share no word, acronym or website with the names the candidate has.
    found_share = 1 - len(missed) / len(ties)
    assert found_share >= FOUND_AT_LEAST, (
        f"{len(missed)} of {len(ties)} ties found no conflict: {missed}"
    )
