from datetime import timedelta

from django.db import migrations, models

# Tokens made before they expired get the longest validity from their making (tokens.MAX_DAYS);
# those older than that expire at once.
MAX_DAYS = 90


def set_expiry(apps, schema_editor):
    ApiToken = apps.get_model("api", "ApiToken")
    for token in ApiToken.objects.filter(expires_at__isnull=True).only("created_at"):
        token.expires_at = token.created_at + timedelta(days=MAX_DAYS)
        token.save(update_fields=["expires_at"])


class Migration(migrations.Migration):

    dependencies = [
        ("api", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True, verbose_name="expires"),
        ),
        migrations.RunPython(set_expiry, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(verbose_name="expires"),
        ),
    ]
