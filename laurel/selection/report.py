"""The decision report for the board: one PDF made by WeasyPrint from an HTML template."""

from django.utils import timezone

from laurel.candidates.enums import CandidateState
from laurel.candidates.models import Candidate
from laurel.core.pdf import render_pdf
from laurel.cycles.models import Cycle
from laurel.nominations.enums import COUNTING_STATES
from laurel.nominations.models import Nomination
from laurel.review.enums import BLOCKING_STATES
from laurel.review.queries import (
    conflict_register,
    conflicted_candidates,
    results,
    without_candidates,
)
from laurel.selection import queries
from laurel.selection.enums import RoundState


def report_context(cycle: Cycle, *, reader) -> dict:
    """The report as `reader` may read it: of a candidate they have a conflict with, only its
    name where the decision names it, never its scores, its record, its votes or its reasons."""
    decision = queries.decision_of(cycle)
    hidden = conflicted_candidates(reader, cycle)
    found = results(cycle)
    rows, combined, _emails, _reviews = without_candidates(found, hidden)
    places = queries.places(decision)
    in_decision = {p.candidate_id: p for role in places.values() for p in role}
    shortlist = list(queries.shortlist(cycle))
    discussed = {e.candidate_id for e in shortlist} | set(in_decision)
    names = {c.pk: c.name for c in Candidate.objects.filter(cycle=cycle)}
    rounds = [r for r in queries.rounds(cycle).order_by("number") if r.state == RoundState.CLOSED]
    return {
        "cycle": cycle,
        "decision": decision,
        "generated_at": timezone.localtime(timezone.now(), cycle.zone),
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
        "committee": queries.committee_members(cycle),
        "conflicts": [c for c in conflict_register(cycle) if c.state in BLOCKING_STATES],
        "alpha": combined.alpha,
        "rows": [r for r in rows if r["candidate"].pk in discussed],
        "shortlist": shortlist,
        "rounds": [
            (
                r,
                [
                    {**row, "name": names.get(row["candidate"])}
                    for row in r.result.get("rows", [])
                    if row["candidate"] not in hidden
                ],
            )
            for r in rounds
        ],
        "places": places,
        "overrides": (
            decision.overrides.select_related("removed", "added", "by") if decision else []
        ),
        "costs": decision.suggestion.get("costs", {}) if decision else {},
        "hidden": hidden,
    }


def decision_report(cycle: Cycle, *, reader) -> bytes:
    return render_pdf("selection/report.html", report_context(cycle, reader=reader))
