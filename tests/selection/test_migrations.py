"""Migration 0003: the ballots kept before it become round tallies, the secret ones go."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from laurel.candidates.models import Placement
from laurel.selection.models import Ballot
from tests.candidates.helpers import confirmed

BEFORE = [("selection", "0002_declined_places")]
AFTER = [("selection", "0003_secret_ballots_only_in_tally")]


@pytest.fixture(autouse=True)
def schema_back_to_the_latest():
    """Each test walks the schema back; the tests after them need it whole again (a
    transactional test empties the tables but leaves the schema where it was)."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_old_ballots_become_tallies_and_secret_ones_are_deleted(child10):
    a, b, c = (
        Placement.objects.get(nomination=confirmed(child10, name)).candidate_id
        for name in ("Ljusglimt", "Trygga Nätet", "Barnens Röst")
    )
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    OldRound, OldBallot = (
        old.get_model("selection", "VotingRound"),
        old.get_model("selection", "Ballot"),
    )
    secret = OldRound.objects.create(cycle_id=child10.pk, number=1, method="ranked", secret=True)
    secret.candidates.set([a, b, c])
    for ranks, excluded in [
        ({a: 1, b: 2, c: 3}, []),
        ({b: 1, c: 2}, [a]),  # a conflicted voter
        ({c: 1, a: 2}, [b]),
    ]:
        OldBallot.objects.create(
            round=secret, ranks={str(k): v for k, v in ranks.items()}, excluded=excluded
        )
    open_ = OldRound.objects.create(cycle_id=child10.pk, number=2, method="approval", secret=False)
    open_.candidates.set([a, b])
    OldBallot.objects.create(round=open_, voter_id=None, ranks={str(a): 1}, excluded=[b])

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    # The models as migration 0003 leaves them (later migrations add columns).
    VotingRound = executor.loader.project_state(AFTER).apps.get_model("selection", "VotingRound")

    tally = VotingRound.objects.get(pk=secret.pk).tally
    assert tally["candidates"] == sorted([a, b, c])
    order = {candidate: i for i, candidate in enumerate(tally["candidates"])}
    pairwise = {(x, y): tally["pairwise"][order[x]][order[y]] for x in order for y in order}
    assert pairwise == {
        (a, a): 0, (a, b): 1, (a, c): 1,  # the first ballot; the second left a out
        (b, a): 0, (b, b): 0, (b, c): 2,  # the first two; the third left b out
        (c, a): 1, (c, b): 0, (c, c): 0,
    }  # fmt: skip
    assert not Ballot.objects.filter(round_id=secret.pk).exists()
    assert list(Ballot.objects.filter(round_id=open_.pk).values_list("ranks", flat=True)) == [
        {str(a): 1}
    ]
    open_tally = VotingRound.objects.get(pk=open_.pk).tally
    assert (open_tally["approvals"], open_tally["voters"]) == ([1, 0], [1, 0])


@pytest.mark.django_db(transaction=True)
def test_a_decision_locked_before_records_gets_its_record_once(child10, staff_user):
    from laurel.selection import services
    from laurel.selection.models import Decision
    from tests.selection.helpers import decided_with_letters

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # wherever the test before left it
    decision = decided_with_letters(child10, staff_user, laureates=2, reserves=1, count=4)
    executor = MigrationExecutor(connection)
    executor.migrate([("selection", "0004_decision_record_and_amendments")])
    Decision.objects.filter(pk=decision.pk).update(record={}, record_hash="")

    executor = MigrationExecutor(connection)
    executor.migrate([("selection", "0005_freeze_locked_decisions")])

    decision = Decision.objects.get()
    assert decision.record["decision"]["locked_by"]["id"] == decision.locked_by_id
    assert decision.record["rebuilt_at"]
    assert decision.record_hash == services.content_hash(decision.record)
