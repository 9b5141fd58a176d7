"""What the screening pages read: the queue of hits to decide, one hit with its entry, the
lists' versions and age, and a payment's screening record."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Case, Prefetch, QuerySet, Value, When
from django.utils import timezone

from laurel.sanctions.enums import HitState, ScreenedRole, Source
from laurel.sanctions.models import EntryBirthDate, EntryName, Hit, ListSnapshot, Screening

QUEUE_STATES = (HitState.OPEN, HitState.AWAITING_SECOND, HitState.CONFIRMED)


def queue() -> QuerySet[Hit]:
    """The hits of every name's newest screening still to decide (or confirmed: a confirmed
    hit blocks a payment for as long as it stands): open ones first, then those awaiting a
    second member of staff, then the confirmed; strong ones first in each."""
    return (
        Hit.objects.filter(screening__current=True, state__in=QUEUE_STATES)
        .select_related("screening", "entry__snapshot", "first_cleared_by", "decided_by")
        .annotate(
            waiting=Case(
                When(state=HitState.OPEN, then=Value(0)),
                When(state=HitState.AWAITING_SECOND, then=Value(1)),
                default=Value(2),
            )
        )
        .order_by("waiting", "-strong", "-score", "id")
    )


def hit_with_entry(pk: int) -> Hit:
    """One hit, the list entry beside it: every name, birth date and the list it is from."""
    return (
        Hit.objects.select_related(
            "screening__screened_by", "entry__snapshot", "first_cleared_by", "decided_by"
        )
        .prefetch_related(
            Prefetch("entry__names", EntryName.objects.order_by("-primary", "id")),
            Prefetch("entry__birth_dates", EntryBirthDate.objects.all()),
            "screening__snapshots",
        )
        .get(pk=pk)
    )


def newest_hits(hit: Hit) -> list[Hit]:
    """The hits of the newest screening of the name `hit`'s screening screened (after an
    import or a re-screen, the ones that count)."""
    return list(
        Hit.objects.filter(screening__subject=hit.screening.subject, screening__current=True)
        .select_related("entry__snapshot")
        .order_by("-strong", "-score", "id")
    )


@dataclass(frozen=True)
class ListAge:
    source: str
    label: str
    snapshot: ListSnapshot | None
    days: int | None
    stale: bool  # older than settings.SANCTIONS_LIST_MAX_AGE_DAYS, or never imported


def list_ages(today: date | None = None) -> list[ListAge]:
    """Each list's current version and its age in days (from its publication)."""
    today = today or timezone.localdate()
    current = {s.source: s for s in ListSnapshot.objects.filter(current=True)}
    limit = settings.SANCTIONS_LIST_MAX_AGE_DAYS
    ages = []
    for source in Source:
        snapshot = current.get(source.value)
        days = (today - snapshot.published_on).days if snapshot else None
        ages.append(
            ListAge(source.value, str(source.label), snapshot, days, days is None or days > limit)
        )
    return ages


@dataclass(frozen=True)
class Record:
    """One payee's screening as the evidence shows it: its newest screening (None: never
    screened) and that screening's hits."""

    key: str
    role: str
    screening: Screening | None
    hits: list[Hit]


def screening_record(subjects: Iterable[Any]) -> list[Record]:
    """The newest screening of each subject (`screening.Subject`s), with its hits and lists."""
    keys = [subject.key for subject in subjects]
    found = {
        screening.subject: screening
        for screening in Screening.objects.filter(subject__in=keys, current=True)
        .select_related("screened_by")
        .prefetch_related(
            "snapshots",
            Prefetch(
                "hits",
                Hit.objects.select_related("entry__snapshot", "first_cleared_by", "decided_by"),
            ),
        )
    }
    return [
        Record(
            subject.key,
            str(ScreenedRole(subject.role).label),
            found.get(subject.key),
            list(found[subject.key].hits.all()) if subject.key in found else [],
        )
        for subject in subjects
    ]


def screening_counts(cycle: Any) -> dict[str, int]:
    """What the staff dashboard shows (cycles.queries, DASHBOARD_SOURCES): hits open or
    awaiting a second member of staff, and lists older than allowed or never imported (a
    warning: a payment's payees are screened against them)."""
    waiting = queue().filter(state__in=(HitState.OPEN, HitState.AWAITING_SECOND)).count()
    return {"sanctions_hits": waiting, "sanctions_lists_stale": sum(a.stale for a in list_ages())}
