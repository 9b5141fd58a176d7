"""Whether the organisation knows of its nomination was a field of every form; it is now a
question the award file asks (Child10 2022's `organisation_aware`). Each answer given moves to
`question_answers` under that key, in the nomination, its versions and a change not yet
confirmed, before the column goes: nothing a nominator answered is lost, and the award file's
question shows it again."""

from django.db import migrations

KEY = "organisation_aware"


def _moved(data: dict | None) -> dict | None:
    """A copy of a nomination's fields (a version, a pending change) with the answer moved."""
    if not isinstance(data, dict) or KEY not in data:
        return data
    data = dict(data)
    answer = data.pop(KEY)
    if answer:
        data["question_answers"] = {KEY: answer, **(data.get("question_answers") or {})}
    return data


def forwards(apps, schema_editor):
    Nomination = apps.get_model("nominations", "Nomination")
    Version = apps.get_model("nominations", "NominationVersion")
    for nomination in Nomination.objects.exclude(organisation_aware="").iterator():
        answers = {KEY: nomination.organisation_aware, **(nomination.question_answers or {})}
        Nomination.objects.filter(pk=nomination.pk).update(question_answers=answers)
    for nomination in Nomination.objects.filter(pending_edit__isnull=False).iterator():
        pending = dict(nomination.pending_edit)
        if "data" in pending:
            pending["data"] = _moved(pending["data"])
            Nomination.objects.filter(pk=nomination.pk).update(pending_edit=pending)
    for version in Version.objects.iterator():
        moved = _moved(version.data)
        if moved is not version.data:
            Version.objects.filter(pk=version.pk).update(data=moved)
    if schema_editor.connection.vendor == "postgresql":
        # The rows just updated leave deferred checks pending, and PostgreSQL alters no table
        # that has some ("pending trigger events"): they run now, before the column goes.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def backwards(apps, schema_editor):
    Nomination = apps.get_model("nominations", "Nomination")
    for nomination in Nomination.objects.iterator():
        answer = (nomination.question_answers or {}).get(KEY, "")
        if answer:
            Nomination.objects.filter(pk=nomination.pk).update(organisation_aware=answer[:8])


class Migration(migrations.Migration):
    dependencies = [
        ("nominations", "0009_attachment_question"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(
            model_name="nomination",
            name="organisation_aware",
        ),
    ]
