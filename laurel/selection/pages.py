"""The decision page's and the meeting page's content, read and decided here so that their views
only render it: the slate's check and what each constraint costs, which scores a leader may see,
which laureate places may be offered to a reserve, what a screen shows of the meeting's current
candidate, and the pages' forms (a refused one kept as submitted)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from django.utils import timezone

from laurel.accounts.models import User
from laurel.accounts.queries import committee_members
from laurel.candidates.enums import WorkKind
from laurel.cycles.models import Cycle
from laurel.review.queries import results
from laurel.selection import queries, services
from laurel.selection.enums import Answer, PlaceRole
from laurel.selection.forms import (
    ConstraintsForm,
    LockForm,
    OfferForm,
    OverrideForm,
    PlaceForm,
    RecordForm,
)
from laurel.selection.models import Decision, Place

# The suggestion's defaults before any decision exists.
FIRST_CONSTRAINTS = {"reserve_count": 3, "from_shortlist": True}


class Cost(NamedTuple):
    """What one constraint of the suggestion costs in score: the per-country maximum (`kind`
    empty) or a minimum of one kind of work; `broken` when the committee's changes break it."""

    cost: float
    kind: str
    minimum: int
    broken: bool


@dataclass(frozen=True)
class DecisionPage:
    decision: Decision | None
    places: dict[str, list[Place]]
    scores: dict[str, float]
    costs: list[Cost]
    check: Any
    breaches: list[tuple[str, str]]
    hidden: set[int]
    lock_form: LockForm
    constraints_form: ConstraintsForm
    override_form: OverrideForm
    place_forms: list[tuple[Place, PlaceForm | None]]
    offer_forms: dict[int, OfferForm]
    amendments: Any
    overrides: Any
    problems: list


def may_be_offered(place: Place, now: datetime) -> bool:
    """A laureate's place goes to a reserve once it is declined, or its answer is overdue."""
    if place.answer == Answer.DECLINED:
        return True
    return not place.answer and place.respond_by is not None and place.respond_by <= now


def costs(decision: Decision, broken: set[str]) -> list[Cost]:
    """The suggestion's costs, per constraint: "country" or "kind:<work kind>"."""
    return [
        Cost(
            cost,
            WorkKind(name[5:]).label if name.startswith("kind:") else "",
            decision.min_per_kind.get(name[5:], 0),
            name in broken,
        )
        for name, cost in (decision.suggestion or {}).get("costs", {}).items()
    ]


def _check(decision: Decision | None):
    if decision and decision.record:  # locked: the record, not today's scores
        return services.frozen_check(decision)
    if decision and decision.suggestion:
        return services.check_slate(decision)
    return None


def _constraints(decision: Decision | None) -> dict:
    if decision is None:
        return FIRST_CONSTRAINTS
    return {
        "max_per_country": decision.max_per_country,
        "reserve_count": decision.reserve_count,
        "from_shortlist": decision.from_shortlist,
    } | {f"min_{kind}": n for kind, n in decision.min_per_kind.items()}


def _place_form(place: Place) -> PlaceForm:
    return PlaceForm(
        prefix=f"p{place.pk}",
        initial={
            "reason": place.reason,
            **{f"citation_{k}": v for k, v in place.citation.items()},
            **{f"summary_{k}": v for k, v in place.summary.items()},
        },
    )


def decision_page(
    user: User,
    cycle: Cycle,
    *,
    offered: tuple[int, OfferForm] | None = None,
    placed: tuple[int, PlaceForm] | None = None,
    **forms,
) -> DecisionPage:
    """The page as `user` may see it; `forms` are refused forms to show again as submitted,
    `offered` a place's refused offer form, `placed` a place's refused texts (as typed)."""
    decision = queries.decision_of(cycle)
    places = queries.places(decision)
    laureates = places[PlaceRole.LAUREATE]
    laureate_ids = [place.candidate_id for place in laureates]
    # A leader sees no score, reason or citation of a candidate they have a conflict with.
    hidden = queries.conflicted_candidates(user, cycle)
    suggestion = decision.suggestion if decision else {}
    scores = {pk: v for pk, v in suggestion.get("scores", {}).items() if int(pk) not in hidden}
    check = _check(decision)
    breaches = [(b.name, services.describe(b)) for b in check.breaches] if check else []
    # The suggestion's costs are per constraint ("country", "kind:…"); a breach names the country.
    broken = {"country" if name.startswith("country:") else name for name, _text in breaches}
    now = timezone.now()
    reserves = (
        decision.places.filter(role=PlaceRole.RESERVE).select_related("candidate")
        if decision
        else Place.objects.none()
    )
    return DecisionPage(
        decision=decision,
        places=places,
        scores=scores,
        costs=costs(decision, broken) if decision else [],
        check=check,
        breaches=breaches,
        hidden=hidden,
        lock_form=forms.get("lock_form") or LockForm(breaches=breaches),
        constraints_form=forms.get("constraints_form")
        or ConstraintsForm(initial=_constraints(decision)),
        override_form=forms.get("override_form")
        or OverrideForm(
            laureates=queries.selectable(cycle).filter(pk__in=laureate_ids),
            others=queries.selectable(cycle).exclude(pk__in=laureate_ids),
        ),
        place_forms=[
            (
                place,
                None
                if place.candidate_id in hidden
                else placed[1]
                if placed and placed[0] == place.pk
                else _place_form(place),
            )
            for place in laureates
        ],
        offer_forms={
            place.pk: offered[1]
            if offered and offered[0] == place.pk
            else OfferForm(prefix=f"o{place.pk}", reserves=reserves)
            for place in laureates
            if may_be_offered(place, now)
        },
        amendments=decision.amendments.select_related(
            "place__candidate", "incoming__candidate", "by"
        )
        if decision
        else [],
        overrides=decision.overrides.select_related("removed", "added", "by") if decision else [],
        problems=services.problems(decision) if decision else [],
    )


def meeting_current(user: User, cycle: Cycle) -> dict:
    """What a screen shows of the meeting's current candidate (nothing of it on a conflict),
    and the rounds open for votes."""
    meeting = queries.meeting_of(cycle)
    entry = meeting.current
    hidden = queries.conflicted_candidates(user, cycle)
    conflicted = entry is not None and entry.candidate_id in hidden
    score = None
    if entry is not None and not conflicted:
        rows, _combined, _emails, _reviews = results(cycle)
        score = next((r["result"] for r in rows if r["candidate"].pk == entry.candidate_id), None)
    open_rounds = queries.open_rounds(cycle)
    voted = queries.voted_in(user, open_rounds)
    return {
        "cycle": cycle,
        "meeting": meeting,
        "entry": None if conflicted else entry,
        "conflicted": conflicted,
        "hidden": hidden,
        "score": score,
        "open_rounds": [(r, r.pk in voted) for r in open_rounds],
        "version": queries.meeting_version(meeting, open_rounds, voted),
    }


def meeting_page(user: User, cycle: Cycle, *, record_form: RecordForm | None = None) -> dict:
    """The meeting page as `user` sees it; `record_form`, the record of the current candidate
    as the leader sent it when it was refused (what was typed kept, the error beside it)."""
    context = meeting_current(user, cycle)
    leads = user.has_perm("selection.lead", cycle)
    # A leader with a conflict is conflicted like anyone: no record of that item, not even
    # prefilled in the form (staff lead it).
    entry = None if context["conflicted"] else context["meeting"].current
    agenda = list(queries.shortlist(cycle)) if leads else []
    if leads and entry is not None:
        known = queries.conflicted_members(cycle).get(entry.candidate_id, set())
        context["record_form"] = record_form or RecordForm(
            members=committee_members(cycle),
            initial={
                "arguments": entry.arguments,
                "outcome": entry.outcome,
                # Members with a known conflict are ticked until the record says otherwise.
                "recused": sorted({u.pk for u in entry.recused.all()} | known)
                if entry.recorded_at is None
                else [u.pk for u in entry.recused.all()],
            },
        )
        context["known_conflicts"] = bool(known)
    previous, following = queries.neighbours(agenda, context["meeting"].current)
    context |= {
        "current_entry": entry,
        "shortlist": agenda,
        "previous": previous,
        "next": following,
    }
    return context
