"""End every session stored before laurel.accounts.sessions: their rows hold the cookie's key
and their data (a password-reset key among it) in the clear. Everyone signs in again once."""

from django.db import migrations


def end_sessions(apps, schema_editor):
    apps.get_model("sessions", "Session").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_drop_foreign_email_addresses"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(end_sessions, migrations.RunPython.noop)]
