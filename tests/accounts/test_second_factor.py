"""Item 2: a session reaches the staff area only if it passed the second factor, and the
superuser flag skips none of Laurel's rules."""

import time

import pytest
from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY as AUTHENTICATION_METHODS_USER_SESSION_KEY,
)
from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from django.core.management import call_command
from django.urls import reverse

from laurel.accounts.models import User
from laurel.core.models import AuditEntry
from tests.conftest import enrol_totp, make_user, sign_in
from tests.factories import PASSWORD, UserFactory
from tests.scenarios import totp_code

pytestmark = pytest.mark.django_db


def password_only_session(client, user) -> None:
    """A session that knows the password but never passed the second factor."""
    client.force_login(user)
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": time.time(), "email": user.email}
    ]
    session[AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session.save()


def test_a_session_without_the_second_factor_is_signed_out(client):
    staff = make_user("staff")  # has an authenticator app
    password_only_session(client, staff)

    response = client.get(reverse("staff:dashboard"))

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={reverse('staff:dashboard')}"
    assert "_auth_user_id" not in client.session


def test_a_session_that_passed_the_second_factor_reaches_the_staff_area(client):
    sign_in(client, make_user("staff"))

    assert client.get(reverse("staff:dashboard")).status_code == 200


def test_enrolling_an_authenticator_counts_as_passing_the_second_factor(client):
    user = make_user("staff_without_2fa")
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    confirm = client.get(reverse("mfa_activate_totp"))
    client.post(confirm.url, {"password": PASSWORD})  # allauth asks for the password again
    form = client.get(reverse("mfa_activate_totp")).context["form"]

    activated = client.post(reverse("mfa_activate_totp"), {"code": totp_code(form.secret)})
    after = client.get(reverse("staff:dashboard"))

    assert activated.status_code == 302
    assert after.status_code == 200


def test_a_strangers_password_reset_request_does_not_stop_enrolment(client):
    """A helper's attack: asking for a password reset for someone's address made allauth record
    that address as unverified, and allauth then refused every authenticator app to an account
    with an unverified address. Laurel verifies no address by email (accounts come from
    invitations), so that rule would only lock people out: the new staff member enrols as ever."""
    user = make_user("staff_without_2fa")
    client.post(reverse("account_reset_password"), {"email": user.email})  # the stranger

    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    confirm = client.get(reverse("mfa_activate_totp"))
    client.post(confirm.url, {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))

    assert page.status_code == 200
    activated = client.post(
        reverse("mfa_activate_totp"), {"code": totp_code(page.context["form"].secret)}
    )
    assert activated.status_code == 302
    assert client.get(reverse("staff:dashboard")).status_code == 200


def test_a_superuser_without_the_finance_role_cannot_see_payments(client, child10):
    boss = UserFactory(email="boss@example.org", is_superuser=True)
    enrol_totp(boss)
    sign_in(client, boss)

    assert client.get(reverse("laureates:payments")).status_code == 404
    assert boss.has_perm("laureates.handle_payments") is False


def test_createsuperuser_makes_a_superuser_deliberately_and_audited(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)

    call_command("createsuperuser", "--noinput", email="operator@example.org", verbosity=0)

    operator = User.objects.get(email="operator@example.org")
    assert operator.is_superuser is True
    assert list(AuditEntry.objects.values_list("key", "subject_id")) == [
        ("user.superuser_created", str(operator.pk))
    ]


def test_a_session_without_the_second_factor_cannot_read_the_recovery_codes(client):
    staff = make_user("staff")
    password_only_session(client, staff)

    response = client.get(reverse("mfa_view_recovery_codes"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
