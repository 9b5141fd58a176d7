"""A copy of the database holds no usable session: the table keeps a hash of the cookie's key,
never the key a browser presents (found re-probing issue 14, item 4)."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_a_session_key_read_from_a_copy_of_the_database_opens_nothing(client, staff_user):
    sign_in(client, staff_user)
    assert client.get(reverse("staff:dashboard")).status_code == 200
    cookie = client.cookies["sessionid"].value

    stored = list(Session.objects.values_list("session_key", flat=True))
    thief = Client()
    thief.cookies["sessionid"] = stored[0]

    assert len(stored) == 1
    assert cookie not in stored
    assert thief.get(reverse("staff:dashboard")).status_code == 302
    assert client.get(reverse("staff:dashboard")).status_code == 200  # the owner goes on


def test_signing_out_deletes_the_hashed_row(client, staff_user):
    sign_in(client, staff_user)
    client.get(reverse("staff:dashboard"))

    client.post(reverse("account_logout"))

    assert not any("_auth_user_id" in row.get_decoded() for row in Session.objects.all())
