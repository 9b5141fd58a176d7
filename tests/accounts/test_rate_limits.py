"""Item 19: failed sign-ins slow the guesser down (doubling waits, up to 15 minutes), never lock
out a whole office behind one address, and never lock a named account's owner out for good.
The clock stands still in these tests (time_machine) and moves only when a test moves it."""

import re
import time
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from allauth.mfa.totp.internal.auth import hotp_value
from django.urls import reverse

from laurel.notifications.models import OutgoingEmail
from tests.conftest import enrol_totp, make_user
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
TOO_MANY = ["Too many wrong attempts. Wait a moment (at most 15 minutes) and try again."]
OFFICE = "192.0.2.10"
HOME = "198.51.100.7"


@pytest.fixture
def clock():
    with time_machine.travel(datetime.now(tz=UTC), tick=False) as traveller:
        yield traveller


def attempt(client, email: str, password: str, address: str = OFFICE):
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=address
    )


def refusal(response) -> list[str]:
    return list(response.context["form"].non_field_errors()) if response.context else []


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_twenty_five_wrong_passwords_in_a_row_are_refused_after_five(client, clock):
    owner = UserFactory(email="owner@example.org")

    answers = [refusal(attempt(client, owner.email, f"guess {n}")) for n in range(25)]
    right_password = attempt(client, owner.email, PASSWORD)

    assert [answer == TOO_MANY for answer in answers] == [False] * 5 + [True] * 20
    assert refusal(right_password) == TOO_MANY
    assert signed_in(client) is False


def test_each_further_failure_doubles_the_wait(client, clock):
    owner = UserFactory(email="owner@example.org")
    for n in range(5):
        attempt(client, owner.email, f"guess {n}")
    waits = []
    for n in range(5, 8):
        seconds = 0
        while refusal(attempt(client, owner.email, f"guess {n}")) == TOO_MANY:
            clock.shift(1)
            seconds += 1
        waits.append(seconds)

    assert waits == [2, 4, 8]


def test_a_colleague_behind_the_same_address_still_signs_in(client, clock):
    target = UserFactory(email="target@example.org")
    colleague = UserFactory(email="colleague@example.org")
    for n in range(25):
        attempt(client, target.email, f"guess {n}")

    response = attempt(client, colleague.email, PASSWORD)

    assert response.status_code == 302
    assert signed_in(client) is True


def test_someone_hammering_an_account_does_not_lock_its_owner_out_elsewhere(client, clock):
    owner = UserFactory(email="owner@example.org")
    for n in range(25):
        attempt(client, owner.email, f"guess {n}", address=OFFICE)

    response = attempt(client, owner.email, PASSWORD, address=HOME)

    assert response.status_code == 302
    assert signed_in(client) is True


def test_the_wait_is_bounded_the_owner_gets_in_after_it(client, clock):
    owner = UserFactory(email="owner@example.org")
    for n in range(25):
        clock.shift(timedelta(minutes=20))  # the guesser waits out each back-off
        attempt(client, owner.email, f"guess {n}")

    refused = attempt(client, owner.email, PASSWORD)
    clock.shift(timedelta(minutes=15, seconds=1))  # the longest wait is 15 minutes
    accepted = attempt(client, owner.email, PASSWORD)

    assert refusal(refused) == TOO_MANY
    assert accepted.status_code == 302
    assert signed_in(client) is True


def test_guessing_from_many_addresses_does_not_stop_the_owner_at_a_known_browser(client, clock):
    owner = UserFactory(email="owner@example.org")
    attempt(client, owner.email, PASSWORD)  # the owner's browser, known from a sign-in
    client.post(reverse("account_logout"))
    others = client.__class__()
    for n in range(40):
        attempt(others, owner.email, f"guess {n}", address=f"203.0.113.{n}")

    stranger = attempt(others, owner.email, PASSWORD, address="203.0.113.200")
    owner_again = attempt(client, owner.email, PASSWORD, address=HOME)

    assert refusal(stranger) == TOO_MANY
    assert owner_again.status_code == 302
    assert signed_in(client) is True


def test_a_password_reset_lets_the_owner_in_at_once_from_a_new_browser(client, clock):
    owner = UserFactory(email="owner@example.org")
    others = client.__class__()
    for n in range(40):
        attempt(others, owner.email, f"guess {n}", address=f"203.0.113.{n}")
    refused = attempt(client, owner.email, PASSWORD, address=HOME)

    client.post(reverse("account_reset_password"), {"email": owner.email}, REMOTE_ADDR=HOME)
    body, _html = OutgoingEmail.objects.get(to=owner.email).with_links()
    link = re.search(r"https?://[^/\s]+(/\S+/password/reset/key/\S+)", body).group(1)
    form = client.get(link, REMOTE_ADDR=HOME)
    client.post(
        form.url,
        {"password1": "a new long passphrase", "password2": "a new long passphrase"},
        REMOTE_ADDR=HOME,
    )
    accepted = attempt(client, owner.email, "a new long passphrase", address=HOME)

    assert refusal(refused) == TOO_MANY
    assert accepted.status_code == 302
    assert signed_in(client) is True


def test_wrong_second_factor_codes_are_slowed_down_with_a_bounded_wait(client, clock):
    user = make_user("staff_without_2fa")
    secret = enrol_totp(user)
    attempt(client, user.email, PASSWORD)
    code = f"{hotp_value(secret, int(time.time()) // 30):06d}"

    for _n in range(25):
        client.post(reverse("mfa_authenticate"), {"code": "000000"}, REMOTE_ADDR=OFFICE)
    refused = client.post(reverse("mfa_authenticate"), {"code": code}, REMOTE_ADDR=OFFICE)
    clock.shift(timedelta(minutes=15, seconds=1))
    attempt(client, user.email, PASSWORD)  # the half-done sign-in has expired meanwhile
    code = f"{hotp_value(secret, int(time.time()) // 30):06d}"
    accepted = client.post(reverse("mfa_authenticate"), {"code": code}, REMOTE_ADDR=OFFICE)

    assert refused.context["form"].errors == {"code": TOO_MANY}
    assert accepted.status_code == 302
    assert client.get(reverse("staff:dashboard"), REMOTE_ADDR=OFFICE).status_code == 200


def test_an_ipv6_guesser_cannot_escape_by_changing_address_within_its_network(client, clock):
    owner = UserFactory(email="owner@example.org")

    answers = [
        refusal(attempt(client, owner.email, f"guess {n}", address=f"2001:db8:1:2::{n + 1:x}"))
        for n in range(10)
    ]

    assert [answer == TOO_MANY for answer in answers] == [False] * 5 + [True] * 5


def test_in_swedish_the_refusals_are_in_the_sites_own_words(client, clock):
    owner = UserFactory(email="owner@example.org")
    url = reverse("account_login").replace("/en/", "/sv/")

    answers = [
        refusal(client.post(url, {"login": owner.email, "password": f"guess {n}"}))
        for n in range(6)
    ]

    assert answers[0] == ["E-postadressen eller lösenordet stämmer inte."]
    assert answers[5] == [
        "För många felaktiga försök. Vänta en stund (högst 15 minuter) och försök igen."
    ]
