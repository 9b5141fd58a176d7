import zoneinfo
from datetime import datetime, time, timedelta, tzinfo
from itertools import pairwise
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.core.services import ServiceError, record, transition
from laurel.cycles.definition import AwardDefinition, DefinitionError, parse_questions
from laurel.cycles.enums import DATE_FIELDS, Phase
from laurel.cycles.models import Benefit, Criterion, Cycle, Question
from laurel.cycles.phases import (
    PHASE_TRANSITIONS,
    PhaseRefused,
    count_is_open,
    count_refusal,
    may_move,
    refusal,
    still_open,
)
from laurel.cycles.signals import phase_moved

DEMO_WINDOW = timedelta(weeks=8)


def opened_from_today(
    dates: dict[str, datetime], zone: tzinfo, *, now: datetime
) -> dict[str, datetime]:
    """The same schedule moved so that nominations open today and close in eight weeks.

    Only for a window already past: a newcomer's `make run` can be used at once. Later phases
    keep their distance from the deadline.
    """
    if dates["nominations_close_at"] >= now:
        return dates
    today = now.astimezone(zone).date()
    opens = datetime.combine(today, time(0, 0), tzinfo=zone)
    closes = datetime.combine(today + DEMO_WINDOW, time(23, 59, 59), tzinfo=zone)
    shift = closes - dates["nominations_close_at"]
    moved = {name: value + shift for name, value in dates.items()}
    moved["nominations_open_at"] = opens
    moved["nominations_close_at"] = closes
    return moved


@transaction.atomic
def load_award(
    definition: AwardDefinition,
    *,
    actor: User | None = None,
    create_only: bool = False,
    open_now: bool = False,
) -> tuple[Cycle, str]:
    """Create or update the cycle a definition describes. Returns it and "created", "updated",
    "unchanged" or "kept" (it existed and `create_only` was asked)."""
    existing = Cycle.objects.select_for_update().filter(slug=definition.slug).first()
    if existing is not None and create_only:
        return existing, "kept"
    dates = definition.dates
    if open_now:
        dates = opened_from_today(
            dates, existing.zone if existing else _zone(definition), now=timezone.now()
        )
    values = {
        "reference_prefix": definition.reference_prefix,
        "time_zone": definition.time_zone,
        "laureate_count": definition.laureate_count,
        "prize_amount": definition.prize_amount,
        "prize_currency": definition.prize_currency,
        "prize_funder": definition.prize_funder,
        "eligible_countries": definition.eligible_countries,
        "region": definition.region,
        "score_min": definition.score_min,
        "score_max": definition.score_max,
        "score_labels": definition.score_labels,
        **definition.texts,
        **definition.identity,
        **definition.languages,
        **dates,
    }
    cycle = existing or Cycle(slug=definition.slug)
    changed = [name for name, value in values.items() if getattr(cycle, name, None) != value]
    for name, value in values.items():
        setattr(cycle, name, value)
    if existing is None:
        # A new cycle starts in the phase its dates plan for now; from then on staff move it.
        cycle.phase = cycle.planned_phase
        cycle.phase_changed_at = timezone.now()
        cycle.save()
    elif changed:
        cycle.save(update_fields=[*changed, "updated_at"])
    changed += _sync_criteria(cycle, definition)
    changed += _sync_benefits(cycle, definition)
    changed += _sync_questions(cycle, definition)
    if existing is not None and changed:
        _touch(cycle)
    outcome = "created" if existing is None else ("updated" if changed else "unchanged")
    if outcome != "unchanged":
        record(
            f"cycle.{outcome}",
            actor=actor,
            subject=cycle,
            summary=cycle.slug,
            data={"fields": sorted(set(changed))} if existing else {},
        )
    return cycle, outcome


def _zone(definition: AwardDefinition) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(definition.time_zone)


def _sync_rows(
    model: type[Any], cycle: Cycle, current: dict[Any, Any], wanted: dict[Any, dict[str, Any]]
) -> tuple[list[Any], list[Any]]:
    """The cycle's rows of `model` as the file wants them, by key (a criterion's number, a
    question's key): each made or changed in the fields that differ. Returns the keys changed
    and the rows the file no longer has (`current` as left), for the caller to remove."""
    changed = []
    for key, values in wanted.items():
        row = current.pop(key, None)
        if row is None:
            model.objects.create(cycle=cycle, **values)
            changed.append(key)
            continue
        fields = [name for name, value in values.items() if getattr(row, name) != value]
        if fields:
            for name in fields:
                setattr(row, name, values[name])
            row.save(update_fields=fields)
            changed.append(key)
    return changed, list(current.values())


def _sync_criteria(cycle: Cycle, definition: AwardDefinition) -> list[str]:
    wanted = {
        number: {
            "number": number,
            "title": item.title,
            "text": item.text,
            "weight": item.weight,
            "guidance": item.guidance,
            "max_characters": item.max_characters,
        }
        for number, item in enumerate(definition.criteria, start=1)
    }
    current = {criterion.number: criterion for criterion in cycle.criteria.all()}
    changed, gone = _sync_rows(Criterion, cycle, current, wanted)
    for criterion in gone:
        criterion.delete()
    return [f"criteria[{number}]" for number in [*changed, *(c.number for c in gone)]]


def _sync_questions(cycle: Cycle, definition: AwardDefinition) -> list[str]:
    return _sync_question_rows(cycle, definition.questions)


def _sync_question_rows(cycle: Cycle, questions: list[dict[str, Any]]) -> list[str]:
    """The award's questions as the file (or the staff area's editor) has them, by key. A
    question no longer there goes, unless a nomination has answered it: then it must stay,
    `retired`."""
    wanted = {
        values["key"]: {**values, "position": position}
        for position, values in enumerate(questions, start=1)
    }
    current = {question.key: question for question in cycle.questions.all()}
    changed, gone = _sync_rows(Question, cycle, current, wanted)
    answered = [
        question.key
        for question in gone
        # Through the relation: nominations sit above cycles, which never import them.
        if cycle.nominations.filter(question_answers__has_key=question.key).exists()
    ]
    if answered:
        raise DefinitionError(
            [
                (
                    "questions",
                    _(
                        "%(key)s has answers: keep it in the file with retired = true "
                        "instead of removing it"
                    )
                    % {"key": key},
                )
                for key in answered
            ]
        )
    for question in gone:
        question.delete()
    return [f"questions.{key}" for key in [*changed, *(q.key for q in gone)]]


def questions_editable(cycle: Cycle) -> bool:
    """Staff change the award's questions in the staff area only before the call opens: after
    that, nominators have read them (and the award file still changes them, retiring)."""
    return cycle.current_phase == Phase.DRAFT and cycle.nominations_open_at > timezone.now()


@transaction.atomic
def save_questions(cycle: Cycle, questions: list[dict[str, Any]], *, actor: User) -> list[str]:
    """Staff's edit of the award's questions, written as the award file writes them: checked
    as the file's are (DefinitionError naming each problem by its key), then made the cycle's.
    Refused once the call is open. Returns the keys changed."""
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    if not questions_editable(cycle):
        raise ServiceError(
            _(
                "The questions change here only before the call opens. Nominators have read "
                "them since: change them in the award file, retiring rather than removing."
            )
        )
    changed = _sync_question_rows(cycle, parse_questions(questions, working=cycle.working))
    if changed:
        _touch(cycle)
        record(
            "cycle.questions_edited",
            actor=actor,
            subject=cycle,
            summary=cycle.slug,
            data={"fields": changed},
        )
    return changed


def _sync_benefits(cycle: Cycle, definition: AwardDefinition) -> list[str]:
    wanted = {
        number: {"number": number, "text": text}
        for number, text in enumerate(definition.benefits, start=1)
    }
    current = {benefit.number: benefit for benefit in cycle.benefits.all()}
    changed, gone = _sync_rows(Benefit, cycle, current, wanted)
    for benefit in gone:
        benefit.delete()
    return [f"benefits[{number}]" for number in [*changed, *(b.number for b in gone)]]


def _touch(cycle: Cycle) -> None:
    """A cycle changes when its criteria or benefits do (cached pages key on updated_at)."""
    cycle.updated_at = timezone.now()
    Cycle.objects.filter(pk=cycle.pk).update(updated_at=cycle.updated_at)


def _apply(obj: Any, changes: dict[str, Any]) -> list[str]:
    fields = [name for name, value in changes.items() if getattr(obj, name) != value]
    for name in fields:
        setattr(obj, name, changes[name])
    return fields


@transaction.atomic
def update_cycle(cycle: Cycle, *, actor: User, changes: dict[str, Any]) -> list[str]:
    """Staff edit a cycle's texts, dates and numbers. Returns the names of the changed fields.
    The number of laureates is refused (PhaseRefused) once the decision is locked."""
    count = changes.get("laureate_count", cycle.laureate_count)
    if count != cycle.laureate_count and not count_is_open(cycle.phase):
        raise PhaseRefused(count_refusal())
    if any(name in changes for name in DATE_FIELDS):
        dates = [changes.get(name, getattr(cycle, name)) for name in DATE_FIELDS]
        if any(later <= earlier for earlier, later in pairwise(dates)):
            raise ValueError("phase dates must follow each other")
    fields = _apply(cycle, changes)
    if fields:
        cycle.save(update_fields=[*fields, "updated_at"])
        record(
            "cycle.updated",
            actor=actor,
            subject=cycle,
            summary=cycle.slug,
            data={"fields": sorted(fields)},
        )
    return fields


@transaction.atomic
def update_criterion(criterion: Criterion, *, actor: User, changes: dict[str, Any]) -> list[str]:
    fields = _apply(criterion, changes)
    if fields:
        criterion.save(update_fields=fields)
        _touch(criterion.cycle)
        record(
            "criterion.updated",
            actor=actor,
            subject=criterion,
            summary=f"{criterion.cycle.slug} #{criterion.number}",
            data={"fields": sorted(fields)},
        )
    return fields


@transaction.atomic
def update_benefit(benefit: Benefit, *, actor: User, changes: dict[str, Any]) -> list[str]:
    fields = _apply(benefit, changes)
    if fields:
        benefit.save(update_fields=fields)
        _touch(benefit.cycle)
        record(
            "benefit.updated",
            actor=actor,
            subject=benefit,
            summary=f"{benefit.cycle.slug} #{benefit.number}",
            data={"fields": sorted(fields)},
        )
    return fields


def _enter(cycle: Cycle, to: Phase, *, actor: User, data: dict[str, Any]) -> Cycle:
    before = cycle.phase
    cycle.phase_changed_at = timezone.now()
    transition(
        cycle,
        to,
        PHASE_TRANSITIONS,
        key="cycle.phase_changed",
        actor=actor,
        fields=["phase_changed_at"],
        summary=f"{cycle.slug}: {before} → {to}",
        data={"from": before, "to": str(to), **data},
        state_field="phase",
    )
    phase_moved.send(sender=Cycle, cycle=cycle, actor=actor, previous=before)
    return cycle


@transaction.atomic
def move_phase(cycle: Cycle, to: str, *, actor: User) -> Cycle:
    """Staff move the cycle to its next phase (or the one safe step back), having seen what is
    still open (`phases.still_open`, kept in the audit entry). Refused with PhaseRefused."""
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    to = Phase(to)
    if cycle.phase == Phase.DELIBERATION and to == Phase.DECIDED:
        raise PhaseRefused(
            _("The cycle moves to “%(phase)s” when the chair locks the decision, not by hand.")
            % {"phase": to.label}
        )
    if not may_move(cycle.phase, to):
        raise PhaseRefused(
            _("The cycle cannot move from “%(current)s” to “%(to)s”: one step at a time.")
            % {"current": cycle.current_phase.label, "to": to.label}
        )
    return _enter(cycle, to, actor=actor, data={"still_open": still_open(cycle, to)})


@transaction.atomic
def decided_by_lock(cycle: Cycle, *, actor: User) -> Cycle:
    """The chair's lock ends the deliberation: the cycle is decided (selection calls this in the
    lock's own transaction)."""
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    if cycle.phase != Phase.DELIBERATION:
        raise PhaseRefused(refusal(cycle.phase, "lock"), action="lock", phase=cycle.phase)
    return _enter(cycle, Phase.DECIDED, actor=actor, data={"by": "lock"})
