"""Item 9: TOTP secrets and recovery-code seeds are encrypted at rest with the field keys, rows
stored in the clear before are encrypted by a migration, and sign-in with them still works."""

import importlib
import json
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import generate_totp_secret, hotp_value
from django.apps import apps
from django.db import connection
from django.urls import reverse

from laurel.core.crypto import decrypt
from tests.conftest import enrol_totp, make_user
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def encrypt_secrets() -> None:
    """What the accounts data migration does to the rows it finds."""
    name = "laurel.accounts.migrations.0002_encrypt_second_factor_secrets"
    importlib.import_module(name).encrypt_secrets(apps, None)


def raw_data(authenticator: Authenticator) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM mfa_authenticator WHERE id = %s", [authenticator.pk])
        value = cursor.fetchone()[0]
    return value if isinstance(value, str) else json.dumps(value)


def sign_in_with_totp(client, user, secret: str):
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    code = f"{hotp_value(secret, int(time.time()) // 30):06d}"
    return client.post(reverse("mfa_authenticate"), {"code": code})


def test_a_new_totp_secret_and_recovery_seed_are_stored_encrypted():
    user = make_user("staff_without_2fa")
    secret = enrol_totp(user)
    recovery = Authenticator.objects.get(user=user, type="recovery_codes")
    seed = RecoveryCodes(recovery).instance.data["seed"]

    totp_row = raw_data(Authenticator.objects.get(user=user, type="totp"))
    recovery_row = raw_data(recovery)

    assert secret not in totp_row
    assert len(RecoveryCodes(recovery).generate_codes()) == 10
    assert decrypt(seed) not in recovery_row


def test_secrets_stored_in_the_clear_are_encrypted_by_the_migration_and_still_work(client):
    user = make_user("staff_without_2fa")
    secret = generate_totp_secret()
    seed = "ab" * 40
    # As allauth stored them before the MFA adapter encrypted anything.
    totp = Authenticator.objects.create(user=user, type="totp", data={"secret": secret})
    recovery = Authenticator.objects.create(
        user=user, type="recovery_codes", data={"seed": seed, "used_mask": 0}
    )

    encrypt_secrets()
    encrypt_secrets()  # running twice does not encrypt twice
    response = sign_in_with_totp(client, user, secret)

    assert secret not in raw_data(totp)
    assert seed not in raw_data(recovery)
    assert response.status_code == 302
    assert client.get(reverse("staff:dashboard")).status_code == 200
