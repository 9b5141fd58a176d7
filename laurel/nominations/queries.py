from typing import Any

from django.db.models import Count, F, Q, QuerySet

from laurel.cycles.models import Cycle
from laurel.nominations.enums import NominationState
from laurel.nominations.models import Nomination

# What staff can filter the list by; anything else in the query string is ignored.
LIST_FILTERS: dict[str, dict[str, Any]] = {
    "": {},
    "confirmed": {"state": NominationState.CONFIRMED},
    "unconfirmed": {"state": NominationState.SUBMITTED},
    "held": {"held_for_moderation": True},
    "withdrawn": {"state": NominationState.WITHDRAWN},
    "lapsed": {"state": NominationState.LAPSED},
    "self": {"relationship": "self"},
}


def staff_nominations(
    cycle: Cycle, *, show: str = "", search: str = "", answers: bool = False
) -> QuerySet:
    """Submitted nominations of a cycle (drafts are the nominators' own business), found by
    organisation, nominator (name or address) or reference; each with the candidate it counts
    for (the placement lives in the candidates app, above: read here by its relation only).
    `answers`: with the answers to the award's questions (the download has them)."""
    rows = Nomination.objects.filter(cycle=cycle, **LIST_FILTERS.get(show, {}))
    search = search.strip()[:100]
    if search:
        rows = rows.filter(
            Q(org_name__icontains=search)
            | Q(nominator_name__icontains=search)
            | Q(nominator_email__icontains=search)
            | Q(reference__iexact=search)
        )
    return (
        rows.exclude(state=NominationState.DRAFT)
        .annotate(attachment_count=Count("attachments"), candidate_id=F("placement__candidate"))
        .only(
            "reference",
            "state",
            "org_name",
            "org_country",
            "relationship",
            "submitted_at",
            "held_for_moderation",
            "moderation_reason",
            "safeguarding_flags",
            "answer_languages",
            "cycle_id",
            *(["question_answers"] if answers else []),
        )
        .order_by("-submitted_at", "-id")
    )


def nomination_counts(cycle: Cycle) -> dict[str, int]:
    rows = dict(Nomination.objects.filter(cycle=cycle).values_list("state").annotate(n=Count("id")))
    held = (
        Nomination.objects.filter(cycle=cycle, held_for_moderation=True)
        .exclude(state=NominationState.DRAFT)
        .count()
    )
    return {**{state: rows.get(state, 0) for state in NominationState.values}, "held": held}


def dashboard_counts(cycle: Cycle) -> dict[str, int]:
    counts = nomination_counts(cycle)
    return {
        "nominations_confirmed": counts[NominationState.CONFIRMED],
        "nominations_unconfirmed": counts[NominationState.SUBMITTED],
        "nominations_held": counts["held"],
        "nominations_drafts": counts[NominationState.DRAFT],
    }
