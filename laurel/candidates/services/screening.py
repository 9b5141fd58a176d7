"""Eligibility and notes."""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from laurel.candidates.enums import (
    CandidateState,
    IneligibleReason,
    WorkKind,
)
from laurel.candidates.models import (
    Candidate,
    CandidateNote,
    Placement,
)

# A nomination joins an existing candidate without asking when the evidence is this strong: the
from laurel.candidates.services.common import ScreeningError, _move
from laurel.core.services import record
from laurel.cycles.phases import require_phase
from laurel.nominations.enums import COUNTING_STATES
from laurel.notifications.services import queue_email

# --- screening --------------------------------------------------------------------------


@transaction.atomic
def decide_eligibility(
    candidate: Candidate,
    *,
    eligible: bool,
    actor: Any,
    reason: str = "",
    note: str = "",
) -> Candidate:
    """Eligible, or ineligible with a reason. The nominators of an ineligible candidate are
    told, neutrally and once, through the outbox."""
    require_phase(candidate.cycle_id, "screen")
    candidate = Candidate.objects.select_for_update().select_related("cycle").get(pk=candidate.pk)
    if not eligible and reason not in IneligibleReason.values:
        raise ScreeningError(_("Choose why the candidate is ineligible."))
    state = CandidateState.ELIGIBLE if eligible else CandidateState.INELIGIBLE
    if candidate.state == state and candidate.ineligible_reason == (reason if not eligible else ""):
        return candidate
    if candidate.state != state:
        _move(candidate, state)
    candidate.ineligible_reason = "" if eligible else reason
    candidate.screening_note = note[:500]
    candidate.ready_for_committee = candidate.ready_for_committee and eligible
    candidate.save(
        update_fields=[
            "state",
            "ineligible_reason",
            "screening_note",
            "ready_for_committee",
            "updated_at",
        ]
    )
    record(
        "candidate.screened",
        actor=actor,
        subject=candidate,
        summary=candidate.name,
        data={"state": state, "reason": candidate.ineligible_reason},
    )
    if not eligible:
        _tell_nominators(candidate)
    return candidate


def _tell_nominators(candidate: Candidate) -> None:
    placements = Placement.objects.filter(
        candidate=candidate, nomination__state__in=COUNTING_STATES, ineligible_notified_at=None
    ).select_related("nomination")
    for placement in placements:
        nomination = placement.nomination
        queue_email(
            "candidate_ineligible",
            to=nomination.nominator_email,
            language=nomination.preferred_language or nomination.language,
            context={"nomination": nomination, "cycle": candidate.cycle},
        )
    Placement.objects.filter(pk__in=[p.pk for p in placements]).update(
        ineligible_notified_at=timezone.now()
    )


@transaction.atomic
def add_note(candidate: Candidate, *, text: str, actor: Any) -> CandidateNote:
    note = CandidateNote.objects.create(candidate=candidate, author=actor, text=text.strip())
    record("candidate.noted", actor=actor, subject=candidate, data={"note": note.pk})
    return note


@transaction.atomic
def tag_work(candidate: Candidate, *, kinds: list[str], actor: Any) -> Candidate:
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
