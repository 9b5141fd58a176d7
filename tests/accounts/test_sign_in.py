from datetime import timedelta

import pytest
from allauth.mfa.totp.forms import ActivateTOTPForm
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from laurel.accounts.sessions import stored_key
from tests.conftest import enrol_totp, make_user
from tests.factories import PASSWORD
from tests.scenarios import totp_code

pytestmark = pytest.mark.django_db
LOGIN = "/en/accounts/login/"


def sign_in(client, email: str, password: str = PASSWORD):
    return client.post(LOGIN, {"login": email, "password": password})


def test_staff_without_a_second_factor_reaches_only_enrolment(client):
    user = make_user("staff_without_2fa")
    sign_in(client, user.email)

    dashboard = client.get(reverse("staff:dashboard"))
    users = client.get(reverse("accounts:users"))
    confirm = client.get(reverse("mfa_activate_totp"))
    client.post(confirm.url, {"password": PASSWORD})
    enrolment = client.get(reverse("mfa_activate_totp"))

    assert dashboard.status_code == 302
    assert dashboard.url == reverse("mfa_activate_totp")
    assert users.url == reverse("mfa_activate_totp")
    # allauth asks for the password again before a second factor is changed; we let it.
    assert confirm.url.startswith(reverse("account_reauthenticate"))
    assert enrolment.status_code == 200
    assert isinstance(enrolment.context["form"], ActivateTOTPForm)


def test_staff_sign_in_asks_for_the_second_factor_before_the_staff_area(client):
    user = make_user("staff_without_2fa")
    secret = enrol_totp(user)

    first = sign_in(client, user.email)
    between = client.get(reverse("staff:dashboard"))
    second = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    after = client.get(reverse("staff:dashboard"))

    assert first.url == reverse("mfa_authenticate")
    assert between.status_code == 302  # not signed in until the second factor is given
    assert second.status_code == 302
    assert after.status_code == 200


def test_a_wrong_second_factor_code_is_refused_with_a_message(client):
    user = make_user("staff_without_2fa")
    enrol_totp(user)
    sign_in(client, user.email)

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})

    assert response.status_code == 200
    assert response.context["form"].errors == {"code": ["Incorrect code."]}
    assert client.get(reverse("staff:dashboard")).status_code == 302


def test_a_laureate_contact_needs_no_second_factor(client):
    user = make_user("laureate")

    response = sign_in(client, user.email)

    assert response.status_code == 302
    assert response.url != reverse("mfa_authenticate")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_failed_sign_ins_are_rate_limited(client):
    user = make_user("plain")
    for _attempt in range(5):
        sign_in(client, user.email, "wrong password")

    response = sign_in(client, user.email, PASSWORD)

    assert response.context["form"].non_field_errors() == [
        "Too many wrong attempts. Wait a moment (at most 15 minutes) and try again."
    ]
    assert "_auth_user_id" not in client.session


def test_signing_out_ends_the_session_on_the_server(staff_client):
    key = staff_client.session.session_key
    staff_client.get(reverse("staff:dashboard"))
    assert Session.objects.filter(session_key=stored_key(key)).exists()

    staff_client.post(reverse("account_logout"))

    assert Session.objects.filter(session_key=stored_key(key)).exists() is False
    assert staff_client.get(reverse("staff:dashboard")).status_code == 302


def test_an_idle_session_expires(staff_client, settings):
    staff_client.get(reverse("staff:dashboard"))
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))

    response = staff_client.get(reverse("staff:dashboard"))

    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_public_sign_up_is_closed(client):
    response = client.get(reverse("account_signup"))

    assert "Sign Up Closed" in response.content.decode()


def test_the_sign_in_page_sends_no_one_to_sign_up(client):
    english = client.get(reverse("account_login")).content.decode()
    swedish = client.get(reverse("account_login").replace("/en/", "/sv/")).content.decode()

    assert "/accounts/signup/" not in english + swedish
    assert "Accounts are made by invitation" in english
    assert "Konton skapas genom inbjudan" in swedish
    assert "Har du redan ett konto" not in swedish  # allauth's Swedish, saying the opposite


@pytest.mark.parametrize(
    ("role", "start"),
    [("staff", "staff:dashboard"), ("committee", "review:home"), ("plain", "nominations:call")],
)
def test_each_role_starts_where_its_work_is(client, child10, role, start):
    user = make_user(role, cycle=child10)  # staff and committee with their second factor

    first = sign_in(client, user.email)
    if first.url == reverse("mfa_authenticate"):
        from allauth.mfa.models import Authenticator
        from allauth.mfa.utils import decrypt

        secret = decrypt(
            Authenticator.objects.get(user=user, type="totp").wrap().instance.data["secret"]
        )
        first = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})

    assert first.url == reverse(start)
