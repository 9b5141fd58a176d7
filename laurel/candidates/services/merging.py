"""Duplicates: suggestions, merges, undoing them, splitting a nomination off."""

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
from laurel.candidates.matching import clusters
from laurel.candidates.models import (
    Candidate,
    DuplicateSuggestion,
    MergeRecord,
    Placement,
)

# A nomination joins an existing candidate without asking when the evidence is this strong: the
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


# --- groups: three or more candidates that open suggestions join ------------------------------


def open_group(cycle_id: int, member: int) -> set[int]:
    """The candidates that open suggestions join to `member`, directly or through others
    (matching.clusters over the cycle's open pairs); {member} alone if none."""
    pairs = list(
        DuplicateSuggestion.objects.filter(
            cycle_id=cycle_id, state=SuggestionState.OPEN
        ).values_list("first_id", "second_id")
    )
    keys = {pk for pair in pairs for pk in pair} | {member}
    return next(group for group in clusters(keys, pairs) if member in group)


def _locked(ids: set[int]) -> dict[int, Candidate]:
    return {
        c.pk: c
        for c in Candidate.objects.select_for_update()
        .select_related("organisation")
        .filter(pk__in=ids)
        .order_by("pk")
    }


@transaction.atomic
def merge_group(members: list[Candidate], *, keep: Candidate, actor: User) -> list[MergeRecord]:
    """Every candidate of a group joins `keep`, in one transaction: each one by merge_candidates,
    so each merge is audited and can be undone on its own as any other. The group's open
    suggestions are confirmed. If one merge is refused, nothing is merged and the error names
    the candidate it stopped at."""
    ids = {member.pk for member in members}
    if keep.pk not in ids:
        raise ScreeningError(_("Keep one of the candidates of this group."))
    if len(ids) < 2:
        raise ScreeningError(_("A group needs two candidates or more to merge."))
    cycle_id = keep.cycle_id
    require_phase(cycle_id, "merge")
    rows = _locked(ids)
    if len(rows) != len(ids) or any(c.cycle_id != cycle_id for c in rows.values()):
        raise ScreeningError(_("Candidates of different award cycles cannot be merged."))
    if open_group(cycle_id, keep.pk) != ids:
        raise ScreeningError(
            _(
                "Someone decided part of this group since the page was shown; nothing was "
                "merged. Look at the group again."
            )
        )
    marked_different = (
        DuplicateSuggestion.objects.filter(
            state=SuggestionState.REJECTED, first_id__in=ids, second_id__in=ids
        )
        .order_by("pk")
        .first()
    )
    if marked_different is not None:
        raise ScreeningError(
            _(
                "%(first)s and %(second)s were marked as not the same organisation; nothing "
                "was merged. Use “Not the same organisation” on one of them, or reopen that "
                "decision first."
            )
            % {
                "first": rows[marked_different.first_id].name,
                "second": rows[marked_different.second_id].name,
            }
        )
    now = timezone.now()
    suggestions = list(
        DuplicateSuggestion.objects.select_for_update()
        .filter(state=SuggestionState.OPEN, first_id__in=ids, second_id__in=ids)
        .order_by("pk")
    )
    _move_suggestions(
        DuplicateSuggestion.objects.filter(pk__in=[s.pk for s in suggestions]),
        SuggestionState.CONFIRMED,
        decided_by=actor,
        decided_at=now,
    )
    target = rows[keep.pk]
    merges = []
    for pk in sorted(ids - {keep.pk}):
        source = rows[pk]
        try:
            merges.append(merge_candidates(source, target, actor=actor))
        except ScreeningError as error:
            raise ScreeningError(
                _("Nothing was merged: %(name)s could not join %(target)s. %(why)s")
                % {"name": source.name, "target": target.name, "why": error.message}
            ) from error
    group = sorted(ids)
    for suggestion in suggestions:
        record(
            "duplicate.confirmed",
            actor=actor,
            subject=suggestion,
            data={
                "first": suggestion.first_id,
                "second": suggestion.second_id,
                "kept": keep.pk,
                "group": group,
            },
        )
    return merges


@transaction.atomic
def separate_from_group(
    candidate: Candidate, others: list[Candidate], *, actor: User
) -> list[DuplicateSuggestion]:
    """`candidate` is not the organisation the rest of its group is: every open suggestion
    between it and the others is rejected (each audited); the others' suggestions stay open."""
    require_phase(candidate.cycle_id, "merge")
    other_ids = {other.pk for other in others} - {candidate.pk}
    suggestions = list(
        DuplicateSuggestion.objects.filter(state=SuggestionState.OPEN)
        .filter(
            Q(first_id=candidate.pk, second_id__in=other_ids)
            | Q(second_id=candidate.pk, first_id__in=other_ids)
        )
        .order_by("pk")
    )
    if not suggestions:
        raise ScreeningError(_("Someone decided this suggestion already."))
    return [reject_suggestion(suggestion, actor=actor) for suggestion in suggestions]
