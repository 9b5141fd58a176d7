"""The API gives a nomination's answers to the award's own questions (issue 20) as it gives the
criteria answers: with the scope nominations.personal only, and never of a nominator who
restricted processing."""

import pytest

from laurel.api import tokens
from laurel.api.enums import Scope
from laurel.notifications.models import Suppression
from tests.candidates.helpers import confirmed
from tests.scenarios import ANSWERS_OF_EACH_KIND, QUESTIONS_OF_EACH_KIND, asking

pytestmark = pytest.mark.django_db
NOMINATIONS = "/api/v1/cycles/child10-2022/nominations"


@pytest.fixture
def key_for(staff_user):
    def make(*scopes: str) -> dict:
        key = tokens.create_token(name="reporting", scopes=list(scopes), actor=staff_user)[1]
        return {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    return make


@pytest.fixture
def cycle(db):
    cycle = asking(QUESTIONS_OF_EACH_KIND)
    confirmed(cycle, "Ljus", email="anna@example.org", questions=ANSWERS_OF_EACH_KIND)
    confirmed(cycle, "Trygga Nätet", email="per@example.org")
    return cycle


def by_name(response) -> dict[str, dict]:
    assert response.status_code == 200
    return {row["org_name"]: row for row in response.json()["items"]}


def test_the_personal_scope_reads_every_answer_as_stored(client, key_for, cycle):
    rows = by_name(client.get(NOMINATIONS, **key_for(Scope.NOMINATIONS_PERSONAL)))

    assert rows["Ljus"]["question_answers"] == ANSWERS_OF_EACH_KIND
    assert rows["Trygga Nätet"]["question_answers"] == {}


def test_the_scope_without_personal_data_reads_none(client, key_for, cycle):
    rows = by_name(client.get(NOMINATIONS, **key_for(Scope.NOMINATIONS)))

    assert [row["question_answers"] for row in rows.values()] == [None, None]
    assert "Greta Lind" not in str(rows) and "network" not in str(rows)


def test_a_nominator_who_restricted_processing_is_left_out_with_their_answers(
    client, key_for, cycle
):
    Suppression.objects.create(address="anna@example.org", reason="restriction")

    rows = by_name(client.get(NOMINATIONS, **key_for(Scope.NOMINATIONS_PERSONAL)))

    assert (rows["Ljus"]["nominator_email"], rows["Ljus"]["question_answers"]) == (None, None)
    assert rows["Trygga Nätet"]["question_answers"] == {}


def test_the_description_says_what_the_answers_are(client):
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]

    described = schema["NominationOut"]["properties"]["question_answers"]
    assert "nominations.personal" in described["description"]
    assert described["anyOf"][0]["type"] == "object"
