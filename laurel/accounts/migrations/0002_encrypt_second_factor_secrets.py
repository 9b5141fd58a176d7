"""Encrypt the second-factor secrets allauth stored in the clear (TOTP keys, recovery-code seeds
and any migrated recovery codes) with the field keys, as the MFA adapter now does for new ones."""

from django.db import migrations

from laurel.core import crypto


def _is_encrypted(value: str) -> bool:
    try:
        crypto.decrypt(value)
    except ValueError:
        return False
    return True


def _convert(data: dict, change) -> dict:
    data = dict(data)
    for field in ("secret", "seed"):
        if isinstance(data.get(field), str):
            data[field] = change(data[field])
    if isinstance(data.get("migrated_codes"), list):
        data["migrated_codes"] = [change(code) for code in data["migrated_codes"]]
    return data


def encrypt_secrets(apps, schema_editor):
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.filter(type__in=["totp", "recovery_codes"]):
        authenticator.data = _convert(
            authenticator.data,
            lambda value: value if _is_encrypted(value) else crypto.encrypt(value),
        )
        authenticator.save(update_fields=["data"])


def decrypt_secrets(apps, schema_editor):
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.filter(type__in=["totp", "recovery_codes"]):
        authenticator.data = _convert(
            authenticator.data,
            lambda value: crypto.decrypt(value) if _is_encrypted(value) else value,
        )
        authenticator.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt_secrets, decrypt_secrets)]
