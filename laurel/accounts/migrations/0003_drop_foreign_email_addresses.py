"""Remove allauth address rows that are not their account's own sign-in address.

Before the address pages were closed (issue 14), anyone signed in could attach any address to
their account. Such a row gives no right any more (rights follow user ids), but allauth's
password reset looks accounts up by these rows: a stray row must not let a reset for one
address reach another account."""

from django.db import migrations
from django.db.models import F
from django.db.models.functions import Lower


def drop_foreign_addresses(apps, schema_editor):
    EmailAddress = apps.get_model("account", "EmailAddress")
    EmailAddress.objects.annotate(own=Lower(F("user__email"))).exclude(
        email__iexact=F("own")
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_encrypt_second_factor_secrets"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(drop_foreign_addresses, migrations.RunPython.noop)]
