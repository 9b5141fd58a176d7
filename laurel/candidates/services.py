"""Screening: nominations become candidates, duplicates are merged (and unmerged), candidates are
judged eligible or not. Every write here is one atomic, audited service call."""

from collections import defaultdict
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from laurel.candidates.enums import (
    ACTIVE_STATES,
    ALLOWED_TRANSITIONS,
    CandidateState,
    Flag,
    IneligibleReason,
    SuggestionState,
)
from laurel.candidates.matching import Record, find_duplicates
from laurel.candidates.models import (
    Candidate,
    CandidateNote,
    DuplicateSuggestion,
    MergeRecord,
    Organisation,
    Placement,
)
from laurel.core.services import record
from laurel.cycles.models import Cycle
from laurel.nominations.enums import COUNTING_STATES, Relationship
from laurel.nominations.models import Nomination
from laurel.notifications.services import queue_email

# A nomination joins an existing candidate without asking when the evidence is this strong: the
# same website, the same registration number or the same name (legal form aside), in one country.
JOIN_FROM = 0.95
# Nominations of one candidate from one email domain or one network, this many within this
# time, are flagged as coordinated.
COORDINATED_COUNT = 3
COORDINATED_WINDOW = timedelta(hours=48)


class ScreeningError(Exception):
    """A screening step that cannot be done; the message says why, for staff."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _move(candidate: Candidate, state: str) -> None:
    if state not in ALLOWED_TRANSITIONS[candidate.state]:
        raise ScreeningError(
            _("This candidate is %(state)s: that step is not possible now.")
            % {"state": candidate.get_state_display().lower()}
        )
    candidate.state = state


def _record_of(candidate: Candidate) -> Record:
    organisation = candidate.organisation
    return Record(
        key=candidate.pk,
        name=organisation.name,
        country=organisation.country,
        website=organisation.website,
        registration=organisation.registration_number,
    )


def _active(cycle: Cycle):
    return Candidate.objects.filter(cycle=cycle, state__in=ACTIVE_STATES).select_related(
        "organisation"
    )


# --- placing nominations ---------------------------------------------------------------


def on_nomination_confirmed(sender: Any, nomination: Nomination, **kwargs: Any) -> None:
    place_nomination(nomination)


def on_nomination_changed(sender: Any, nomination: Nomination, **kwargs: Any) -> None:
    placement = Placement.objects.filter(nomination=nomination).select_related("candidate").first()
    if placement is not None:
        _refresh(placement.candidate)


def _organisation_from(nomination: Nomination) -> Organisation:
    return Organisation.objects.create(
        name=nomination.org_name,
        country=nomination.org_country,
        city=nomination.org_city,
        website=nomination.org_website,
        registration_number=nomination.org_registration_number,
        description=nomination.org_description,
        founded_year=nomination.org_founded_year,
        contact_name=nomination.org_contact_name,
        contact_email=nomination.org_contact_email,
    )


def _new_candidate(nomination: Nomination) -> Candidate:
    organisation = _organisation_from(nomination)
    return Candidate.objects.create(
        cycle_id=nomination.cycle_id,
        organisation=organisation,
        name=organisation.name,
        country=organisation.country,
    )


@transaction.atomic
def place_nomination(nomination: Nomination) -> Candidate:
    """A confirmed nomination joins the candidate it is clearly about, or becomes a new one;
    likely duplicates of a new candidate are suggested to staff. Idempotent."""
    existing = Placement.objects.filter(nomination=nomination).select_related("candidate").first()
    if existing is not None:
        return existing.candidate
    others = list(_active(nomination.cycle))
    new = Record(
        key=0,
        name=nomination.org_name,
        country=nomination.org_country,
        website=nomination.org_website,
        registration=nomination.org_registration_number,
    )
    matches = [
        suggestion
        for suggestion in find_duplicates([new, *map(_record_of, others)], only=[0])
        if suggestion.confidence >= JOIN_FROM
    ]
    if matches:
        best = matches[0]
        candidate = next(other for other in others if other.pk == best.second)
        reasons = best.reasons
    else:
        candidate = _new_candidate(nomination)
        reasons = []
    Placement.objects.create(nomination=nomination, candidate=candidate)
    _refresh(candidate)
    record(
        "nomination.placed",
        subject=candidate,
        summary=nomination.reference or "",
        data={"nomination": nomination.pk, "joined": bool(matches), "reasons": reasons},
    )
    if not matches:
        suggest_duplicates(candidate.cycle, only=[candidate.pk])
    return candidate


def _flags(nominations: list[Nomination]) -> list[str]:
    flags = []
    if any(n.relationship == Relationship.SELF for n in nominations):
        flags.append(Flag.SELF_NOMINATED)
    if any(n.safeguarding_flags for n in nominations):
        flags.append(Flag.SAFEGUARDING)
    for flag, key in [
        (Flag.COORDINATED_DOMAIN, lambda n: n.nominator_email.rpartition("@")[2].lower()),
        (Flag.COORDINATED_NETWORK, lambda n: n.network),
    ]:
        groups: dict[str, list] = defaultdict(list)
        for nomination in nominations:
            if key(nomination) and nomination.submitted_at:
                groups[key(nomination)].append(nomination.submitted_at)
        if any(_burst(times) for times in groups.values()):
            flags.append(flag)
    return [str(flag) for flag in flags]


def _burst(times: list) -> bool:
    """COORDINATED_COUNT or more within COORDINATED_WINDOW."""
    times = sorted(times)
    span = COORDINATED_COUNT - 1
    return any(
        times[index + span] - times[index] <= COORDINATED_WINDOW
        for index in range(len(times) - span)
    )


def _refresh(candidate: Candidate) -> None:
    """The candidate's counts, languages and flags, from the nominations it holds now."""
    nominations = list(
        Nomination.objects.filter(placement__candidate=candidate, state__in=COUNTING_STATES)
    )
    languages = sorted(
        {language for n in nominations for language in n.answer_languages.values() if language}
    )
    candidate.nomination_count = len(nominations)
    candidate.nominator_count = len({n.nominator_email.lower() for n in nominations})
    candidate.languages = languages
    candidate.flags = _flags(nominations)
    candidate.first_nominated_at = min((n.submitted_at for n in nominations), default=None)
    candidate.name = candidate.organisation.name
    candidate.country = candidate.organisation.country
    candidate.save(
        update_fields=[
            "nomination_count",
            "nominator_count",
            "languages",
            "flags",
            "first_nominated_at",
            "name",
            "country",
            "updated_at",
        ]
    )


# --- duplicates ---------------------------------------------------------------------------


@transaction.atomic
def suggest_duplicates(cycle: Cycle, *, only: list[int] | None = None) -> int:
    """Store new suggestions among the cycle's active candidates (or those involving `only`).
    A pair staff already decided is never suggested again. Returns how many are new."""
    candidates = list(_active(cycle))
    known = set(
        DuplicateSuggestion.objects.filter(cycle=cycle).values_list("first_id", "second_id")
    )
    new = [
        DuplicateSuggestion(
            cycle=cycle,
            first_id=suggestion.first,
            second_id=suggestion.second,
            confidence=suggestion.confidence,
            reasons=suggestion.reasons,
            name_score=suggestion.name_score,
        )
        for suggestion in find_duplicates([_record_of(c) for c in candidates], only=only)
        if (suggestion.first, suggestion.second) not in known
    ]
    DuplicateSuggestion.objects.bulk_create(new)
    return len(new)


def _locked_pair(first: Candidate, second: Candidate) -> tuple[Candidate, Candidate]:
    """Both rows locked, in one order for everyone: two merges of one pair wait, never deadlock."""
    rows = {
        c.pk: c
        for c in Candidate.objects.select_for_update()
        .select_related("organisation")
        .filter(pk__in=[first.pk, second.pk])
        .order_by("pk")
    }
    return rows[first.pk], rows[second.pk]


@transaction.atomic
def merge_candidates(source: Candidate, target: Candidate, *, actor: Any) -> MergeRecord:
    """`source` joins `target`: its nominations move, it is kept as merged, and the merge
    can be undone."""
    if source.pk == target.pk:
        raise ScreeningError(_("A candidate cannot be merged into itself."))
    source, target = _locked_pair(source, target)
    if source.cycle_id != target.cycle_id:
        raise ScreeningError(_("Candidates of different award cycles cannot be merged."))
    for candidate in (source, target):
        if candidate.state not in ACTIVE_STATES:
            raise ScreeningError(
                _("%(name)s is %(state)s already; nothing was merged.")
                % {"name": candidate.name, "state": candidate.get_state_display().lower()}
            )
    moved = list(source.placements.values_list("pk", flat=True))
    Placement.objects.filter(pk__in=moved).update(candidate=target)
    merge = MergeRecord.objects.create(
        cycle_id=target.cycle_id,
        source=source,
        target=target,
        placements=moved,
        source_state=source.state,
        merged_by=actor,
    )
    _move(source, CandidateState.MERGED)
    source.merged_into = target
    source.save(update_fields=["state", "merged_into", "updated_at"])
    pair = sorted([source.pk, target.pk])
    DuplicateSuggestion.objects.filter(
        first_id=pair[0], second_id=pair[1], state=SuggestionState.OPEN
    ).update(state=SuggestionState.CONFIRMED, decided_by=actor, decided_at=timezone.now())
    # What was suggested about the source is now a question about the target.
    DuplicateSuggestion.objects.filter(state=SuggestionState.OPEN).filter(
        Q(first_id=source.pk) | Q(second_id=source.pk)
    ).delete()
    _refresh(source)
    _refresh(target)
    record(
        "candidate.merged",
        actor=actor,
        subject=target,
        summary=f"{source.name} → {target.name}",
        data={"source": source.pk, "target": target.pk, "placements": moved},
    )
    suggest_duplicates(target.cycle, only=[target.pk])
    return merge


@transaction.atomic
def undo_merge(merge: MergeRecord, *, actor: Any) -> Candidate:
    """The merged candidate comes back as it was, with the nominations it brought."""
    merge = MergeRecord.objects.select_for_update().get(pk=merge.pk)
    if merge.undone_at is not None:
        raise ScreeningError(_("This merge was undone already."))
    source, target = _locked_pair(merge.source, merge.target)
    if target.state == CandidateState.MERGED:
        raise ScreeningError(
            _("%(name)s was merged again later. Undo that merge first, then this one.")
            % {"name": target.name}
        )
    if source.state != CandidateState.MERGED or source.merged_into_id != target.pk:
        raise ScreeningError(_("This merge was changed since; it cannot be undone."))
    still_there = Placement.objects.filter(pk__in=merge.placements, candidate=target)
    if still_there.count() != len(merge.placements):
        raise ScreeningError(_("Some of these nominations were moved since; undo that first."))
    still_there.update(candidate=source)
    source.state = merge.source_state
    source.merged_into = None
    source.save(update_fields=["state", "merged_into", "updated_at"])
    merge.undone_at = timezone.now()
    merge.undone_by = actor
    merge.save(update_fields=["undone_at", "undone_by"])
    pair = sorted([source.pk, target.pk])
    DuplicateSuggestion.objects.filter(first_id=pair[0], second_id=pair[1]).update(
        state=SuggestionState.OPEN, decided_by=None, decided_at=None
    )
    _refresh(source)
    _refresh(target)
    record(
        "candidate.merge_undone",
        actor=actor,
        subject=source,
        summary=f"{source.name} ← {target.name}",
        data={"source": source.pk, "target": target.pk, "placements": merge.placements},
    )
    return source


@transaction.atomic
def reject_suggestion(suggestion: DuplicateSuggestion, *, actor: Any) -> DuplicateSuggestion:
    """Two different organisations: the pair is not suggested again."""
    suggestion = DuplicateSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.state != SuggestionState.OPEN:
        raise ScreeningError(_("Someone decided this suggestion already."))
    suggestion.state = SuggestionState.REJECTED
    suggestion.decided_by = actor
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["state", "decided_by", "decided_at"])
    record(
        "duplicate.rejected",
        actor=actor,
        subject=suggestion,
        data={"first": suggestion.first_id, "second": suggestion.second_id},
    )
    return suggestion


@transaction.atomic
def confirm_suggestion(
    suggestion: DuplicateSuggestion, *, keep: Candidate, actor: Any
) -> MergeRecord:
    """One organisation: the other candidate of the pair is merged into `keep`."""
    suggestion = DuplicateSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.state != SuggestionState.OPEN:
        raise ScreeningError(_("Someone decided this suggestion already."))
    if keep.pk not in (suggestion.first_id, suggestion.second_id):
        raise ScreeningError(_("Keep one of the two candidates of this suggestion."))
    other_pk = suggestion.second_id if keep.pk == suggestion.first_id else suggestion.first_id
    return merge_candidates(Candidate.objects.get(pk=other_pk), keep, actor=actor)


@transaction.atomic
def split_nomination(nomination: Nomination, *, actor: Any) -> Candidate:
    """A nomination that joined the wrong candidate becomes a candidate of its own."""
    placement = (
        Placement.objects.select_for_update().select_related("candidate").get(nomination=nomination)
    )
    old = placement.candidate
    if old.placements.count() < 2:
        raise ScreeningError(
            _("This is the candidate's only nomination; there is nothing to split.")
        )
    candidate = _new_candidate(nomination)
    placement.candidate = candidate
    placement.save(update_fields=["candidate"])
    _refresh(old)
    _refresh(candidate)
    record(
        "candidate.split",
        actor=actor,
        subject=candidate,
        summary=nomination.reference or "",
        data={"from": old.pk, "nomination": nomination.pk},
    )
    return candidate


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
    candidate.save(update_fields=["state", "ineligible_reason", "screening_note", "updated_at"])
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
