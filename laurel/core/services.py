from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeGuard

from django.db import models, transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from laurel.core.models import AuditEntry

if TYPE_CHECKING:
    # For the annotations only: accounts sits above core (the audit entry's actor is
    # settings.AUTH_USER_MODEL), so the user model is never imported here at run time.
    from django.contrib.auth.models import AnonymousUser

    from laurel.accounts.models import User

SYSTEM = "system"


def is_person(actor: User | AnonymousUser | None) -> TypeGuard[User]:
    """A signed-in person acts; otherwise the system (or an anonymous visitor) does."""
    return actor is not None and getattr(actor, "is_authenticated", False)


def record(
    key: str,
    *,
    actor: User | AnonymousUser | None = None,
    subject: models.Model | None = None,
    summary: str | None = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write one audit entry. `key` is dotted and past tense: `cycle.updated`."""
    if key.count(".") < 1 or key != key.lower():
        raise ValueError(f"audit key {key!r} must be dotted and lower case")
    return AuditEntry.objects.create(
        key=key,
        actor=actor if is_person(actor) else None,
        actor_label=actor.email if is_person(actor) else SYSTEM,
        subject_type=subject._meta.label_lower if subject is not None else "",
        subject_id=str(subject.pk) if subject is not None else "",
        summary=(summary or "")[:300],
        data=data or {},
    )


class NotFailed(Exception):
    """Only a failed task can be tried again."""


@transaction.atomic
def retry_task(result: DBTaskResult, *, actor: User) -> None:
    """Put a failed task back in the queue as it was, to run as soon as a worker is free."""
    result = DBTaskResult.objects.select_for_update().get(pk=result.pk)
    if result.status != TaskResultStatus.FAILED:
        raise NotFailed
    error = result.exception_class_path.rsplit(".", 1)[-1]
    result.status = TaskResultStatus.READY
    result.run_after = timezone.now()
    result.started_at = result.finished_at = None
    result.exception_class_path = result.traceback = ""
    fields = ["status", "run_after", "started_at", "finished_at", "exception_class_path"]
    result.save(update_fields=[*fields, "traceback"])
    record(
        "task.retried",
        actor=actor,
        summary=result.task_path.rsplit(".", 1)[-1],
        data={"task": str(result.pk), "error": error},
    )
