"""The prize's bank details need a second factor, not only the password (issue #14, item 13):
a guessed or phished password must not be enough to send SEK 100,000 elsewhere."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from laurel.laureates import services
from laurel.laureates.models import BankAccount
from tests.conftest import enrol_totp
from tests.factories import PASSWORD, laureate_contact
from tests.laureates.prize_helpers import PROOF, details, laureate  # noqa: F401
from tests.scenarios import totp_code

pytestmark = pytest.mark.django_db

FORM = {
    "holder": "Trygga Nätet", "country": "SE", "iban": "SE45 5000 0000 0583 9825 7466",
    "bic": "ESSESESS", "bank_name": "SEB", "bank_address": "Stockholm",
}  # fmt: skip


@pytest.fixture
def contact(laureate):  # noqa: F811
    user = laureate_contact(laureate.cycle, "office@trygga.se")
    return user


def post_details(client):
    return client.post(
        reverse("laureates:bank"), FORM | {"proof": SimpleUploadedFile("s.pdf", PROOF)}
    )


def test_the_password_alone_does_not_open_the_bank_page(client, contact):
    client.force_login(contact)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    page = client.get(reverse("laureates:bank"))
    sent = post_details(client)

    assert page.status_code == 200
    assert "Set up an authenticator app</a>" in page.content.decode()
    assert "form" not in page.context  # no bank form without a second factor
    assert sent.status_code == 200
    assert BankAccount.objects.count() == 0


def test_with_an_authenticator_the_password_again_is_not_enough(client, contact):
    enrol_totp(contact)
    client.force_login(contact)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    sent = post_details(client)

    assert sent.status_code == 302
    assert sent.url.startswith(reverse("mfa_reauthenticate"))
    assert BankAccount.objects.count() == 0


def test_a_wrong_code_leaves_the_page_closed(client, contact):
    secret = enrol_totp(contact)
    client.force_login(contact)
    wrong = f"{(int(totp_code(secret)) + 1) % 1_000_000:06d}"

    client.post(reverse("mfa_reauthenticate"), {"code": wrong})
    page = client.get(reverse("laureates:bank"))

    assert page.status_code == 302
    assert page.url.startswith(reverse("mfa_reauthenticate"))


def test_a_code_from_the_app_opens_it(client, contact):
    secret = enrol_totp(contact)
    client.force_login(contact)

    client.post(reverse("mfa_reauthenticate"), {"code": totp_code(secret)})
    sent = post_details(client)

    assert sent.status_code == 302
    assert BankAccount.objects.get().submitted_by == contact


def test_the_service_refuses_a_person_without_a_second_factor(laureate, contact):  # noqa: F811
    with pytest.raises(services.PrizeError, match="Set up an authenticator app"):
        services.save_bank_details(
            laureate, details=details(), proof=PROOF, proof_kind="pdf", actor=contact
        )
    assert BankAccount.objects.count() == 0


def test_the_code_prompt_says_why_and_offers_no_password_instead(client, contact):
    enrol_totp(contact)
    client.force_login(contact)

    prompt, password_page = reverse("mfa_reauthenticate"), reverse("account_reauthenticate")

    asked = client.get(reverse("laureates:bank"), follow=True)
    page = asked.content.decode()
    swedish = client.get(prompt.replace("/en/", "/sv/")).content.decode()

    assert asked.request["PATH_INFO"] == prompt
    assert "your password alone is not enough here" in page
    assert password_page not in page  # the password would only lead back here
    assert "lösenordet räcker inte ensamt här" in swedish
