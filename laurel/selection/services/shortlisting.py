"""The shortlist (and its reserve) and the meeting that steps through it."""

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.candidates.models import Candidate
from laurel.core.services import record
from laurel.cycles.models import Cycle
from laurel.cycles.phases import require_phase
from laurel.selection.enums import ListKind, Outcome
from laurel.selection.models import Meeting, ShortlistEntry
from laurel.selection.queries import selectable
from laurel.selection.services.common import SelectionError, locked, not_conflicted


def _not_locked(cycle: Cycle) -> None:
    if locked(cycle):
        raise SelectionError(_("The decision is locked: the shortlist can no longer change."))


@transaction.atomic
def shortlist_candidate(
    candidate: Candidate, *, kind: str, note: str = "", actor: User
) -> ShortlistEntry:
    """Put a candidate on the shortlist or the reserve (at the end), or move it between them."""
    require_phase(candidate.cycle_id, "shortlist")
    if kind not in ListKind.values:
        raise SelectionError(_("Choose the shortlist or the reserve."))
    cycle = candidate.cycle
    _not_locked(cycle)
    not_conflicted(actor, cycle, candidate.pk)
    if not selectable(cycle).filter(pk=candidate.pk).exists():
        raise SelectionError(
            _("%(name)s is not eligible and ready for the committee: it cannot be shortlisted.")
            % {"name": candidate.name}
        )
    last = ShortlistEntry.objects.filter(cycle=cycle, kind=kind).aggregate(m=Max("position"))["m"]
    entry, created = ShortlistEntry.objects.select_for_update().get_or_create(
        candidate=candidate,
        defaults={
            "cycle": cycle,
            "kind": kind,
            "position": (last or 0) + 1,
            "note": note[:1000],
            "added_by": actor,
        },
    )
    if not created:
        if entry.kind != kind:
            entry.kind, entry.position = kind, (last or 0) + 1
        entry.note = note[:1000] or entry.note
        entry.save(update_fields=["kind", "position", "note"])
    record(
        "candidate.shortlisted",
        actor=actor,
        subject=candidate,
        summary=candidate.name,
        data={"list": kind},
    )
    return entry


@transaction.atomic
def shortlist_many(
    candidates: list[Candidate], *, kind: str, actor: User
) -> tuple[list[Candidate], list[tuple[Candidate, str]]]:
    """Several candidates onto the shortlist or the reserve at once, in the order given (one
    audit entry each, as one at a time). Returns (placed, [(skipped, why)]): a candidate already
    on that list, or one the rules refuse, is skipped with the reason; the others still go."""
    placed, skipped = [], []
    on_list = dict(
        ShortlistEntry.objects.filter(candidate__in=candidates).values_list("candidate_id", "kind")
    )
    for candidate in candidates:
        if on_list.get(candidate.pk) == kind:
            skipped.append((candidate, _("already on that list")))
            continue
        try:
            with transaction.atomic():
                shortlist_candidate(candidate, kind=kind, actor=actor)
        except SelectionError as error:
            skipped.append((candidate, error.message))
        else:
            placed.append(candidate)
    return placed, skipped


@transaction.atomic
def move_entry(entry: ShortlistEntry, *, offset: int, actor: User) -> ShortlistEntry:
    """Move an entry up (-1) or down (+1) in its list."""
    require_phase(entry.cycle_id, "shortlist")
    _not_locked(entry.cycle)
    not_conflicted(actor, entry.cycle, entry.candidate_id)
    entries = list(
        ShortlistEntry.objects.select_for_update()
        .filter(cycle=entry.cycle, kind=entry.kind)
        .order_by("position", "id")
    )
    index = next(i for i, e in enumerate(entries) if e.pk == entry.pk)
    target = index + offset
    if 0 <= target < len(entries):
        entries[index], entries[target] = entries[target], entries[index]
    for position, each in enumerate(entries, start=1):
        if each.position != position:
            each.position = position
            each.save(update_fields=["position"])
    return next(e for e in entries if e.pk == entry.pk)


@transaction.atomic
def unshortlist(entry: ShortlistEntry, *, actor: User) -> None:
    require_phase(entry.cycle_id, "shortlist")
    _not_locked(entry.cycle)
    not_conflicted(actor, entry.cycle, entry.candidate_id)
    Meeting.objects.filter(current=entry).update(current=None)
    record(
        "candidate.unshortlisted",
        actor=actor,
        subject=entry.candidate,
        summary=entry.candidate.name,
    )
    entry.delete()


@transaction.atomic
def go_to(cycle: Cycle, *, entry: ShortlistEntry | None, actor: User) -> Meeting:
    """The chair moves the meeting to a shortlisted candidate (None: the overview)."""
    require_phase(cycle, "shortlist")
    if entry is not None and entry.cycle_id != cycle.pk:
        raise SelectionError(_("That candidate is not on this cycle's shortlist."))
    meeting, _created = Meeting.objects.select_for_update().get_or_create(cycle=cycle)
    meeting.current = entry
    meeting.step += 1
    meeting.save(update_fields=["current", "step", "updated_at"])
    record("meeting.moved", actor=actor, subject=cycle, data={"entry": entry and entry.pk})
    return meeting


@transaction.atomic
def record_discussion(
    entry: ShortlistEntry,
    *,
    arguments: str,
    outcome: str,
    recused: list[Any],
    actor: User,
) -> ShortlistEntry:
    """The chair or a scribe writes down the discussion of one candidate; never someone with
    a conflict with it (a conflicted chair leaves that item to staff)."""
    require_phase(entry.cycle_id, "shortlist")
    _not_locked(entry.cycle)
    not_conflicted(
        actor,
        entry.cycle,
        entry.candidate_id,
        message=_("You have a conflict with this candidate: staff lead and record its discussion."),
    )
    if outcome not in Outcome.values:
        raise SelectionError(_("Choose the outcome of the discussion."))
    entry = ShortlistEntry.objects.select_for_update().get(pk=entry.pk)
    entry.arguments = arguments.strip()
    entry.outcome = outcome
    entry.recorded_by = actor
    entry.recorded_at = timezone.now()
    entry.save(update_fields=["arguments", "outcome", "recorded_by", "recorded_at"])
    entry.recused.set(recused)
    record(
        "deliberation.recorded",
        actor=actor,
        subject=entry.candidate,
        data={"outcome": outcome, "recused": sorted(u.pk for u in recused)},
    )
    return entry
