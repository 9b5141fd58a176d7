"""No browser or proxy keeps a copy of a private response; public pages stay cacheable."""

import pytest
from django.urls import reverse

from tests.conftest import sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def no_store(response) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives


def test_the_public_call_page_is_left_cacheable(client, child10):
    response = client.get(reverse("nominations:call"))

    assert response.status_code == 200
    assert not no_store(response)


def test_every_page_to_a_signed_in_user_is_never_stored(client, child10):
    sign_in(client, UserFactory(email="someone@example.org"))

    response = client.get(reverse("nominations:call"))

    assert no_store(response)


def test_the_staff_dashboard_is_never_stored(staff_client, child10):
    response = staff_client.get(reverse("staff:dashboard"))

    assert response.status_code == 200
    assert no_store(response)


@pytest.mark.parametrize(
    "path", ["/en/organisation/a-consent-token/", "/en/laureate/an-accept-token/"]
)
def test_a_private_link_is_never_stored_even_when_it_is_wrong(client, child10, path):
    response = client.get(path)

    assert no_store(response)


def test_an_api_answer_is_never_stored(client, child10):
    response = client.get("/api/v1/", HTTP_AUTHORIZATION="Bearer lrl_unknown")

    assert no_store(response)
