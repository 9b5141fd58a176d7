"""The summit's texts that laureates and consulates read, in each language (issue 17, item 10),
and the signatory's title apart from the name (item 5). A text stored before stands for both
languages until staff write the other."""

from django.db import migrations, models

LABELS = {
    "title": "title",
    "programme": "programme",
    "accommodation": "accommodation (for visa letters)",
    "costs": "what the organiser pays (for visa letters)",
}
TEXTS = list(LABELS)


def to_languages(apps, schema_editor):
    Summit = apps.get_model("laureates", "Summit")
    for summit in Summit.objects.all():
        for name in TEXTS:
            old = (getattr(summit, f"old_{name}") or "").strip()
            setattr(summit, name, {"sv": old, "en": old} if old else {})
        summit.save(update_fields=TEXTS)


def to_one_text(apps, schema_editor):
    Summit = apps.get_model("laureates", "Summit")
    for summit in Summit.objects.all():
        for name in TEXTS:
            value = getattr(summit, name) or {}
            setattr(summit, f"old_{name}", value.get("en") or value.get("sv") or "")
        summit.save(update_fields=[f"old_{name}" for name in TEXTS])


class Migration(migrations.Migration):
    dependencies = [("laureates", "0010_paying_account")]

    operations = [
        *[migrations.RenameField("summit", name, f"old_{name}") for name in TEXTS],
        migrations.AlterField(
            "summit", "old_title", models.CharField(max_length=200, blank=True, default="")
        ),
        *[
            migrations.AddField(
                "summit", name, models.JSONField(LABELS[name], default=dict, blank=True)
            )
            for name in TEXTS
        ],
        migrations.RunPython(to_languages, to_one_text),
        *[migrations.RemoveField("summit", f"old_{name}") for name in TEXTS],
        migrations.AddField(
            "summit",
            "signatory_title",
            models.CharField(blank=True, max_length=200, verbose_name="the signatory's title"),
        ),
        # A delegate the laureate withdraws reads "Withdrawn" (the stored value is unchanged).
        migrations.AlterField(
            "delegate",
            "state",
            models.CharField(
                choices=[
                    ("registered", "Registered"),
                    ("confirmed", "Confirmed"),
                    ("cancelled", "Withdrawn"),
                ],
                default="registered",
                max_length=10,
            ),
        ),
        migrations.AlterField(
            "summit",
            "signatory",
            models.CharField(max_length=200, verbose_name="who signs the visa letters"),
        ),
    ]
