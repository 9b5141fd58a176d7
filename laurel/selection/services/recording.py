"""The decision record: everything the decision report shows, taken as plain data at the
chair's lock and kept as canonical JSON with its SHA-256 content hash. A locked decision's report
is rendered from this record only (never from live scores); a draft's report from the same
record built live. Later changes are amendments beside it (models.Amendment), never edits."""

import hashlib
import json
from datetime import date, datetime
from typing import Any, overload

from django.db.models import Max, Min

from laurel.accounts.models import User
from laurel.accounts.queries import committee_members
from laurel.accounts.rules import chairs
from laurel.candidates.enums import CandidateState
from laurel.candidates.models import Candidate
from laurel.cycles.models import Cycle
from laurel.nominations.enums import COUNTING_STATES
from laurel.nominations.models import Nomination
from laurel.review.enums import BLOCKING_STATES, ReviewState
from laurel.review.models import Review
from laurel.review.queries import conflict_register, results
from laurel.selection import queries
from laurel.selection.enums import PlaceRole, RoundState
from laurel.selection.models import Decision, Place
from laurel.selection.services.checking import check_slate

VERSION = 1


def canonical(record: dict) -> str:
    """One spelling of a record: sorted keys, no spaces, UTF-8 text as is."""
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(record: dict) -> str:
    return hashlib.sha256(canonical(record).encode()).hexdigest()


@overload
def _person(user: User) -> dict[str, Any]: ...
@overload
def _person(user: User | None) -> dict[str, Any] | None: ...
def _person(user: User | None) -> dict[str, Any] | None:
    if user is None:
        return None
    return {"id": user.pk, "name": user.full_name or user.email}


def _when(value: date | datetime | None) -> str | None:
    return value.isoformat() if value else None


def build_record(cycle: Cycle, decision: Decision | None, *, round_topics: bool = True) -> dict:
    """The decision as the report tells it, as plain JSON data (ids, names, codes, numbers).
    `round_topics=False` leaves out what each round decided: migration 0005 builds records
    with this code before the column holding it exists."""
    found = results(cycle)
    ranked = {row["candidate"].pk: rank for rank, row in enumerate(found[0], start=1)}
    places = queries.places(decision)
    in_decision = {p.candidate_id for role in places.values() for p in role}
    shortlist = list(queries.shortlist(cycle))
    discussed = {e.candidate_id for e in shortlist} | in_decision
    names = {c.pk: c.name for c in Candidate.objects.filter(cycle=cycle)}
    committee = sorted(
        (
            {**_person(member), "chair": chairs(member, cycle)}
            for member in committee_members(cycle)
        ),
        key=lambda person: not person["chair"],  # the chair first, then the members
    )
    # When the committee really reviewed: its first and last submitted review (the phase's
    # planned end date says nothing of it).
    reviewed = Review.objects.filter(
        cycle=cycle, state=ReviewState.SUBMITTED, submitted_at__isnull=False
    ).aggregate(first=Min("submitted_at"), last=Max("submitted_at"))
    found_rounds = queries.rounds(cycle).order_by("number")
    if not round_topics:
        found_rounds = found_rounds.defer("topic")
    rounds = [r for r in found_rounds if r.state == RoundState.CLOSED]
    scores = {row["candidate"].pk: round(row["result"].normalised_total, 4) for row in found[0]}
    record = {
        "version": VERSION,
        "cycle": {
            "id": cycle.pk,
            "slug": cycle.slug,
            "name": cycle.name,
            "theme": cycle.theme,
            "laureate_count": cycle.laureate_count,
            "nominations_open_at": _when(cycle.nominations_open_at),
            "nominations_close_at": _when(cycle.nominations_close_at),
            "review_open_at": _when(cycle.review_open_at),
            "review_close_at": _when(cycle.review_close_at),
            "first_review_at": _when(reviewed["first"]),
            "last_review_at": _when(reviewed["last"]),
        },
        "counts": {
            "nominations": Nomination.objects.filter(
                cycle=cycle, state__in=COUNTING_STATES
            ).count(),
            "candidates": Candidate.objects.filter(cycle=cycle)
            .exclude(state=CandidateState.MERGED)
            .count(),
            "eligible": Candidate.objects.filter(
                cycle=cycle, state=CandidateState.ELIGIBLE
            ).count(),
            "ready": queries.selectable(cycle).count(),
            "reviewed": len(found[0]),
            "shortlisted": len(shortlist),
        },
        "committee": committee,
        "conflicts": [
            {
                "member": (c.member.full_name or c.member.email),
                "candidate": c.candidate_id,
                "name": c.candidate.name,
                "kind": c.kind,
            }
            for c in conflict_register(cycle)
            if c.state in BLOCKING_STATES
        ],
        "alpha": None if found[1].alpha is None else round(found[1].alpha, 4),
        "scores": [
            {
                "candidate": row["candidate"].pk,
                "name": row["candidate"].name,
                "country": row["candidate"].country,
                "rank": ranked[row["candidate"].pk],
                "reviews": row["result"].reviews,
                "normalised": round(row["result"].normalised_total, 4),
                "weighted": round(row["result"].weighted_total, 4),
            }
            for row in found[0]
            if row["candidate"].pk in discussed
        ],
        "shortlist": [
            {
                "candidate": e.candidate_id,
                "name": e.candidate.name,
                "list": e.kind,
                "outcome": e.outcome,
                "note": e.note,
                "arguments": e.arguments,
                "recused": [p.full_name or p.email for p in e.recused.all()],
            }
            for e in shortlist
        ],
        # Tallies only: a secret round never had ballots of its own to record.
        "rounds": [
            {
                "number": r.number,
                "topic": r.topic if round_topics else "",
                "method": r.method,
                "secret": r.secret,
                "rows": [
                    {**row, "name": names.get(row["candidate"])} for row in r.result.get("rows", [])
                ],
            }
            for r in rounds
        ],
        "decision": _decision(decision, places, scores) if decision else None,
    }
    return record


def _decision(decision: Decision, places: dict, scores: dict[int, float]) -> dict:
    check = check_slate(decision, scores=scores)
    suggestion = decision.suggestion or {}

    def place(p: Place) -> dict[str, Any]:
        return {
            "candidate": p.candidate_id,
            "name": p.candidate.name,
            "country": p.candidate.country,
            "kinds": list(p.candidate.work_kinds),
            "position": p.position,
            "score": scores.get(p.candidate_id),
            "reason": p.reason,
            "citation": {k: p.citation.get(k, "") for k in ("sv", "en")},
            "summary": {k: p.summary.get(k, "") for k in ("sv", "en")},
        }

    return {
        "state": decision.state,
        "constraints": {
            "laureates": decision.cycle.laureate_count,
            "max_per_country": decision.max_per_country,
            "min_per_kind": decision.min_per_kind,
            "from_shortlist": decision.from_shortlist,
        },
        "suggested": {
            "score": suggestion.get("score"),
            "unconstrained_score": suggestion.get("unconstrained_score"),
            "costs": suggestion.get("costs", {}),
        },
        "slate": {
            "total": check.total,
            "cost": check.cost,
            "given_up": check.given_up,
            "breaches": [
                {"name": b.name, "count": b.count, "limit": b.limit} for b in check.breaches
            ],
            "reasons": dict(decision.breach_reasons or {}),
        },
        "overrides": [
            {
                "removed": o.removed_id,
                "removed_name": o.removed.name,
                "added": o.added_id,
                "added_name": o.added.name,
                "reason": o.reason,
                "by": _person(o.by),
                "at": _when(o.at),
            }
            for o in decision.overrides.select_related("removed", "added", "by")
        ],
        "laureates": [place(p) for p in places[PlaceRole.LAUREATE]],
        "reserves": [place(p) for p in places[PlaceRole.RESERVE]],
        "locked_by": _person(decision.locked_by),
        "locked_at": _when(decision.locked_at),
    }
