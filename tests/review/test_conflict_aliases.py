"""A member's tie finds its conflict under any name the organisation is known by (issue 18,
item 3): a name or website only a merged nomination carried, a name it corrected."""

import pytest
from django.urls import reverse

from laurel.candidates import services as screening
from laurel.candidates.models import Placement
from laurel.nominations.models import Nomination
from laurel.review import services
from laurel.review.enums import ConflictState
from laurel.review.models import Conflict
from tests.candidates.helpers import confirmed
from tests.conftest import make_user, sign_in
from tests.scenarios import member, ready

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    return make_user("staff")


def merged_into(candidate, name, staff, **details):
    """A nomination written another way became a candidate of its own; staff merged it."""
    nomination = confirmed(candidate.cycle, name, email="other.nominator@example.org", **details)
    other = Placement.objects.get(nomination=nomination).candidate
    assert other != candidate
    screening.merge_candidates(other, candidate, actor=staff)
    return nomination


def tie(user, cycle, **written):
    services.save_profile(
        user,
        cycle,
        languages=["en"],
        country="SE",
        affiliations=[services.Tie(kind="board", **written)],
    )


def test_a_tie_under_the_name_only_a_merged_nomination_carried_finds_its_conflict(child10, staff):
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    merged_into(candidate, "Safe Net Sweden", staff)
    alice = member(child10, "alice@example.org")

    tie(alice, child10, name="Safe Net Sweden", country="SE")

    conflict = Conflict.objects.get()
    assert (conflict.member, conflict.candidate, conflict.state) == (
        alice,
        candidate,
        ConflictState.SUGGESTED,
    )
    assert conflict.reasons[0] == "same-name"
    assert conflict.matched_name == "Safe Net Sweden"
    assert (candidate.pk, alice.pk) in services.blocking_pairs(child10)


def test_the_member_sees_which_of_the_candidates_names_their_tie_matched(client, child10, staff):
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    merged_into(candidate, "Safe Net Sweden", staff)
    alice = member(child10, "alice@example.org")
    tie(alice, child10, name="Safe Net Sweden", country="SE")
    sign_in(client, alice)

    page = client.get(reverse("review:home")).content.decode()

    assert "Trygga Nätet <small>(your tie matched Safe Net Sweden)</small>" in page


def test_a_tie_under_a_website_only_a_merged_nomination_carried_finds_its_conflict(child10, staff):
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    merged_into(candidate, "Nätverket Barnfri Webb", staff, website="https://barnfriwebb.se/en")
    alice = member(child10, "alice@example.org")

    tie(alice, child10, name="BFW Sverige", website="www.barnfriwebb.se", country="SE")

    conflict = Conflict.objects.get()
    assert (conflict.member, conflict.candidate) == (alice, candidate)
    assert "same-domain" in conflict.reasons


def test_a_tie_under_a_name_the_organisation_corrected_finds_its_conflict(child10, staff):
    candidate = ready(child10, "Trygg Nät", staff=staff)
    organisation = candidate.organisation
    organisation.name = "Barnens Trygga Nätet"
    organisation.aliases = ["Trygg Nät"]
    organisation.save(update_fields=["name", "aliases"])
    # Its only nomination is written with the new name too: the old one is only an alias now.
    Nomination.objects.filter(placement__candidate=candidate).update(
        org_name="Barnens Trygga Nätet"
    )
    alice = member(child10, "alice@example.org")

    tie(alice, child10, name="Trygg Nät", country="SE")

    conflict = Conflict.objects.get()
    assert (conflict.member, conflict.candidate) == (alice, candidate)
    assert conflict.matched_name == "Trygg Nät"


def test_a_tie_under_a_merged_name_in_another_country_finds_nothing(child10, staff):
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    merged_into(candidate, "Safe Net Sweden", staff)
    alice = member(child10, "alice@example.org")

    tie(alice, child10, name="Safe Net Sweden", country="NO")

    assert not Conflict.objects.exists()


def test_a_merge_after_the_member_saved_their_ties_is_caught_when_the_assignment_is_proposed(
    child10, staff
):
    from laurel.cycles.enums import Phase
    from laurel.review.models import Assignment
    from tests.factories import in_phase

    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    other = ready(child10, "Röst för Barn", staff=staff)
    alice = member(child10, "alice@example.org")
    bob = member(child10, "bob@example.org")
    # The organisation's other name, which shares nothing with "Trygga Nätet".
    tie(alice, child10, name="Kvinnojouren Linnea", country="SE")
    tie(bob, child10, name="Something Else Entirely", country="SE")
    assert not Conflict.objects.exists()  # no candidate carries that name yet
    merged_into(candidate, "Kvinnojouren Linnea", staff)  # after Alice saved her ties
    in_phase(child10, Phase.SCREENING)

    services.propose_assignment(child10, actor=staff, k=1)

    assert Conflict.objects.get().member == alice
    assert not Assignment.objects.filter(candidate=candidate, member=alice).exists()
    assert Assignment.objects.filter(candidate=other).exists()
