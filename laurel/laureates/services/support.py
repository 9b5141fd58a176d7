"""The support programme: a baseline needs assessment, a plan of objectives and milestones
(red, amber, green), and coaching sessions."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.core.services import ServiceError, record
from laurel.cycles.phases import require_phase
from laurel.laureates.enums import Rag, SupportArea
from laurel.laureates.models import Assessment, Laureate, Milestone, Objective, Session


class SupportError(ServiceError):
    """A support-plan step refused; `field` names the form field it is about."""


@transaction.atomic
def assess_needs(
    laureate: Laureate, *, levels: dict[str, int], notes: dict[str, str], actor: User
) -> list[Assessment]:
    """The baseline: a level for every area (all or nothing)."""
    require_phase(laureate.cycle_id, "programme")
    if set(levels) != set(SupportArea.values):
        raise SupportError(_("Give a level for every area."))
    if any(not 1 <= level <= 5 for level in levels.values()):
        raise SupportError(_("Levels go from 1 to 5."))
    saved = [
        Assessment.objects.update_or_create(
            laureate=laureate,
            area=area,
            defaults={"level": levels[area], "note": notes.get(area, "").strip()[:1000]},
        )[0]
        for area in SupportArea.values
    ]
    record("support.assessed", actor=actor, subject=laureate, data=levels)
    return saved


@transaction.atomic
def add_objective(laureate: Laureate, *, area: str, title: str, actor: User) -> Objective:
    require_phase(laureate.cycle_id, "programme")
    if area not in SupportArea.values:
        raise SupportError(_("Choose an area."), "area")
    objective = Objective.objects.create(laureate=laureate, area=area, title=title.strip())
    record(
        "support.objective_added", actor=actor, subject=laureate, data={"objective": objective.pk}
    )
    return objective


@transaction.atomic
def add_milestone(objective: Objective, *, title: str, due_on: date, actor: User) -> Milestone:
    milestone = Milestone.objects.create(objective=objective, title=title.strip(), due_on=due_on)
    record(
        "support.milestone_added",
        actor=actor,
        subject=objective.laureate,
        data={"milestone": milestone.pk},
    )
    return milestone


@transaction.atomic
def set_milestone_status(milestone: Milestone, *, status: str, note: str, actor: User) -> Milestone:
    if status not in Rag.values:
        raise SupportError(_("Choose a status."), "status")
    milestone = (
        Milestone.objects.select_for_update().select_related("objective").get(pk=milestone.pk)
    )
    milestone.status, milestone.note = status, note.strip()[:500]
    milestone.save(update_fields=["status", "note", "updated_at"])
    record(
        "support.milestone_updated",
        actor=actor,
        subject=milestone.objective.laureate,
        data={"milestone": milestone.pk, "status": status},
    )
    return milestone


@transaction.atomic
def log_session(
    laureate: Laureate,
    *,
    held_on: date,
    topic: str,
    hours: Decimal,
    coach: str,
    notes: str,
    actor: User,
) -> Session:
    require_phase(laureate.cycle_id, "programme")
    if hours <= 0 or hours > 24:
        raise SupportError(_("Hours are more than 0 and at most 24."), "hours")
    session = Session.objects.create(
        laureate=laureate, held_on=held_on, topic=topic, hours=hours, coach=coach, notes=notes
    )
    record("support.session_logged", actor=actor, subject=laureate, data={"session": session.pk})
    return session
