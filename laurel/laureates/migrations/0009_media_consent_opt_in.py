# Media consent becomes opt-in: a laureate's name is published only once it has ticked the box.
# Consents already given (media_consent_at set) stay exactly as they were. A laureate that never
# answered the consent form had "may be published" ticked by the old default without saying so:
# that default is not a consent, so it is unticked (it was not public anyway: named_in_public
# asks for a consent given).

from django.db import migrations, models


def untick_defaults(apps, schema_editor):
    Laureate = apps.get_model("laureates", "Laureate")
    Laureate.objects.filter(media_consent_at=None, publish_name=True).update(publish_name=False)


class Migration(migrations.Migration):
    dependencies = [
        ("laureates", "0008_encrypt_delegate_needs"),
    ]

    operations = [
        migrations.AlterField(
            model_name="laureate",
            name="at_risk",
            field=models.BooleanField(
                default=False,
                verbose_name=(
                    "We are at risk if named: publish nothing about our organisation or its people"
                ),
            ),
        ),
        migrations.AlterField(
            model_name="laureate",
            name="publish_name",
            field=models.BooleanField(
                default=False, verbose_name="Our organisation's name may be published"
            ),
        ),
        migrations.RunPython(untick_defaults, migrations.RunPython.noop),
    ]
