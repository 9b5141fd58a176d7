"""Decisions locked before records were kept get theirs, once: built from what is stored now
(scores included, which may have moved since the lock: the record says it was rebuilt, and
when). This calls today's record builder on purpose, and only when such a decision exists: a
fresh database never runs it, and writing the whole report out here would be a second copy
of it to keep in step."""

from django.db import migrations
from django.utils import timezone


def freeze(apps, schema_editor):
    Decision = apps.get_model("selection", "Decision")
    ids = list(
        Decision.objects.exclude(state="draft").filter(record_hash="").values_list("pk", flat=True)
    )
    if not ids:
        return
    from laurel.selection.models import Decision as Live
    from laurel.selection.services.recording import build_record, content_hash

    for decision in Live.objects.filter(pk__in=ids).select_related("cycle", "locked_by"):
        # What each round decided is a column added after this migration (0007).
        record = build_record(decision.cycle, decision, round_topics=False)
        record["rebuilt_at"] = timezone.now().isoformat()
        Live.objects.filter(pk=decision.pk).update(record=record, record_hash=content_hash(record))


class Migration(migrations.Migration):
    dependencies = [("selection", "0004_decision_record_and_amendments")]

    operations = [migrations.RunPython(freeze, migrations.RunPython.noop)]
