"""Committee profiles, conflicts of interest and the assignment, through the services."""

import pytest

from laurel.core.models import AuditEntry
from laurel.cycles.enums import Phase
from laurel.notifications.models import OutgoingEmail
from laurel.review import services
from laurel.review.enums import AssignmentState, ConflictState
from laurel.review.models import Assignment, Conflict
from tests.conftest import make_user
from tests.factories import in_phase
from tests.review.helpers import assigned
from tests.scenarios import member, ready

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    return make_user("staff")


def test_a_tie_to_a_nominated_organisation_is_suggested_as_a_conflict(child10, staff):
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    alice = member(child10, "alice@example.org")

    services.save_profile(
        alice,
        child10,
        languages=["sv", "en"],
        country="SE",
        affiliations=[services.Tie(name="Trygga Nätet Stiftelse", country="SE", kind="board")],
    )

    conflict = Conflict.objects.get()
    assert (conflict.member, conflict.candidate, conflict.state, conflict.kind) == (
        alice,
        candidate,
        ConflictState.SUGGESTED,
        "board",
    )
    assert conflict.declared is False


def test_a_suggested_conflict_keeps_the_member_away_until_dismissed(child10, staff):
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    alice = member(child10, "alice@example.org")
    services.save_profile(
        alice,
        child10,
        languages=["en"],
        country="SE",
        affiliations=[services.Tie(name="Other", website="trygga.se", kind="funds")],
    )

    assert (candidate.pk, alice.pk) in services.blocking_pairs(child10)

    services.decide_conflict(Conflict.objects.get(), member=alice, confirmed=False)

    assert services.blocking_pairs(child10) == frozenset()


def test_only_the_member_decides_about_their_conflict(child10, staff):
    ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    alice = member(child10, "alice@example.org")
    bob = member(child10, "bob@example.org")
    services.save_profile(
        alice, child10, languages=[], country="SE",
        affiliations=[services.Tie(name="x", website="trygga.se", kind="partner")],
    )  # fmt: skip

    with pytest.raises(services.ReviewError, match="Only the member concerned"):
        services.decide_conflict(Conflict.objects.get(), member=bob, confirmed=False)


def test_assignment_gives_k_reviewers_without_conflicts_and_publishing_tells_members(
    child10, staff
):
    candidates = [
        ready(child10, f"Organisation {n} Ljus", website=f"https://o{n}.se", staff=staff)
        for n in range(4)
    ]
    members = [member(child10, f"m{n}@example.org") for n in range(4)]
    services.declare_conflict(members[0], candidates[0], kind="employment")

    in_phase(child10, Phase.SCREENING)
    solution = services.propose_assignment(child10, actor=staff, k=2)
    published = services.publish_assignment(child10, actor=staff)

    assert published == len(solution.pairs) == 8
    assert not Assignment.objects.filter(member=members[0], candidate=candidates[0]).exists()
    assert set(Assignment.objects.values_list("state", flat=True)) == {AssignmentState.PUBLISHED}
    assert OutgoingEmail.objects.filter(key="review_assigned").count() == 4
    assert AuditEntry.objects.filter(key="assignment.published").count() == 1


def test_published_assignments_are_kept_when_proposing_again(child10, staff):
    first = [
        ready(child10, f"Organisation {n} Ljus", website=f"https://o{n}.se", staff=staff)
        for n in range(3)
    ]
    for n in range(3):
        member(child10, f"m{n}@example.org")
    in_phase(child10, Phase.SCREENING)
    services.propose_assignment(child10, actor=staff, k=2)
    services.publish_assignment(child10, actor=staff)
    before = set(Assignment.objects.values_list("candidate_id", "member_id"))
    in_phase(child10, Phase.NOMINATIONS)  # reopened for a late nomination (the one step back)
    ready(child10, "A Later Organisation", website="https://later.se", staff=staff)

    in_phase(child10, Phase.SCREENING)
    services.propose_assignment(child10, actor=staff, k=2)

    published = set(
        Assignment.objects.filter(state="published").values_list("candidate_id", "member_id")
    )
    assert published == before
    assert Assignment.objects.filter(state="proposed").count() == 2
    assert len(first) == 3


def test_declaring_a_conflict_withdraws_an_assignment(child10, staff):
    candidate, people = assigned(child10, staff)

    services.declare_conflict(people[1], candidate, kind="personal", note="My sister works there.")

    assert not Assignment.objects.filter(member=people[1], candidate=candidate).exists()
    assert AuditEntry.objects.filter(key="assignment.withdrawn_for_conflict").count() == 1


def test_an_assignment_that_cannot_be_satisfied_says_what_to_change(child10, staff):
    ready(child10, "Ljus", website="https://ljus.se", staff=staff)
    member(child10, "only@example.org")
    in_phase(child10, Phase.SCREENING)

    with pytest.raises(services.ReviewError, match="invite more members"):
        services.propose_assignment(child10, actor=staff, k=3)

    assert Assignment.objects.count() == 0


def test_someone_outside_the_committee_cannot_declare(child10, staff):
    candidate = ready(child10, "Ljus", website="https://ljus.se", staff=staff)

    with pytest.raises(services.ReviewError, match="Only members"):
        services.declare_conflict(staff, candidate, kind="other")
