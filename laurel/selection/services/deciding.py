"""The final selection: Laurel's suggested slate, the committee's overrides, the chair's lock."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.accounts.rules import chairs
from laurel.candidates.enums import Consent, WorkKind
from laurel.candidates.models import Candidate
from laurel.core.services import record, transition
from laurel.cycles.models import Cycle
from laurel.cycles.phases import require_phase
from laurel.cycles.services import decided_by_lock
from laurel.review.queries import results
from laurel.selection import enums, slate
from laurel.selection.enums import DecisionState, PlaceRole
from laurel.selection.models import Decision, Override, Place, ShortlistEntry
from laurel.selection.queries import selectable
from laurel.selection.services.checking import LANGUAGES, check_slate, problems
from laurel.selection.services.common import SelectionError, not_conflicted
from laurel.selection.services.recording import build_record, content_hash


def slate_options(cycle: Cycle, *, from_shortlist: bool) -> list[slate.Option]:
    """The candidates the slate may choose from, each with the committee's normalised score
    (candidates without a scored review are left out), best first."""
    rows, _combined, _emails, _reviews = results(cycle)
    pool = selectable(cycle).exclude(consent=Consent.REFUSED)
    if from_shortlist:
        pool = pool.filter(pk__in=ShortlistEntry.objects.filter(cycle=cycle).values("candidate_id"))
    allowed = set(pool.values_list("pk", flat=True))
    return [
        slate.Option(
            candidate=row["candidate"].pk,
            score=round(row["result"].normalised_total, 4),
            country=row["candidate"].country,
            kinds=frozenset(row["candidate"].work_kinds),
        )
        for row in rows
        if row["candidate"].pk in allowed
    ]


def _draft(cycle: Cycle) -> Decision:
    """The cycle's decision, locked for this transaction, with the cycle as stored now."""
    decision, _created = Decision.objects.select_for_update().get_or_create(cycle=cycle)
    decision.cycle = Cycle.objects.get(pk=cycle.pk)
    if decision.state != DecisionState.DRAFT:
        raise SelectionError(_("The decision is locked: it can no longer change."))
    return decision


@transaction.atomic
def suggest_slate(
    cycle: Cycle,
    *,
    max_per_country: int | None,
    min_per_kind: dict[str, int],
    reserve_count: int,
    from_shortlist: bool,
    actor: User,
) -> Decision:
    """Solve for the best slate under the constraints and make it the decision's draft."""
    require_phase(cycle, "decide")
    decision = _draft(cycle)
    cycle = decision.cycle
    if set(min_per_kind) - set(WorkKind.values):
        raise SelectionError(_("Choose kinds of work from the list."))
    min_per_kind = {k: v for k, v in min_per_kind.items() if v}
    if sum(min_per_kind.values()) and max(min_per_kind.values()) > cycle.laureate_count:
        raise SelectionError(_("A minimum cannot be larger than the number of laureates."))
    options = slate_options(cycle, from_shortlist=from_shortlist)
    constraints = slate.Constraints(cycle.laureate_count, max_per_country, min_per_kind)
    if len(options) < cycle.laureate_count:
        raise SelectionError(
            _(
                "Only %(count)d candidates can be chosen from (eligible, ready, scored%(where)s): "
                "%(needed)d laureates are needed."
            )
            % {
                "count": len(options),
                "where": _(", shortlisted") if from_shortlist else "",
                "needed": cycle.laureate_count,
            }
        )
    try:
        best = slate.suggest(options, constraints)
    except slate.Infeasible:
        raise SelectionError(
            _(
                "No slate of %(needed)d meets every constraint. Loosen the limit per country or "
                "the minimum for a kind of work."
            )
            % {"needed": cycle.laureate_count}
        ) from None
    reserves = slate.reserves(options, best.chosen, reserve_count)
    decision.max_per_country = max_per_country
    decision.min_per_kind = min_per_kind
    decision.reserve_count = reserve_count
    decision.from_shortlist = from_shortlist
    decision.suggestion = {
        "laureates": best.chosen,
        "reserves": reserves,
        "score": round(best.score, 4),
        "unconstrained_score": round(best.unconstrained_score, 4),
        "costs": best.costs,
        "scores": {str(o.candidate): o.score for o in options},
        "at": timezone.now().isoformat(),
    }
    decision.save(
        update_fields=[
            "max_per_country",
            "min_per_kind",
            "reserve_count",
            "from_shortlist",
            "suggestion",
        ]
    )
    decision.places.all().delete()
    Place.objects.bulk_create(
        [
            Place(decision=decision, candidate_id=pk, role=PlaceRole.LAUREATE, position=i)
            for i, pk in enumerate(best.chosen, start=1)
        ]
        + [
            Place(decision=decision, candidate_id=pk, role=PlaceRole.RESERVE, position=i)
            for i, pk in enumerate(reserves, start=1)
        ]
    )
    record(
        "decision.suggested",
        actor=actor,
        subject=decision,
        data={
            "max_per_country": max_per_country,
            "min_per_kind": min_per_kind,
            "score": decision.suggestion["score"],
        },
    )
    return decision


@transaction.atomic
def replace_place(
    decision: Decision, *, removed: Candidate, added: Candidate, reason: str, actor: User
) -> Override:
    """The committee overrides the suggestion: `added` takes `removed`'s laureate place, and
    `removed` becomes the first reserve. The slate may then break a constraint: the page and
    the lock checklist say which (checking.check_slate)."""
    require_phase(decision.cycle_id, "decide")
    decision = _draft(decision.cycle)
    not_conflicted(actor, decision.cycle, removed.pk, added.pk)
    reason = reason.strip()
    if not reason:
        raise SelectionError(_("Give the reason for the change: it goes into the record."))
    places = {p.candidate_id: p for p in decision.places.select_for_update()}
    out = places.get(removed.pk)
    if out is None or out.role != PlaceRole.LAUREATE:
        raise SelectionError(_("%(name)s is not a laureate.") % {"name": removed.name})
    incoming = places.get(added.pk)
    if incoming is not None and incoming.role == PlaceRole.LAUREATE:
        raise SelectionError(_("%(name)s is a laureate already.") % {"name": added.name})
    if not selectable(decision.cycle).filter(pk=added.pk).exclude(consent=Consent.REFUSED):
        raise SelectionError(
            _("%(name)s is not eligible and ready for the committee: it cannot be chosen.")
            % {"name": added.name}
        )
    position = out.position
    if incoming is not None:
        incoming.role, incoming.position = PlaceRole.LAUREATE, position
        incoming.save(update_fields=["role", "position"])
    else:
        Place.objects.create(
            decision=decision, candidate=added, role=PlaceRole.LAUREATE, position=position
        )
    # The laureate taken out heads the reserves: the committee chose it once, so it is the
    # first to be offered a place that comes free.
    reserves = sorted(
        (p for p in places.values() if p.role == PlaceRole.RESERVE and p is not incoming),
        key=lambda p: (p.position, p.pk),
    )
    out.role = PlaceRole.RESERVE
    for number, place in enumerate([out, *reserves], start=1):
        if place is out or place.position != number:
            place.position = number
            place.save(update_fields=["role", "position"])
    override = Override.objects.create(
        decision=decision, removed=removed, added=added, reason=reason, by=actor
    )
    record(
        "decision.overridden",
        actor=actor,
        subject=decision,
        summary=f"{removed.name} → {added.name}",
        data={
            "removed": removed.pk,
            "added": added.pk,
            "breaks": [b.name for b in check_slate(decision).breaches],
        },
    )
    return override


@transaction.atomic
def write_place(
    place: Place, *, reason: str, citation: dict[str, str], summary: dict[str, str], actor: User
) -> Place:
    """The committee's reason for a place, and the citation and description to publish; never
    by someone with a conflict with its candidate (staff write those)."""
    require_phase(place.decision.cycle_id, "decide")
    _draft(place.decision.cycle)
    not_conflicted(
        actor,
        place.decision.cycle,
        place.candidate_id,
        message=_("You have a conflict with this candidate: staff write its reason and citations."),
    )
    place = Place.objects.select_for_update().get(pk=place.pk)
    place.reason = reason.strip()
    place.citation = {code: citation.get(code, "").strip() for code in LANGUAGES}
    place.summary = {code: summary.get(code, "").strip() for code in LANGUAGES}
    place.save(update_fields=["reason", "citation", "summary"])
    record("decision.place_written", actor=actor, subject=place.decision, data={"place": place.pk})
    return place


@transaction.atomic
def lock_decision(
    decision: Decision, *, actor: User, reasons: dict[str, str] | None = None
) -> Decision:
    """The chair confirms the decision; from then on it does not change. `reasons`: the chair's
    reason for each constraint the slate breaks (constraint name → text). The record of the
    decision is taken now, with its content hash: the report is rendered from it alone."""
    require_phase(decision.cycle_id, "lock")
    decision = _draft(decision.cycle)
    if not chairs(actor, decision.cycle):
        raise SelectionError(_("Only the chair of the committee can lock the decision."))
    reasons = {name: text.strip() for name, text in (reasons or {}).items() if text.strip()}
    found = problems(decision, reasons=reasons)
    if found:
        raise SelectionError(" ".join(found))
    decision.breach_reasons = {b.name: reasons[b.name] for b in check_slate(decision).breaches}
    decision.locked_by = actor
    decision.locked_at = timezone.now()
    decision.record = build_record(decision.cycle, decision)
    decision.record_hash = content_hash(decision.record)
    transition(
        decision,
        DecisionState.LOCKED,
        enums.DECISION_TRANSITIONS,
        key="decision.locked",
        actor=actor,
        fields=["locked_by", "locked_at", "breach_reasons", "record", "record_hash"],
        data={
            "laureates": list(
                decision.places.filter(role=PlaceRole.LAUREATE).values_list(
                    "candidate_id", flat=True
                )
            ),
            "hash": decision.record_hash,
            "breaches": decision.breach_reasons,
        },
    )
    decided_by_lock(decision.cycle, actor=actor)  # the cycle is "decided" from this moment
    return decision


@transaction.atomic
def move_reserve(place: Place, *, offset: int, actor: User) -> None:
    """Move a reserve up (-1) or down (+1): the order in which places are offered."""
    require_phase(place.decision.cycle_id, "decide")
    decision = _draft(place.decision.cycle)
    not_conflicted(actor, decision.cycle, place.candidate_id)
    reserves = list(
        decision.places.select_for_update()
        .filter(role=PlaceRole.RESERVE)
        .order_by("position", "id")
    )
    index = next((i for i, p in enumerate(reserves) if p.pk == place.pk), None)
    if index is None:
        raise SelectionError(_("%(name)s is not a reserve.") % {"name": place.candidate.name})
    target = index + offset
    if 0 <= target < len(reserves):
        reserves[index], reserves[target] = reserves[target], reserves[index]
    for position, each in enumerate(reserves, start=1):
        if each.position != position:
            each.position = position
            each.save(update_fields=["position"])
    record(
        "decision.reserves_reordered",
        actor=actor,
        subject=decision,
        data={"order": [p.candidate_id for p in reserves]},
    )
