"""The read-only API: tokens made and revoked by staff, scopes enforced, personal data only with
its own scope, every call logged, lists paginated and filtered; and the whole API checked against
its own OpenAPI description by schemathesis."""

import json

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection

from laurel.api import tokens
from laurel.api.api import api
from laurel.api.enums import Scope
from laurel.api.models import ApiToken
from laurel.core.models import AuditEntry
from tests.candidates.helpers import confirmed
from tests.scenarios import ANSWERS_OF_EACH_KIND, QUESTIONS_OF_EACH_KIND, asking

BASE = "/api/v1/cycles/child10-2022"


def bearer(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def key_for(staff_user):
    def make(*scopes: str) -> str:
        return tokens.create_token(name="reporting", scopes=list(scopes), actor=staff_user)[1]

    return make


@pytest.fixture
def nominated(child10):
    confirmed(child10, "Trygga Nätet", email="anna@example.org", country="SE")
    confirmed(child10, "Fundacja Dzieci", email="jan@example.org", country="PL")
    return child10


def test_staff_make_a_token_that_is_shown_once_and_stored_hashed(staff_client):
    response = staff_client.post(
        reverse("api_tokens:list"), {"name": "board report", "scopes": ["cycles", "candidates"]}
    )

    page = response.content.decode()
    token = ApiToken.objects.get()
    key = page.split("<code>lrl_")[1].split("</code>")[0]
    assert token.scopes == ["candidates", "cycles"] and token.prefix == ("lrl_" + key)[:10]
    assert ("lrl_" + key) not in str(ApiToken.objects.values().get())  # only its hash
    assert "lrl_" + key not in staff_client.get(reverse("api_tokens:list")).content.decode()
    assert AuditEntry.objects.filter(key="api_token.created").count() == 1


def test_a_token_form_without_scopes_is_refused(staff_client):
    response = staff_client.post(reverse("api_tokens:list"), {"name": "x"})

    assert response.status_code == 400
    assert "Tick at least one." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_no_token_a_wrong_one_or_a_revoked_one_opens_nothing(client, key_for, staff_user):
    key = key_for(Scope.CYCLES)
    assert client.get("/api/v1/cycles", **bearer(key)).status_code == 200

    assert client.get("/api/v1/cycles").status_code == 401
    assert client.get("/api/v1/cycles", **bearer("lrl_" + "x" * 43)).status_code == 401
    tokens.revoke_token(ApiToken.objects.get(), actor=staff_user)
    assert client.get("/api/v1/cycles", **bearer(key)).status_code == 401


def test_a_token_reads_only_its_scopes(client, key_for, nominated):
    key = key_for(Scope.CYCLES)

    refused = client.get(f"{BASE}/candidates", **bearer(key))

    assert refused.status_code == 403
    assert refused.json() == {"detail": "this token may not read candidates"}
    assert client.get(f"{BASE}/reviews", **bearer(key)).status_code == 403
    assert client.get(f"{BASE}/laureates", **bearer(key)).status_code == 403


def test_nominations_come_without_personal_data_unless_the_scope_allows(client, key_for, nominated):
    plain = client.get(f"{BASE}/nominations", **bearer(key_for(Scope.NOMINATIONS))).json()
    full = client.get(f"{BASE}/nominations", **bearer(key_for(Scope.NOMINATIONS_PERSONAL))).json()

    assert plain["count"] == full["count"] == 2
    assert all(row["nominator_email"] is None and row["answers"] is None for row in plain["items"])
    assert "anna@example.org" not in str(plain)
    assert {row["nominator_email"] for row in full["items"]} == {
        "anna@example.org",
        "jan@example.org",
    }


def test_lists_are_filtered_and_paginated(client, key_for, nominated):
    key = key_for(Scope.CANDIDATES)

    polish = client.get(f"{BASE}/candidates?country=pl", **bearer(key)).json()
    second = client.get(f"{BASE}/candidates?page=2&page_size=1", **bearer(key)).json()

    assert [c["organisation"] for c in polish["items"]] == ["Fundacja Dzieci"]
    assert second["count"] == 2 and [c["organisation"] for c in second["items"]] == ["Trygga Nätet"]
    assert client.get(f"{BASE}/candidates?page=0", **bearer(key)).status_code == 422
    assert client.get("/api/v1/cycles/nope/candidates", **bearer(key)).status_code == 404


def test_every_call_is_in_the_audit_log_without_the_data(client, key_for, nominated):
    key = key_for(Scope.NOMINATIONS_PERSONAL)

    client.get(f"{BASE}/nominations", **bearer(key))
    client.get(f"{BASE}/candidates", **bearer(key))  # refused: no scope

    entries = AuditEntry.objects.filter(key="api.read").order_by("id")
    assert [entry.data["status"] for entry in entries] == [200, 403]
    assert entries[0].summary.endswith("/api/v1/cycles/child10-2022/nominations")
    assert "anna" not in str(list(entries.values()))


def test_a_list_costs_the_same_queries_for_one_row_or_many(
    client, key_for, child10, queries_for_one_and_many
):
    key = key_for(Scope.CANDIDATES, Scope.NOMINATIONS)
    client.get("/api/v1/cycles", **bearer(key))  # the first use writes last_used_at
    counter = iter(range(1000))

    def add(n):
        for _ in range(n):
            confirmed(child10, f"Organisation {next(counter)}")

    for path in ("candidates", "nominations"):
        one, many = queries_for_one_and_many(
            lambda path=path: client.get(f"{BASE}/{path}", **bearer(key)), add, many=5
        )
        assert one == many, path


@pytest.fixture
def in_test_transaction():
    """Requests go straight into Django's WSGI handler inside the test's transaction: as
    Django's own test client does, the handler must not close the connection after each."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# The description exactly as /api/v1/openapi.json serves it (a test below checks that).
DESCRIPTION = json.loads(json.dumps(api.get_openapi_schema()))
schema = schemathesis.openapi.from_dict(DESCRIPTION)
schema.app = WSGIHandler()


def test_the_served_description_is_the_one_tested(client):
    assert client.get("/api/v1/openapi.json").json() == DESCRIPTION


@pytest.fixture
def every_scope(staff_user, nominated):
    # A nomination answering the award's own questions too, each kind of answer in the list.
    confirmed(asking(QUESTIONS_OF_EACH_KIND), "Ljus", questions=ANSWERS_OF_EACH_KIND)
    return tokens.create_token(name="all", scopes=Scope.values, actor=staff_user)[1]


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_to_its_openapi_description(case, every_scope, in_test_transaction):
    """Generated requests for every operation, valid and invalid, with a token that may read
    everything: each response has a documented status, matches its schema, and is never a
    server error. Not asked: that every invalid request is refused — an invalid case that drops
    the Authorization header gets it back here, and unknown query parameters are ignored by
    design (the 401/403/422 refusals have their own tests above)."""
    case.call_and_validate(
        headers={"Authorization": f"Bearer {every_scope}"},
        excluded_checks=[negative_data_rejection],
    )


def test_a_page_reads_only_its_rows_from_the_database(client, key_for, child10):
    key = key_for(Scope.CANDIDATES)
    for n in range(3):
        confirmed(child10, f"Organisation {n}")

    with CaptureQueriesContext(connection) as context:
        page = client.get(f"{BASE}/candidates?page=2&page_size=1", **bearer(key)).json()

    assert page["count"] == 3 and len(page["items"]) == 1
    listed = [q["sql"] for q in context.captured_queries if "candidates_candidate" in q["sql"]]
    assert any("COUNT(" in sql for sql in listed)  # counted by the database
    assert any("LIMIT 1" in sql and "OFFSET 1" in sql for sql in listed)  # one row read


def test_a_page_far_beyond_the_list_is_empty_not_an_error(client, key_for, child10):
    key = key_for(Scope.CYCLES)

    page = client.get("/api/v1/cycles?page=5895588986417367396384768", **bearer(key))

    assert page.status_code == 200 and page.json() == {"items": [], "count": 1}


def test_an_id_beyond_any_database_integer_is_refused_not_an_error(client, key_for, child10):
    """A helper's attack: a candidate number past a bigint gave a 500 (OverflowError)."""
    key = key_for(Scope.REVIEWS)

    for number in ("9223372036854775808", "99999999999999999999"):
        response = client.get(
            f"/api/v1/cycles/{child10.slug}/reviews?candidate={number}", **bearer(key)
        )
        assert response.status_code == 422, number
        assert response["Content-Type"].startswith("application/json")
    largest = client.get(
        f"/api/v1/cycles/{child10.slug}/reviews?candidate=9223372036854775807", **bearer(key)
    )
    assert largest.status_code == 200


def test_a_request_django_cannot_read_is_answered_in_json_as_described(client, db):
    """Schemathesis sent a host name that is not one (`D+;<`): the site's HTML 400 page came
    back, a status the description did not name. An API client gets JSON, and 400 is named."""
    response = client.get("/api/v1/cycles", HTTP_HOST="D+;<")

    assert response.status_code == 400
    assert response.json() == {"detail": "The request could not be read."}
    assert (
        "400"
        in client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/cycles"]["get"]["responses"]
    )
