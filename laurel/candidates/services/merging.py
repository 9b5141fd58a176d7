"""Duplicates: suggestions, merges, undoing them, splitting a nomination off (a group of three
or more at once: `groups`)."""

from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from laurel.accounts.models import User
from laurel.candidates.enums import (
    ACTIVE_STATES,
    SUGGESTION_TRANSITIONS,
    CandidateState,
    SuggestionState,
)
from laurel.candidates.models import (
    Candidate,
    DuplicateSuggestion,
    MergeRecord,
    Placement,
)
from laurel.candidates.services.common import (
    ScreeningError,
    _move,
    forget_names,
    remember_names,
    suggest_duplicates,
)
from laurel.candidates.services.placing import _new_candidate, _refresh
from laurel.core.services import TransitionRefused, bulk_transition, record, transition
from laurel.cycles.phases import require_phase
from laurel.nominations.models import Nomination

# --- duplicates ---------------------------------------------------------------------------


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
def merge_candidates(source: Candidate, target: Candidate, *, actor: User) -> MergeRecord:
    """`source` joins `target`: its nominations move, it is kept as merged, and the merge
    can be undone."""
    require_phase(source.cycle_id, "merge")
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
    added = _remember_merged_names(source, target, moved)
    merge = MergeRecord.objects.create(
        cycle_id=target.cycle_id,
        source=source,
        target=target,
        placements=moved,
        source_state=source.state,
        merged_by=actor,
        aliases_added=added,
    )
    source.merged_into = target
    source.ready_for_committee = False
    # The merge is recorded about the candidate that is kept.
    _move(
        source,
        CandidateState.MERGED,
        key="candidate.merged",
        actor=actor,
        fields=["merged_into", "ready_for_committee"],
        subject=target,
        summary=f"{source.name} → {target.name}",
        data={
            "source": source.pk,
            "target": target.pk,
            "placements": moved,
            "aliases_added": added,
        },
    )
    pair = sorted([source.pk, target.pk])
    _move_suggestions(
        DuplicateSuggestion.objects.filter(first_id=pair[0], second_id=pair[1]),
        SuggestionState.CONFIRMED,
        decided_by=actor,
        decided_at=timezone.now(),
    )
    # What was suggested about the source is now a question about the target.
    DuplicateSuggestion.objects.filter(state=SuggestionState.OPEN).filter(
        Q(first_id=source.pk) | Q(second_id=source.pk)
    ).delete()
    _refresh(source)
    _refresh(target)
    suggest_duplicates(target.cycle, only=[target.pk])
    return merge


def _remember_merged_names(source: Candidate, target: Candidate, moved: list[int]) -> list[str]:
    """The kept organisation is known by the merged one's names too: its name, its other names
    and the names its nominations were written with become aliases. Returns those added (an
    undo takes exactly these away again)."""
    kept = target.organisation
    if kept.pk == source.organisation_id:
        return []
    merged = source.organisation
    written = Placement.objects.filter(pk__in=moved).order_by("placed_at", "pk")
    added = remember_names(
        kept,
        [
            merged.name,
            *(merged.aliases or []),
            *written.values_list("nomination__org_name", flat=True),
        ],
    )
    if added:
        kept.save(update_fields=["aliases", "updated_at"])
    return added


@transaction.atomic
def undo_merge(merge: MergeRecord, *, actor: User) -> Candidate:
    """The merged candidate comes back as it was, with the nominations it brought."""
    require_phase(merge.cycle_id, "merge")
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
    if merge.aliases_added:
        kept = target.organisation
        forget_names(kept, merge.aliases_added)
        kept.save(update_fields=["aliases", "updated_at"])
    source.merged_into = None
    _move(
        source,
        merge.source_state,
        key="candidate.merge_undone",
        actor=actor,
        undo=True,
        fields=["merged_into"],
        summary=f"{source.name} ← {target.name}",
        data={
            "source": source.pk,
            "target": target.pk,
            "placements": merge.placements,
            "aliases_removed": merge.aliases_added,
        },
    )
    merge.undone_at = timezone.now()
    merge.undone_by = actor
    merge.save(update_fields=["undone_at", "undone_by"])
    pair = sorted([source.pk, target.pk])
    _move_suggestions(
        DuplicateSuggestion.objects.filter(first_id=pair[0], second_id=pair[1]),
        SuggestionState.OPEN,
    )
    # Merged as one of a group, it was suggested against another member of the group rather
    # than the kept one: those suggestions open again too, so it comes back to be decided.
    group = {target.pk, *Candidate.objects.filter(merged_into=target).values_list("pk", flat=True)}
    _move_suggestions(
        DuplicateSuggestion.objects.filter(state=SuggestionState.CONFIRMED).filter(
            Q(first=source, second_id__in=group) | Q(second=source, first_id__in=group)
        ),
        SuggestionState.OPEN,
    )
    _refresh(source)
    _refresh(target)
    return source


def _move_suggestions(suggestions: QuerySet, to: str, **decided: Any) -> int:
    """Suggestions decided, or open again (who decided them and when forgotten), in one UPDATE
    that moves only those the map lets move: the merge's or its undoing's entry tells of them."""
    decided = decided or {"decided_by": None, "decided_at": None}
    return bulk_transition(suggestions, to, SUGGESTION_TRANSITIONS, **decided)


class Decided(TransitionRefused, ScreeningError):
    text = gettext_lazy("Someone decided this suggestion already.")


class OpenAlready(TransitionRefused, ScreeningError):
    text = gettext_lazy("This suggestion is open already.")


@transaction.atomic
def reject_suggestion(suggestion: DuplicateSuggestion, *, actor: User) -> DuplicateSuggestion:
    """Two different organisations: the pair is not suggested again."""
    require_phase(suggestion.cycle_id, "merge")
    suggestion = DuplicateSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    suggestion.decided_by = actor
    suggestion.decided_at = timezone.now()
    transition(
        suggestion,
        SuggestionState.REJECTED,
        SUGGESTION_TRANSITIONS,
        key="duplicate.rejected",
        actor=actor,
        fields=["decided_by", "decided_at"],
        data={"first": suggestion.first_id, "second": suggestion.second_id},
        refused=Decided,
    )
    return suggestion


@transaction.atomic
def confirm_suggestion(
    suggestion: DuplicateSuggestion, *, keep: Candidate, actor: User
) -> MergeRecord:
    """One organisation: the other candidate of the pair is merged into `keep`."""
    require_phase(suggestion.cycle_id, "merge")
    suggestion = DuplicateSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.state != SuggestionState.OPEN:
        raise Decided(suggestion, SuggestionState.CONFIRMED)
    if keep.pk not in (suggestion.first_id, suggestion.second_id):
        raise ScreeningError(_("Keep one of the two candidates of this suggestion."))
    other_pk = suggestion.second_id if keep.pk == suggestion.first_id else suggestion.first_id
    merge = merge_candidates(Candidate.objects.get(pk=other_pk), keep, actor=actor)
    record(
        "duplicate.confirmed",
        actor=actor,
        subject=suggestion,
        data={"first": suggestion.first_id, "second": suggestion.second_id, "kept": keep.pk},
    )
    return merge


@transaction.atomic
def reopen_suggestion(suggestion: DuplicateSuggestion, *, actor: User) -> DuplicateSuggestion:
    """A pair marked as different organisations goes back among those to decide. A confirmed
    pair is reopened by undoing its merge (undo_merge), on the kept candidate's page."""
    require_phase(suggestion.cycle_id, "merge")
    suggestion = DuplicateSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.state == SuggestionState.CONFIRMED:
        raise ScreeningError(
            _("This pair was merged: undo the merge on the kept candidate's page instead.")
        )
    decided_by, decided_at = suggestion.decided_by_id, suggestion.decided_at
    suggestion.decided_by = None
    suggestion.decided_at = None
    transition(
        suggestion,
        SuggestionState.OPEN,
        SUGGESTION_TRANSITIONS,
        key="duplicate.reopened",
        actor=actor,
        fields=["decided_by", "decided_at"],
        refused=OpenAlready,
        data={
            "first": suggestion.first_id,
            "second": suggestion.second_id,
            "rejected_by": decided_by,
            "rejected_at": decided_at.isoformat() if decided_at else None,
        },
    )
    return suggestion


@transaction.atomic
def split_nomination(nomination: Nomination, *, actor: User) -> Candidate:
    """A nomination that joined the wrong candidate becomes a candidate of its own."""
    require_phase(nomination.cycle_id, "merge")
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
