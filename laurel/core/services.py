from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, TypeGuard

from django.db import models, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
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


class ServiceError(Exception):
    """A service refused to do what it was asked; `message` says why, for the person who asked,
    and `field`, when there is one, names the form field it is about (core.forms.refuse).
    `left_to_middleware`: a view without a form lets this kind pass to a middleware that shows
    it on any page (PhaseRefused), unless it asks for it (core.forms.refusals, phase=True)."""

    left_to_middleware: ClassVar[bool] = False

    def __init__(self, message: Any = "", field: str | None = None):
        super().__init__(message)
        self.message = str(message)
        self.field = field


class TransitionRefused(ServiceError):
    """A state machine was asked for a move its map does not allow (from the object's present
    state to `to`). An app's subclass may say it in its own words (`text`, or `describe`), and
    may subclass its app's error too, so that the views that catch that error catch this."""

    text: Any = None

    def __init__(self, obj: models.Model, to: str = "", *, state_field: str = "state"):
        field = obj._meta.get_field(state_field)
        choices = dict(getattr(field, "flatchoices", ()))
        self.state, self.to = getattr(obj, state_field), to
        state_label, to_label = choices.get(self.state, self.state), choices.get(to, to)
        super().__init__(self.describe(obj, str(state_label), str(to_label)))

    def describe(self, obj: models.Model, state: str, to: str) -> str:
        text = self.text or _("This %(object)s is “%(state)s”: it cannot become “%(to)s”.")
        return str(text) % {"object": obj._meta.verbose_name, "state": state, "to": to}


def transition(
    obj: models.Model,
    to: str,
    allowed: Mapping[str, Iterable[str]],
    *,
    key: str | None,
    actor: Any,
    fields: Iterable[str] = (),
    summary: str = "",
    data: dict[str, Any] | None = None,
    subject: models.Model | None = None,
    state_field: str = "state",
    refused: type[TransitionRefused] = TransitionRefused,
) -> None:
    """The one way a state machine moves: check the move against its map (state → the states
    it may become), set the state, save it with the other changed `fields` (and the model's
    `updated_at`), and record the audit entry `key` about it (or about `subject`).

    `key` is None only where the row itself is the record of the move (an email's delivery:
    its attempts, sent_at and last_error) or where one entry tells of several moves (a batch of
    letters released, the paying account an approval replaces). An illegal move raises
    `refused`, which names both states, before anything is written."""
    if to not in allowed[getattr(obj, state_field)]:
        raise refused(obj, to, state_field=state_field)
    setattr(obj, state_field, to)
    stamp = ["updated_at"] if any(f.name == "updated_at" for f in obj._meta.fields) else []
    obj.save(update_fields=list(dict.fromkeys([state_field, *fields, *stamp])))
    if key is not None:
        record(key, actor=actor, subject=subject or obj, summary=summary, data=data)


def bulk_transition(
    objects: models.QuerySet, to: str, allowed: Mapping[str, Iterable[str]], **values: Any
) -> int:
    """Move many at once, in one UPDATE: those of `objects` whose state the map lets become
    `to` (the others are left as they are), with the other `values` (and `updated_at`). How
    many moved. The caller writes the one audit entry that tells of them all."""
    sources = [state for state, targets in allowed.items() if to in targets]
    if any(f.name == "updated_at" for f in objects.model._meta.fields):
        values.setdefault("updated_at", timezone.now())
    return objects.filter(state__in=sources).update(state=to, **values)


def enqueue(task_path: str, *args: Any, run_after: datetime | None = None) -> None:
    """Queue the task at `task_path` (`laurel.<app>.tasks.<name>`), at once or after
    `run_after`. django-tasks-db writes its row in the caller's transaction: a worker sees it
    only once that commits, and never if it rolls back.

    Services sit below tasks (a task is a thin caller of a service), so they name the task they
    schedule rather than import it: the one seam between the two layers."""
    task = import_string(task_path)
    (task.using(run_after=run_after) if run_after is not None else task).enqueue(*args)


class NotFailed(ServiceError):
    """Only a failed task can be tried again."""


@transaction.atomic
def retry_task(result: DBTaskResult, *, actor: User) -> None:
    """Put a failed task back in the queue as it was, to run as soon as a worker is free."""
    result = DBTaskResult.objects.select_for_update().get(pk=result.pk)
    if result.status != TaskResultStatus.FAILED:
        raise NotFailed(_("This task has not failed; there is nothing to try again."))
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
