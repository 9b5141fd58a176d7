"""Item 19: failed sign-ins slow the guesser down (doubling waits, up to 15 minutes), never lock
out a whole office behind one address, and never lock a named account's owner out for good."""

import time
from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import hotp_value
from django.db.models import F
from django.urls import reverse

from laurel.core.models import RateCounter
from tests.conftest import enrol_totp, make_user
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
TOO_MANY = ["Too many failed login attempts. Try again later."]
OFFICE = "192.0.2.10"
HOME = "198.51.100.7"


def attempt(client, email: str, password: str, address: str = OFFICE):
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=address
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def let_time_pass(minutes: int) -> None:
    """As if every failure counted so far happened `minutes` earlier."""
    RateCounter.objects.filter(key__startswith="backoff:").update(
        expires_at=F("expires_at") - timedelta(minutes=minutes)
    )


def test_twenty_five_wrong_passwords_in_a_row_are_slowed_down(client):
    owner = UserFactory(email="owner@example.org")

    refused = [
        attempt(client, owner.email, f"guess {n}").context["form"].non_field_errors()
        for n in range(25)
    ]
    right_password = attempt(client, owner.email, PASSWORD)

    assert all(errors != TOO_MANY for errors in refused[:5])
    assert refused[5:] == [TOO_MANY] * 20
    assert right_password.context["form"].non_field_errors() == TOO_MANY
    assert signed_in(client) is False


def test_a_colleague_behind_the_same_address_still_signs_in(client):
    target = UserFactory(email="target@example.org")
    colleague = UserFactory(email="colleague@example.org")
    for n in range(25):
        attempt(client, target.email, f"guess {n}")

    response = attempt(client, colleague.email, PASSWORD)

    assert response.status_code == 302
    assert signed_in(client) is True


def test_someone_hammering_an_account_does_not_lock_its_owner_out_elsewhere(client):
    owner = UserFactory(email="owner@example.org")
    for n in range(25):
        attempt(client, owner.email, f"guess {n}", address=OFFICE)

    response = attempt(client, owner.email, PASSWORD, address=HOME)

    assert response.status_code == 302
    assert signed_in(client) is True


def test_the_wait_is_bounded_the_owner_gets_in_after_it(client):
    owner = UserFactory(email="owner@example.org")
    for n in range(25):
        let_time_pass(20)  # the guesser waits out each back-off: many failures are counted
        attempt(client, owner.email, f"guess {n}")

    refused = attempt(client, owner.email, PASSWORD)
    let_time_pass(16)  # the longest wait is 15 minutes
    accepted = attempt(client, owner.email, PASSWORD)

    assert refused.context["form"].non_field_errors() == TOO_MANY
    assert accepted.status_code == 302
    assert signed_in(client) is True


def test_guessing_from_many_addresses_does_not_stop_the_owner_at_a_known_browser(client):
    owner = UserFactory(email="owner@example.org")
    attempt(client, owner.email, PASSWORD)  # the owner's browser, known from a sign-in
    client.post(reverse("account_logout"))
    others = client.__class__()
    for n in range(40):
        attempt(others, owner.email, f"guess {n}", address=f"203.0.113.{n}")

    stranger = attempt(others, owner.email, PASSWORD, address="203.0.113.200")
    owner_again = attempt(client, owner.email, PASSWORD, address=HOME)

    assert stranger.context["form"].non_field_errors() == TOO_MANY
    assert owner_again.status_code == 302
    assert signed_in(client) is True


def test_wrong_second_factor_codes_are_slowed_down_with_a_bounded_wait(client):
    user = make_user("staff_without_2fa")
    secret = enrol_totp(user)
    attempt(client, user.email, PASSWORD)

    for _n in range(25):
        client.post(reverse("mfa_authenticate"), {"code": "000000"}, REMOTE_ADDR=OFFICE)
    code = f"{hotp_value(secret, int(time.time()) // 30):06d}"
    refused = client.post(reverse("mfa_authenticate"), {"code": code}, REMOTE_ADDR=OFFICE)
    let_time_pass(16)
    accepted = client.post(reverse("mfa_authenticate"), {"code": code}, REMOTE_ADDR=OFFICE)

    assert refused.context["form"].errors == {"code": TOO_MANY}
    assert accepted.status_code == 302
    assert client.get(reverse("staff:dashboard"), REMOTE_ADDR=OFFICE).status_code == 200
