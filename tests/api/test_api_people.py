"""What the API gives about people and laureates, found by a helper's attack: a person who
restricted processing is left out wherever they appear (an organisation's contact too, not only
the nominator), and the laureate list carries the publication rule it must be read with."""

import pytest
from django.utils import timezone

from laurel.api import tokens
from laurel.laureates.models import Laureate
from laurel.nominations.models import Nomination
from laurel.notifications.models import Suppression
from tests.candidates.helpers import confirmed
from tests.scenarios import ready

pytestmark = pytest.mark.django_db
BASE = "/api/v1/cycles/child10-2022"


def bearer(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_a_restricted_contact_person_is_left_out_and_the_nominator_stays(
    client, child10, staff_user
):
    nomination = confirmed(child10, "Trygga Nätet", email="anna@example.org", country="SE")
    Nomination.objects.filter(pk=nomination.pk).update(
        org_contact_name="Per Persson", org_contact_email="Per.Persson@trygga.example"
    )
    Suppression.objects.create(address="per.persson@trygga.example", reason="restriction")
    _token, key = tokens.create_token(name="t", scopes=["nominations.personal"], actor=staff_user)

    [row] = client.get(f"{BASE}/nominations", **bearer(key)).json()["items"]

    assert (row["org_contact_name"], row["org_contact_email"]) == (None, None)
    assert row["nominator_email"] == "anna@example.org"  # not restricted: given as before
    assert "Persson" not in str(row)


@pytest.mark.parametrize(
    ("publish_name", "at_risk", "may_be_named"),
    [(True, False, True), (True, True, False), (False, False, False)],
)
def test_each_laureate_says_whether_it_may_be_named(
    client, child10, staff_user, publish_name, at_risk, may_be_named
):
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff_user)
    Laureate.objects.create(
        cycle=child10, candidate=candidate, accepted_at=timezone.now(),
        publish_name=publish_name, at_risk=at_risk,
    )  # fmt: skip
    _token, key = tokens.create_token(name="t", scopes=["laureates"], actor=staff_user)

    [row] = client.get(f"{BASE}/laureates", **bearer(key)).json()["items"]

    assert (row["publish_name"], row["at_risk"], row["may_be_named"]) == (
        publish_name,
        at_risk,
        may_be_named,
    )
