"""A copy of the database holds no usable session: the table keeps a hash of the cookie's key,
never the key a browser presents, and the sessions' data only encrypted (a password-reset key
waits there between the emailed link and the new password) (found re-probing issue 14,
item 4)."""

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.contrib.sessions.backends.db import SessionStore as PlainSessionStore
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from laurel.accounts.sessions import SessionStore
from tests.conftest import make_user, sign_in

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

    rows = Session.objects.all()
    assert not any("_auth_user_id" in SessionStore().decode(row.session_data) for row in rows)


def test_a_password_reset_key_waiting_in_a_session_is_not_readable_from_a_copy(client):
    user = make_user("plain")
    key = default_token_generator.make_token(user)
    link = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": key},
    )

    opened = client.get(link)

    assert opened.status_code == 302  # allauth keeps the key in the session, off the address
    (row,) = Session.objects.all()
    assert key not in row.session_data
    assert PlainSessionStore().decode(row.session_data) == {}  # no field keys: nothing
    assert SessionStore().decode(row.session_data)["_password_reset_key"] == key


def test_the_migration_ends_sessions_stored_in_the_clear(client, staff_user):
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "laurel.accounts.migrations.0004_end_sessions_stored_in_the_clear"
    )
    plain = PlainSessionStore()
    plain["_password_reset_key"] = "a-key"
    plain.create()

    migration.end_sessions(apps, None)

    assert Session.objects.count() == 0
