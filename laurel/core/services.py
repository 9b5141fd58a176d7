from typing import Any

from django.db import models

from laurel.core.models import AuditEntry

SYSTEM = "system"


def record(
    key: str,
    *,
    actor: Any = None,
    subject: models.Model | None = None,
    summary: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write one audit entry. `key` is dotted and past tense: `cycle.updated`."""
    if key.count(".") < 1 or key != key.lower():
        raise ValueError(f"audit key {key!r} must be dotted and lower case")
    is_person = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEntry.objects.create(
        key=key,
        actor=actor if is_person else None,
        actor_label=actor.email if is_person else SYSTEM,
        subject_type=subject._meta.label_lower if subject is not None else "",
        subject_id=str(subject.pk) if subject is not None else "",
        summary=summary[:300],
        data=data or {},
    )
