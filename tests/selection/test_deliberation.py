"""The shortlist, the meeting and its record, and the rounds of votes."""

import pytest

from laurel.candidates import services as screening
from laurel.core.models import AuditEntry
from laurel.selection import queries, services
from laurel.selection.models import Ballot, Receipt, ShortlistEntry
from tests.selection.helpers import scored_committee, shared_committee

# Six scored candidates, built once for the module; each test in a savepoint of its own.
world, child10, staff_user, committee = shared_committee(
    lambda cycle, staff: scored_committee(cycle, staff, count=6)
)


def shortlist_all(committee, staff):
    return [
        services.shortlist_candidate(c, kind="shortlist", actor=staff) for c in committee.candidates
    ]


def test_the_shortlist_keeps_its_order_and_moves_between_lists(committee, staff_user):
    first, second, third = (
        services.shortlist_candidate(c, kind="shortlist", note=f"n{i}", actor=staff_user)
        for i, c in enumerate(committee.candidates[:3])
    )

    services.move_entry(third, offset=-1, actor=committee.chair)
    services.shortlist_candidate(first.candidate, kind="reserve", actor=committee.chair)

    lists = queries.shortlist_by_kind(first.cycle)
    assert [e.candidate.name for e in lists["shortlist"]] == [
        third.candidate.name,
        second.candidate.name,
    ]
    assert [(e.candidate.name, e.note) for e in lists["reserve"]] == [(first.candidate.name, "n0")]


def test_an_ineligible_candidate_cannot_be_shortlisted(committee, staff_user):
    candidate = committee.candidates[1]
    screening.decide_eligibility(
        candidate, eligible=False, reason="outside_theme", actor=staff_user
    )

    with pytest.raises(services.SelectionError, match="not eligible and ready"):
        services.shortlist_candidate(candidate, kind="shortlist", actor=staff_user)
    assert ShortlistEntry.objects.count() == 0


def test_the_meeting_follows_the_chair_and_the_record_names_who_recused(committee, staff_user):
    entries = shortlist_all(committee, staff_user)
    bob = committee.members[1]

    meeting = services.go_to(entries[0].cycle, entry=entries[0], actor=committee.chair)
    services.record_discussion(
        entries[0],
        arguments="Strong helpline work; weaker on advocacy.",
        outcome="supported",
        recused=[bob],
        actor=committee.chair,
    )

    assert (meeting.current, meeting.step) == (entries[0], 1)
    assert queries.conflicted_candidates(bob, entries[0].cycle) == {entries[0].candidate_id}
    entry = ShortlistEntry.objects.get(pk=entries[0].pk)
    assert (entry.outcome, list(entry.recused.all()), entry.recorded_by) == (
        "supported",
        [bob],
        committee.chair,
    )


def test_a_ranked_round_counts_with_schulze_and_leaves_conflicts_out(committee, staff_user):
    entries = shortlist_all(committee, staff_user)
    a, b, c = (e.candidate for e in entries[:3])
    alice, bob = committee.members
    cycle = a.cycle
    round_ = services.open_round(
        cycle, method="ranked", secret=True, candidates=[a, b, c], actor=committee.chair
    )

    services.cast_ballot(
        round_, voter=committee.chair, ranks={a.pk: 1, b.pk: 2, c.pk: 3}, actor=committee.chair
    )
    services.cast_ballot(round_, voter=alice, ranks={b.pk: 1, a.pk: 2, c.pk: 3}, actor=alice)
    services.cast_ballot(round_, voter=bob, ranks={b.pk: 1, c.pk: 2}, actor=bob)  # conflict: a
    closed = services.close_round(round_, actor=committee.chair)

    # Had Bob's ballot counted against a (unranked), b would win 2:1; left out, a and b tie.
    assert [(row["candidate"], row["position"]) for row in closed.result["rows"]] == [
        (a.pk, 1),
        (b.pk, 1),
        (c.pk, 3),
    ]
    assert [a.pk, b.pk, 1] in closed.result["pairwise"]  # only the chair prefers a to b
    assert [b.pk, a.pk, 1] in closed.result["pairwise"]  # alice; bob is left out
    assert not Ballot.objects.filter(round=round_).exists()  # secret: only the tally
    assert Receipt.objects.filter(round=round_).count() == 3


def test_voting_twice_or_on_a_conflict_is_refused(committee, staff_user):
    entries = shortlist_all(committee, staff_user)
    a, b = entries[0].candidate, entries[1].candidate
    alice, bob = committee.members
    round_ = services.open_round(
        a.cycle, method="approval", secret=False, candidates=[a, b], actor=staff_user
    )

    services.cast_ballot(round_, voter=alice, ranks={a.pk: 1}, actor=alice)
    with pytest.raises(services.SelectionError, match="already voted"):
        services.cast_ballot(round_, voter=alice, ranks={b.pk: 1}, actor=alice)
    with pytest.raises(services.SelectionError, match="conflict"):
        services.cast_ballot(round_, voter=bob, ranks={a.pk: 1, b.pk: 1}, actor=bob)
    with pytest.raises(services.SelectionError, match="Only the committee"):
        services.cast_ballot(round_, voter=staff_user, ranks={a.pk: 1}, actor=staff_user)

    assert [(b.voter, b.ranks) for b in Ballot.objects.all()] == [(alice, {str(a.pk): 1})]
    assert AuditEntry.objects.filter(key="round.voted").count() == 1


def test_an_approval_round_shows_shares_of_those_who_could_judge(committee, staff_user):
    entries = shortlist_all(committee, staff_user)
    a, b = entries[0].candidate, entries[1].candidate
    alice, bob = committee.members
    round_ = services.open_round(
        a.cycle, method="approval", secret=False, candidates=[a, b], actor=staff_user
    )
    services.cast_ballot(round_, voter=alice, ranks={a.pk: 1, b.pk: 1}, actor=alice)
    services.cast_ballot(round_, voter=bob, ranks={b.pk: 1}, actor=bob)

    closed = services.close_round(round_, actor=staff_user)

    # Both have every vote they could have; more approvals come first.
    assert closed.result["rows"] == [
        {"candidate": b.pk, "position": 1, "approvals": 2, "voters": 2},
        {"candidate": a.pk, "position": 2, "approvals": 1, "voters": 1},
    ]
    with pytest.raises(services.SelectionError, match="closed"):
        services.cast_ballot(closed, voter=committee.chair, ranks={}, actor=committee.chair)


def test_a_round_only_over_shortlisted_candidates_and_one_at_a_time(committee, staff_user):
    a, b, c = committee.candidates[:3]
    services.shortlist_candidate(a, kind="shortlist", actor=staff_user)
    services.shortlist_candidate(b, kind="reserve", actor=staff_user)

    with pytest.raises(services.SelectionError, match="Only shortlisted"):
        services.open_round(
            a.cycle, method="ranked", secret=True, candidates=[a, c], actor=staff_user
        )
    services.open_round(a.cycle, method="ranked", secret=True, candidates=[a, b], actor=staff_user)
    with pytest.raises(services.SelectionError, match="Close the open round"):
        services.open_round(
            a.cycle, method="ranked", secret=True, candidates=[a, b], actor=staff_user
        )
