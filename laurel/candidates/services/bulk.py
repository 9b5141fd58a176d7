"""Screening many candidates at once: eligible, ineligible with one reason for all, ready for
the committee, and reminding the organisations whose consent is awaited.

Each action is one transaction over the chosen candidates of one cycle, locked together, with
a fixed number of queries however many are chosen, and writes one audit entry per candidate it
changes (the same keys as the one-candidate services). What cannot be done to a candidate is
skipped and said why, never half done."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.candidates.enums import ALLOWED_TRANSITIONS, CandidateState, IneligibleReason
from laurel.candidates.models import Candidate
from laurel.candidates.queries import consent_reminders, recently_reminded
from laurel.candidates.readiness import readiness_of
from laurel.candidates.services.common import ScreeningError
from laurel.candidates.services.scheduled import (
    queue_reminder,
    schedule_deadline_notices,
    tell_waiting_nominators,
)
from laurel.candidates.services.screening import notices_wait
from laurel.candidates.signals import candidates_ready
from laurel.core.models import AuditEntry
from laurel.core.services import SYSTEM
from laurel.cycles.models import Cycle
from laurel.cycles.phases import require_phase

# More than this in one request is refused: a page of the list holds 50.
MOST = 500


@dataclass
class BulkOutcome:
    """The candidates changed, and those skipped with the reason, for the message staff see."""

    changed: list[Candidate] = field(default_factory=list)
    skipped: list[tuple[Candidate, str]] = field(default_factory=list)


def _chosen(cycle: Cycle, candidate_ids: list[int]) -> list[Candidate]:
    if len(candidate_ids) > MOST:
        raise ScreeningError(_("Choose at most %(most)d candidates at a time.") % {"most": MOST})
    return list(
        Candidate.objects.select_for_update()
        .filter(cycle=cycle, pk__in=candidate_ids)
        .order_by("name", "pk")
    )


def _audit(
    key: str,
    *,
    actor: User,
    candidates: list[Candidate],
    data: Callable[[Candidate], dict[str, Any]],
) -> None:
    """One entry per candidate, as core.services.record writes it, in one statement."""
    is_person = actor is not None and getattr(actor, "is_authenticated", False)
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                key=key,
                actor=actor if is_person else None,
                actor_label=actor.email if is_person else SYSTEM,
                subject_type=candidate._meta.label_lower,
                subject_id=str(candidate.pk),
                summary=candidate.name[:300],
                data=data(candidate),
            )
            for candidate in candidates
        ]
    )


@transaction.atomic
def bulk_decide_eligibility(
    cycle: Cycle, *, candidate_ids: list[int], eligible: bool, actor: User, reason: str = ""
) -> BulkOutcome:
    """Eligible, or ineligible for one reason, for every chosen candidate that can be. The
    nominators of those newly ineligible are told as services.decide_eligibility tells them:
    when nominations close, or at once once they have closed."""
    require_phase(cycle, "screen")
    if not eligible and reason not in IneligibleReason.values:
        raise ScreeningError(_("Choose why the candidates are ineligible."))
    state = CandidateState.ELIGIBLE if eligible else CandidateState.INELIGIBLE
    reason = "" if eligible else reason
    outcome = BulkOutcome()
    for candidate in _chosen(cycle, candidate_ids):
        if candidate.state == state and candidate.ineligible_reason == reason:
            already = _("already %(state)s") % {"state": state.label.lower()}
            outcome.skipped.append((candidate, already))
        elif candidate.state != state and state not in ALLOWED_TRANSITIONS[candidate.state]:
            outcome.skipped.append((candidate, candidate.get_state_display().lower()))
        else:
            outcome.changed.append(candidate)
    # One statement for all: each changed candidate gets the same values (an ineligible one
    # leaves the committee's list, as services.decide_eligibility does).
    values = {"state": state, "ineligible_reason": reason, "updated_at": timezone.now()}
    if not eligible:
        values |= {"ready_for_committee": False, "ready_at": None}
    Candidate.objects.filter(pk__in=[c.pk for c in outcome.changed]).update(**values)
    _audit(
        "candidate.screened",
        actor=actor,
        candidates=outcome.changed,
        data=lambda c: {"state": state, "reason": reason, "bulk": True},
    )
    if not eligible and outcome.changed:
        if notices_wait(cycle):
            schedule_deadline_notices(cycle)
        else:
            tell_waiting_nominators(cycle, actor=actor)
    return outcome


@transaction.atomic
def bulk_mark_ready(cycle: Cycle, *, candidate_ids: list[int], actor: User) -> BulkOutcome:
    """Ready for the committee, for every chosen candidate that meets services.mark_ready's
    conditions; the others are skipped with what they still need."""
    require_phase(cycle, "screen")
    chosen = _chosen(cycle, candidate_ids)
    readiness = readiness_of(chosen)
    outcome = BulkOutcome()
    for candidate in chosen:
        missing = readiness[candidate.pk].missing
        if candidate.ready_for_committee:
            outcome.skipped.append((candidate, _("already ready for the committee")))
        elif missing:
            outcome.skipped.append(
                (candidate, _("still needed: %(missing)s") % {"missing": "; ".join(missing)})
            )
        else:
            outcome.changed.append(candidate)
    now = timezone.now()
    Candidate.objects.filter(pk__in=[c.pk for c in outcome.changed]).update(
        ready_for_committee=True, ready_at=now, updated_at=now
    )
    _audit(
        "candidate.ready", actor=actor, candidates=outcome.changed, data=lambda c: {"bulk": True}
    )
    if outcome.changed:
        candidates_ready.send(Candidate, candidate_ids=[c.pk for c in outcome.changed], actor=actor)
    return outcome


@transaction.atomic
def bulk_remind(cycle: Cycle, *, candidate_ids: list[int], actor: User) -> BulkOutcome:
    """The reminder tasks.remind_organisation sends before the answer-by date, now, to every
    chosen organisation that was asked for its consent and has not answered; the others are
    skipped (not asked, answered, the answer-by date has passed, or reminded within the last
    day: the button is no way to flood an organisation with email)."""
    require_phase(cycle, "merge")
    chosen = _chosen(cycle, candidate_ids)
    recent = recently_reminded([candidate.pk for candidate in chosen])
    claims = {
        claim.candidate_id: claim
        for claim in consent_reminders(cycle, [candidate.pk for candidate in chosen])
    }
    outcome = BulkOutcome()
    for candidate in chosen:
        claim = claims.get(candidate.pk)
        if candidate.pk in recent:
            outcome.skipped.append((candidate, _("reminded less than a day ago")))
            continue
        if claim is None:
            outcome.skipped.append((candidate, _("no answer is awaited from it")))
            continue
        queue_reminder(claim)
        outcome.changed.append(candidate)
    _audit(
        "candidate.consent_reminded",
        actor=actor,
        candidates=outcome.changed,
        data=lambda c: {"claim": claims[c.pk].pk, "bulk": True},
    )
    return outcome
