# The members' and their ties' countries were typed as codes; they are now chosen from
# django-countries' list. The column stays two characters: every stored code is kept, in capitals
# as the list has them.

import django_countries.fields
from django.db import migrations
from django.db.models.functions import Upper


def capitalise_codes(apps, schema_editor):
    for name in ("CommitteeProfile", "Affiliation"):
        apps.get_model("review", name).objects.exclude(country="").update(country=Upper("country"))


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0004_conflict_by_staff"),
    ]

    operations = [
        migrations.AlterField(
            model_name="affiliation",
            name="country",
            field=django_countries.fields.CountryField(
                blank=True, max_length=2, verbose_name="country"
            ),
        ),
        migrations.AlterField(
            model_name="committeeprofile",
            name="country",
            field=django_countries.fields.CountryField(
                blank=True, max_length=2, verbose_name="country"
            ),
        ),
        migrations.RunPython(capitalise_codes, migrations.RunPython.noop),
    ]
