"""Where each candidate stands on its way to the committee: what it still needs, for the
screening progress page and for marking many ready at once. A fixed number of queries for any
number of candidates."""

import dataclasses

from django.utils.translation import gettext as _

from laurel.candidates.enums import (
    ACTIVE_STATES,
    DILIGENCE_DONE,
    CandidateState,
    Consent,
    DiligenceArea,
)
from laurel.candidates.models import Candidate, DiligenceCheck
from laurel.cycles.models import Cycle
from laurel.nominations.enums import COUNTING_STATES
from laurel.nominations.models import Nomination


@dataclasses.dataclass
class Readiness:
    """Where one candidate stands on its way to the committee. `missing` is what stands
    between it and being marked ready (services.mark_ready's own conditions); consent is
    shown beside it, as the organisation's answer, and does not block."""

    candidate: Candidate
    diligence_done: int
    counting: int
    prepared: int
    missing: list[str] = dataclasses.field(default_factory=list)

    @property
    def ready(self) -> bool:
        return self.candidate.ready_for_committee

    @property
    def can_be_marked(self) -> bool:
        return not self.ready and not self.missing

    @property
    def awaiting_consent(self) -> bool:
        return self.candidate.consent == Consent.PENDING


def readiness_of(candidates: list[Candidate]) -> dict[int, Readiness]:
    """Readiness for the committee of many candidates in two queries, whatever their number."""
    ids = [candidate.pk for candidate in candidates]
    done: dict[int, set[str]] = {}
    checks = DiligenceCheck.objects.filter(candidate_id__in=ids, status__in=DILIGENCE_DONE)
    for candidate_id, area in checks.values_list("candidate_id", "area"):
        done.setdefault(candidate_id, set()).add(area)
    counting: dict[int, list[tuple[str, bool]]] = {}
    nominations = Nomination.objects.filter(
        placement__candidate_id__in=ids, state__in=COUNTING_STATES
    ).order_by("submitted_at", "id")
    for candidate_id, reference, version in nominations.values_list(
        "placement__candidate_id", "reference", "committee_version"
    ):
        counting.setdefault(candidate_id, []).append((reference, version is not None))
    result = {}
    for candidate in candidates:
        areas = done.get(candidate.pk, set())
        held = counting.get(candidate.pk, [])
        missing = []
        if candidate.state != CandidateState.ELIGIBLE:
            missing.append(_("the candidate is not screened eligible"))
        missing += [
            _("due diligence: %(area)s") % {"area": area.label}
            for area in DiligenceArea
            if area.value not in areas
        ]
        missing += [
            _("the committee's version of %(reference)s") % {"reference": reference}
            for reference, prepared in held
            if not prepared
        ]
        result[candidate.pk] = Readiness(
            candidate=candidate,
            diligence_done=len(areas),
            counting=len(held),
            prepared=sum(1 for _reference, prepared in held if prepared),
            missing=missing,
        )
    return result


PROGRESS_FILTERS = ["ready", "can_be_marked", "missing", "awaiting_consent"]


def screening_progress(cycle: Cycle, *, show: str = "") -> tuple[list[Readiness], dict[str, int]]:
    """Every candidate being screened, with what it still needs, and the counts of the whole
    cycle (before `show` narrows the rows): three queries for any number of candidates."""
    candidates = list(
        Candidate.objects.filter(cycle=cycle, state__in=ACTIVE_STATES).order_by("name", "id")
    )
    rows = list(readiness_of(candidates).values())
    counts = {
        "candidates": len(rows),
        "to_screen": sum(1 for r in rows if r.candidate.state == CandidateState.TO_SCREEN),
        "eligible": sum(1 for r in rows if r.candidate.state == CandidateState.ELIGIBLE),
        "diligence_complete": sum(1 for r in rows if r.diligence_done == len(DiligenceArea)),
        "versions_complete": sum(1 for r in rows if r.counting and r.prepared == r.counting),
        "awaiting_consent": sum(1 for r in rows if r.awaiting_consent),
        "consented": sum(1 for r in rows if r.candidate.consent == Consent.GIVEN),
        "can_be_marked": sum(1 for r in rows if r.can_be_marked),
        "ready": sum(1 for r in rows if r.ready),
    }
    tests = {
        "ready": lambda r: r.ready,
        "can_be_marked": lambda r: r.can_be_marked,
        "missing": lambda r: not r.ready and bool(r.missing),
        "awaiting_consent": lambda r: r.awaiting_consent,
    }
    if show in tests:
        rows = [row for row in rows if tests[show](row)]
    return rows, counts
