"""Eligibility and notes."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.candidates.enums import (
    CandidateState,
    IneligibleReason,
    WorkKind,
)
from laurel.candidates.models import Candidate, CandidateNote
from laurel.candidates.services.common import ScreeningError, _move
from laurel.candidates.services.scheduled import schedule_deadline_notices, tell_waiting_nominators
from laurel.core.services import record
from laurel.cycles.models import Cycle
from laurel.cycles.phases import require_phase

# --- screening --------------------------------------------------------------------------


@transaction.atomic
def decide_eligibility(
    candidate: Candidate,
    *,
    eligible: bool,
    actor: User,
    reason: str = "",
    note: str = "",
) -> Candidate:
    """Eligible, or ineligible with a reason. The nominators of an ineligible candidate are
    told, neutrally and once, through the outbox: at once once nominations have closed; while
    they are open, when they close (or when staff send the waiting notices). Marked eligible
    again before then, nobody is told anything."""
    require_phase(candidate.cycle_id, "screen")
    candidate = Candidate.objects.select_for_update().select_related("cycle").get(pk=candidate.pk)
    if not eligible and reason not in IneligibleReason.values:
        raise ScreeningError(_("Choose why the candidate is ineligible."))
    state = CandidateState.ELIGIBLE if eligible else CandidateState.INELIGIBLE
    if candidate.state == state and candidate.ineligible_reason == (reason if not eligible else ""):
        return candidate
    candidate.ineligible_reason = "" if eligible else reason
    candidate.screening_note = note[:500]
    candidate.ready_for_committee = candidate.ready_for_committee and eligible
    fields = ["ineligible_reason", "screening_note", "ready_for_committee"]
    data = {"state": state, "reason": candidate.ineligible_reason}
    if candidate.state != state:
        _move(candidate, state, key="candidate.screened", fields=fields, actor=actor, data=data)
    else:  # the reason or the note changed, not the state
        candidate.save(update_fields=[*fields, "updated_at"])
        record(
            "candidate.screened", actor=actor, subject=candidate, summary=candidate.name, data=data
        )
    if not eligible:
        if notices_wait(candidate.cycle):
            schedule_deadline_notices(candidate.cycle)
        else:
            tell_waiting_nominators(candidate.cycle, actor=actor, candidate=candidate)
    return candidate


def notices_wait(cycle: Cycle) -> bool:
    """Whether an ineligibility email waits for the nominations to close: while they are open a
    nominator could still be nominating, and a screening decision may still change."""
    return cycle.nominations_are_open


@transaction.atomic
def send_waiting_ineligibility_notices(
    cycle: Cycle, *, actor: User | None, candidate: Candidate | None = None
) -> int:
    """Tell every nominator still waiting to hear that their candidate is ineligible (of one
    candidate, or of the whole cycle) now, before the nominations close: staff's explicit
    choice, behind a confirmation. Also what the deadline's task and the phase move run. The
    number of emails that leave."""
    return tell_waiting_nominators(cycle, actor=actor, candidate=candidate)


def on_phase_moved(sender: Any, *, cycle: Cycle, actor: User | None = None, **kwargs: Any) -> None:
    """Nominations have closed (or the cycle moved on): the waiting notices leave."""
    if not notices_wait(cycle):
        send_waiting_ineligibility_notices(cycle, actor=actor)


@transaction.atomic
def add_note(candidate: Candidate, *, text: str, actor: User) -> CandidateNote:
    note = CandidateNote.objects.create(candidate=candidate, author=actor, text=text.strip())
    record("candidate.noted", actor=actor, subject=candidate, data={"note": note.pk})
    return note


@transaction.atomic
def tag_work(candidate: Candidate, *, kinds: list[str], actor: User) -> Candidate:
    """Tag the kinds of work a candidate does: the final selection can ask for a spread."""
    unknown = set(kinds) - set(WorkKind.values)
    if unknown:
        raise ScreeningError(_("Choose kinds of work from the list."))
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    chosen = [kind for kind in WorkKind.values if kind in kinds]
    if chosen != candidate.work_kinds:
        candidate.work_kinds = chosen
        candidate.save(update_fields=["work_kinds", "updated_at"])
        record("candidate.tagged", actor=actor, subject=candidate, data={"kinds": chosen})
    return candidate
