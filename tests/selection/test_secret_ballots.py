"""A secret ballot cannot be traced to its voter from anything stored, and still counts."""

import threading

import pytest
from django.db import connection

from laurel.core.models import AuditEntry
from laurel.review import services as review
from laurel.selection import services
from laurel.selection.models import Ballot, Receipt, VotingRound
from tests.scenarios import member
from tests.selection.helpers import scored_committee


@pytest.fixture
def committee(child10, staff_user):
    committee = scored_committee(child10, staff_user, count=4)
    for candidate in committee.candidates:
        services.shortlist_candidate(candidate, kind="shortlist", actor=staff_user)
    return committee


def _stored(round_: VotingRound) -> dict:
    """Every row stored about a round's votes, in the order the database keeps it (by id), with
    only what must differ between two rounds left out: their own ids, numbers and times."""
    row = VotingRound.objects.filter(pk=round_.pk).values().get()
    for column in ("id", "number", "opened_at", "closed_at"):
        row.pop(column)
    ballots = [
        {k: v for k, v in ballot.items() if k not in {"id", "round_id"}}
        for ballot in Ballot.objects.filter(round=round_).order_by("id").values()
    ]
    receipts = list(Receipt.objects.filter(round=round_).order_by("id").values_list("voter"))
    audit = list(
        AuditEntry.objects.filter(subject_type="selection.votinground", subject_id=str(round_.pk))
        .order_by("id")
        .values_list("key", "actor", "actor_label", "summary", "data")
    )
    return {"round": row, "ballots": ballots, "receipts": receipts, "audit": audit}


RANKED = {  # voter → ranks; bob may not judge a, carol may not judge b
    "chair": {"a": 1, "b": 2, "c": 3},
    "alice": {"a": 1, "c": 2, "b": 3},
    "bob": {"b": 1, "c": 2},
    "carol": {"c": 1, "a": 2},
}
APPROVAL = {
    "chair": {"a": 1, "b": 1},
    "alice": {"a": 1},
    "bob": {"c": 1},
    "carol": {"a": 1, "c": 1},
}


@pytest.mark.parametrize("method", ["ranked", "approval"])
def test_a_secret_ballot_cannot_be_linked_to_its_voter_and_still_counts(
    committee, staff_user, method
):
    a, b, c = committee.candidates[:3]
    alice, bob = committee.members
    carol = member(a.cycle, "carol@example.org")
    review.declare_conflict(carol, b, kind="personal")  # bob's conflict is with a
    voters = {"chair": committee.chair, "alice": alice, "bob": bob, "carol": carol}
    ids = {"a": a.pk, "b": b.pk, "c": c.pk}
    ballots = RANKED if method == "ranked" else APPROVAL
    # The second round is the first with the ballots of the chair and alice swapped: who cast
    # which ballot differs, the order of voting and everything else is the same.
    swapped = {**ballots, "chair": ballots["alice"], "alice": ballots["chair"]}

    rounds = []
    for cast in (ballots, swapped):
        round_ = services.open_round(
            a.cycle, method=method, secret=True, candidates=[a, b, c], actor=staff_user
        )
        for name, voter in voters.items():
            ranks = {ids[key]: rank for key, rank in cast[name].items()}
            services.cast_ballot(round_, voter=voter, ranks=ranks, actor=voter)
        rounds.append(services.close_round(round_, actor=staff_user))
    first, second = rounds

    # Nothing stored tells the two rounds apart, so nothing stored tells who cast which ballot:
    # no ballot row (no id or time to line up with the receipts), no voter's conflicts.
    assert _stored(first) == _stored(second)
    assert _stored(first)["ballots"] == []
    assert [(e.key, e.data) for e in AuditEntry.objects.filter(key="round.voted")] == [
        ("round.voted", {})
    ] * 8
    # And the count is the one the ballots give, each conflict left out of its voter's count.
    if method == "ranked":
        assert [(row["candidate"], row["position"]) for row in first.result["rows"]] == [
            (a.pk, 1),
            (b.pk, 2),
            (c.pk, 3),
        ]
        assert sorted(first.result["pairwise"]) == sorted(
            [
                [a.pk, b.pk, 2],  # chair, alice (bob and carol are left out)
                [b.pk, a.pk, 0],
                [a.pk, c.pk, 2],  # chair, alice (bob is left out)
                [c.pk, a.pk, 1],  # carol
                [b.pk, c.pk, 2],  # chair, bob (carol is left out)
                [c.pk, b.pk, 1],  # alice
            ]
        )
    else:
        assert first.result["rows"] == [
            {"candidate": a.pk, "position": 1, "approvals": 3, "voters": 3},
            {"candidate": c.pk, "position": 2, "approvals": 2, "voters": 4},
            {"candidate": b.pk, "position": 3, "approvals": 1, "voters": 3},
        ]
    assert first.result["ballots"] == 4


def test_an_open_round_keeps_who_voted_how_but_not_their_conflicts(committee, staff_user):
    a, b = committee.candidates[:2]
    alice, bob = committee.members
    round_ = services.open_round(
        a.cycle, method="ranked", secret=False, candidates=[a, b], actor=staff_user
    )

    services.cast_ballot(round_, voter=alice, ranks={b.pk: 1, a.pk: 2}, actor=alice)
    services.cast_ballot(round_, voter=bob, ranks={b.pk: 1}, actor=bob)  # conflict: a
    closed = services.close_round(round_, actor=staff_user)

    assert list(Ballot.objects.filter(round=round_).values("voter", "ranks")) == [
        {"voter": alice.pk, "ranks": {str(b.pk): 1, str(a.pk): 2}},
        {"voter": bob.pk, "ranks": {str(b.pk): 1}},
    ]
    assert sorted(closed.result["pairwise"]) == sorted([[a.pk, b.pk, 0], [b.pk, a.pk, 1]])


@pytest.mark.django_db(transaction=True)
def test_ballots_cast_at_once_all_reach_the_tally(child10, staff_user):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite takes the write lock at BEGIN: the votes cannot overlap there")
    committee = scored_committee(child10, staff_user, count=3)
    _a, b, c = committee.candidates
    for candidate in (b, c):
        services.shortlist_candidate(candidate, kind="shortlist", actor=staff_user)
    round_ = services.open_round(
        child10, method="approval", secret=True, candidates=[b, c], actor=staff_user
    )
    voters = [committee.chair, *committee.members]
    barrier = threading.Barrier(len(voters))

    def vote(voter):
        barrier.wait()
        try:
            services.cast_ballot(round_, voter=voter, ranks={b.pk: 1}, actor=voter)
        finally:
            connection.close()

    threads = [threading.Thread(target=vote, args=(voter,)) for voter in voters]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    tally = VotingRound.objects.get(pk=round_.pk).tally
    assert (tally["approvals"], tally["voters"]) == ([3, 0], [3, 3])
    assert Receipt.objects.filter(round=round_).count() == 3
