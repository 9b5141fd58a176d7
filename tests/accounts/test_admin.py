"""Item 2 and 18: Django's admin has no sign-in of its own, opens only for a superuser whose
session passed the second factor, and every change made in it is in Laurel's audit log."""

import time

import pytest
from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY as AUTHENTICATION_METHODS_USER_SESSION_KEY,
)
from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator
from django.urls import reverse

from laurel.accounts.models import User
from laurel.core.models import AuditEntry
from tests.accounts.helpers import user_change_form
from tests.conftest import enrol_totp, make_user, sign_in
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator():
    user = UserFactory(email="operator@example.org", is_superuser=True)
    enrol_totp(user)
    return user


def test_the_admin_sign_in_sends_people_to_the_sign_in_with_a_second_factor(client):
    response = client.get("/admin/login/?next=/admin/accounts/user/")

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next=/admin/accounts/user/"


def test_a_password_alone_does_not_open_the_admin(client, operator):
    posted = client.post(
        "/admin/login/?next=/admin/", {"username": operator.email, "password": PASSWORD}
    )
    admin = client.get("/admin/")

    assert posted.status_code == 302
    assert "_auth_user_id" not in client.session
    assert admin.status_code == 302
    assert admin.url == "/admin/login/?next=/admin/"


def test_a_superuser_session_without_the_second_factor_is_kept_out_of_the_admin(client, operator):
    client.force_login(operator)
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [{"method": "password", "at": time.time()}]
    session[AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(operator.pk)
    session.save()

    response = client.get("/admin/accounts/user/")

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_staff_who_are_not_superusers_find_no_admin(client):
    sign_in(client, make_user("staff"))

    first = client.get("/admin/")
    login = client.get(first.url)

    assert first.status_code == 302
    assert login.status_code == 404


def test_a_superuser_who_passed_the_second_factor_uses_the_admin(client, operator):
    sign_in(client, operator)

    assert client.get("/admin/accounts/user/").status_code == 200


def test_the_admin_cannot_make_a_superuser(client, operator):
    colleague = make_user("plain")
    sign_in(client, operator)

    response = client.post(
        f"/admin/accounts/user/{colleague.pk}/change/",
        user_change_form(colleague, is_superuser="on"),
    )

    colleague.refresh_from_db()
    assert response.status_code == 302
    assert colleague.is_superuser is False


def test_admin_changes_are_in_the_audit_log(client, operator):
    colleague = make_user("plain")
    sign_in(client, operator)

    changed = client.post(
        f"/admin/accounts/user/{colleague.pk}/change/",
        user_change_form(colleague, full_name="Renamed", is_active=""),  # deactivated
    )
    deleted = client.post(
        "/admin/accounts/user/",
        {"action": "delete_selected", "_selected_action": [colleague.pk], "post": "yes"},
    )

    assert changed.status_code == 302
    assert deleted.status_code == 302
    assert User.objects.filter(pk=colleague.pk).exists() is False
    entries = list(AuditEntry.objects.order_by("pk").values_list("key", "actor_id", "data"))
    assert [(key, actor) for key, actor, _data in entries] == [
        ("admin.changed", operator.pk),
        ("admin.deleted", operator.pk),
        ("admin.action_run", operator.pk),
    ]
    assert entries[0][2]["model"] == "accounts.user"
    assert entries[0][2]["object_id"] == str(colleague.pk)
    assert "Active" in entries[0][2]["change"]
    assert entries[2][2]["action"] == "delete_selected"
    assert entries[2][2]["object_ids"] == [str(colleague.pk)]


def test_the_admin_shows_no_second_factor_secret(client, operator):
    sign_in(client, operator)
    totp = Authenticator.objects.get(user=operator, type="totp")

    page = client.get(f"/admin/mfa/authenticator/{totp.pk}/change/").content.decode()

    assert page.count(totp.data["secret"]) == 0
    assert "secret" not in page
