"""Groups of duplicates: three or more candidates that open suggestions join, merged at once
into one of them, or one taken out of its group. Each merge is `merging.merge_candidates`, so
each is audited and can be undone on its own."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.candidates.enums import SuggestionState
from laurel.candidates.matching import clusters
from laurel.candidates.models import Candidate, DuplicateSuggestion, MergeRecord
from laurel.candidates.services.common import ScreeningError
from laurel.candidates.services.merging import (
    _move_suggestions,
    merge_candidates,
    reject_suggestion,
)
from laurel.core.services import record
from laurel.cycles.phases import require_phase


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
