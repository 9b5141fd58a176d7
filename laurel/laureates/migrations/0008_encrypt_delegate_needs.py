# Delegates' dietary and accessibility needs (special-category data) and emergency contacts:
# encrypted at rest like the passport fields. The columns become text first (a ciphertext is
# longer than the 500 characters a varchar allowed), then the existing rows are encrypted, then
# the fields become the encrypted type (no change in the database).

from django.db import migrations, models

import laurel.laureates.models.summit
from laurel.core.crypto import decrypt, encrypt

FIELDS = ("dietary", "accessibility", "emergency_contact")


def _rewrite(apps, change) -> None:
    Delegate = apps.get_model("laureates", "Delegate")  # fields here are plain text
    for delegate in Delegate.objects.only(*FIELDS).iterator():
        for field in FIELDS:
            value = getattr(delegate, field)
            setattr(delegate, field, change(value) if value else value)
        delegate.save(update_fields=FIELDS)


def encrypt_rows(apps, schema_editor):
    _rewrite(apps, encrypt)


def decrypt_rows(apps, schema_editor):
    _rewrite(apps, decrypt)


def plain_text(name: str, max_length: int, blank: bool) -> migrations.AlterField:
    return migrations.AlterField(
        model_name="delegate",
        name=name,
        field=models.TextField(blank=blank, max_length=max_length, verbose_name=name),
    )


def encrypted(name: str, verbose_name: str, max_length: int, blank: bool):
    return migrations.AlterField(
        model_name="delegate",
        name=name,
        field=laurel.laureates.models.summit.EncryptedLineField(
            blank=blank, max_length=max_length, verbose_name=verbose_name
        ),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("laureates", "0007_contact_tied_by_invitation"),
    ]

    operations = [
        plain_text("dietary", 500, True),
        plain_text("accessibility", 500, True),
        plain_text("emergency_contact", 200, False),
        migrations.RunPython(encrypt_rows, decrypt_rows),
        encrypted("dietary", "dietary needs", 500, True),
        encrypted("accessibility", "accessibility needs", 500, True),
        encrypted("emergency_contact", "emergency contact (name, phone)", 200, False),
    ]
