"""Migration 0010: whether the organisation knows of its nomination, once a field of every
form, becomes Child10's own question; each answer given moves into `question_answers`, in the
nomination, its versions and a change not yet confirmed."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from laurel.nominations.models import Nomination, NominationVersion

BEFORE = [("nominations", "0009_attachment_question")]
AFTER = [("nominations", "0010_organisation_aware_is_a_question")]


@pytest.fixture(autouse=True)
def schema_back_to_the_latest():
    """The test walks the schema back; the tests after it need it whole again."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_each_answer_moves_to_the_awards_question(child10):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    OldNomination = old.get_model("nominations", "Nomination")
    OldVersion = old.get_model("nominations", "NominationVersion")
    knows = OldNomination.objects.create(
        cycle_id=child10.pk,
        token_hash="a" * 64,
        org_name="Ljusglimt",
        organisation_aware="no",
        question_answers={"network": "yes"},
        pending_edit={"data": {"org_name": "Ljusglimt", "organisation_aware": "unsure"}},
    )
    OldVersion.objects.create(
        nomination=knows, number=1, kind="submitted", data={"organisation_aware": "no"}
    )
    unanswered = OldNomination.objects.create(
        cycle_id=child10.pk, token_hash="b" * 64, org_name="Trygga Nätet", organisation_aware=""
    )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)

    moved = Nomination.objects.get(pk=knows.pk)
    assert moved.question_answers == {"organisation_aware": "no", "network": "yes"}
    assert moved.pending_edit["data"] == {
        "org_name": "Ljusglimt",
        "question_answers": {"organisation_aware": "unsure"},
    }
    assert NominationVersion.objects.get(nomination=moved).data == {
        "question_answers": {"organisation_aware": "no"}
    }
    assert Nomination.objects.get(pk=unanswered.pk).question_answers in ({}, None)
