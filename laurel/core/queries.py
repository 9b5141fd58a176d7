from django.db import models
from django.db.models import Q, QuerySet

from laurel.core.models import AuditEntry


def audit_entries(*, key_prefix: str = "", actor: str = "", subject_type: str = "") -> QuerySet:
    entries = AuditEntry.objects.select_related("actor").order_by("-at", "-id")
    if key_prefix:
        entries = entries.filter(key__startswith=key_prefix)
    if actor:
        entries = entries.filter(actor_label__icontains=actor)
    if subject_type:
        entries = entries.filter(subject_type=subject_type)
    return entries


def audit_subject_types() -> list[str]:
    return list(
        AuditEntry.objects.exclude(subject_type="")
        .order_by("subject_type")
        .values_list("subject_type", flat=True)
        .distinct()
    )


def history_of(subject: models.Model, *related: models.Model) -> QuerySet[AuditEntry]:
    """Every audit entry about one object (and about the related objects given, such as a
    candidate's nominations), newest first."""
    about = Q(subject_type=subject._meta.label_lower, subject_id=str(subject.pk))
    by_type: dict[str, list[str]] = {}
    for other in related:
        by_type.setdefault(other._meta.label_lower, []).append(str(other.pk))
    for label, ids in by_type.items():
        about |= Q(subject_type=label, subject_id__in=ids)
    return AuditEntry.objects.filter(about).select_related("actor").order_by("-at", "-id")


def failed_tasks() -> QuerySet:
    """Background tasks that ended in an error, newest first (their arguments are ids only)."""
    from django_tasks_db.models import DBTaskResult

    return (
        DBTaskResult.objects.failed()
        .order_by("-finished_at")
        .only("id", "task_path", "queue_name", "enqueued_at", "finished_at", "exception_class_path")
    )
