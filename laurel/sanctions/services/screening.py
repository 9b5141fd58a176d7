"""Screening names against the current lists, and what staff decide about each hit.

`screen` screens names (each a `Subject`: whose, what role, person or organisation, the name,
a birth date and citizenship when known) against the current snapshot of every list and keeps a
`Screening` per name with its `Hit`s. `decide` clears a hit as a false match or confirms it,
with a reason; clearing a strong hit takes two members of staff. `blocking` says what stands
in the way of paying someone: a name never screened against the current lists, or a hit open
or confirmed. `rescreen` screens every name screened before again, after an import: a hit
cleared before against the same entry, for the same name, with the entry's names unchanged, is
carried over; any other match opens.

The callers are above this app (laureates' payments, candidates' readiness): they say whose
names to screen; this module knows lists, names and decisions, never laureates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from laurel.candidates.models import Candidate
from laurel.core.services import ServiceError, TransitionRefused, record, transition
from laurel.nominations.models import Nomination
from laurel.sanctions.enums import HIT_TRANSITIONS, HitState, ScreenedRole
from laurel.sanctions.matching import (
    KEYS_VERSION,
    ORGANISATION,
    PERSON,
    BirthDate,
    Index,
    Listed,
    stored_keys,
)
from laurel.sanctions.models import (
    EntryBirthDate,
    EntryName,
    Hit,
    ListEntry,
    ListSnapshot,
    Screening,
)

if TYPE_CHECKING:
    from laurel.accounts.models import User

OPEN_STATES = (HitState.OPEN, HitState.AWAITING_SECOND)
BLOCKING_STATES = (*OPEN_STATES, HitState.CONFIRMED)


class ScreeningRefused(ServiceError):
    """A decision that cannot be taken (no reason, decided already, the same person twice)."""


@dataclass(frozen=True)
class Subject:
    """A name to screen and whose it is: `key` as the caller keys it ("laureate:3")."""

    key: str
    role: str
    kind: str
    name: str
    born: date | None = None
    citizenship: str = ""


# The index of the current snapshots, built once for each set of them (an import makes
# another). Keyed by each snapshot's row and file and import time: a row number alone may
# name another snapshot after a restore.
_INDEX: dict[tuple, Index] = {}


def current_snapshots() -> list[ListSnapshot]:
    return list(ListSnapshot.objects.filter(current=True).order_by("source"))


def index_of(snapshots: Sequence[ListSnapshot]) -> Index:
    """The names of these snapshots' entries, read once a process for each set of snapshots."""
    key = tuple(sorted((s.pk, s.sha256, s.imported_at.isoformat()) for s in snapshots))
    if key not in _INDEX:
        _INDEX.clear()  # only the current lists are ever screened against
        _INDEX[key] = _build([pk for pk, _sha, _at in key])
    return _INDEX[key]


NONE: frozenset[str] = frozenset()


def _build(snapshot_ids: Iterable[int]) -> Index:
    """The index of these snapshots' names, each looked up by the keys stored with it at import
    (computed again first, and stored, for a snapshot whose keys an older matcher wrote)."""
    snapshot_ids = list(snapshot_ids)
    for snapshot in ListSnapshot.objects.filter(pk__in=snapshot_ids).exclude(
        keys_version=KEYS_VERSION
    ):
        _rekey(snapshot)
    births: dict[int, list[BirthDate]] = {}
    for row in EntryBirthDate.objects.filter(entry__snapshot__in=snapshot_ids).values_list(
        "entry_id", "year", "year_to", "month", "day", "circa"
    ):
        births.setdefault(row[0], []).append(BirthDate(*row[1:]))
    # Citizenships narrow only people's hits: read once an entry, not once a name.
    countries = {
        entry: frozenset(codes)
        for entry, codes in ListEntry.objects.filter(snapshot__in=snapshot_ids, kind=PERSON)
        .exclude(citizenships=[])
        .values_list("pk", "citizenships")
    }
    rows = EntryName.objects.filter(entry__snapshot__in=snapshot_ids).values_list(
        "entry_id", "entry__kind", "whole_name", "weak", "keys"
    )
    return Index.of_stored(
        (
            Listed(
                entry, kind, name, weak, tuple(births.get(entry, ())), countries.get(entry, NONE)
            ),
            keys,
        )
        for entry, kind, name, weak, keys in rows.iterator(chunk_size=5000)
    )


@transaction.atomic
def _rekey(snapshot: ListSnapshot) -> None:
    """The snapshot's names' keys as this matcher computes them (`matching.KEYS_VERSION`): one
    UPDATE a name, sent as one batch: 0.4 s for 42,891 names on SQLite, where bulk_update's
    CASE statements took 10 s (bench, 2026-12-08)."""
    rows = EntryName.objects.filter(entry__snapshot=snapshot).values_list(
        "pk", "entry__kind", "whole_name"
    )
    table, column, key = map(connection.ops.quote_name, (EntryName._meta.db_table, "keys", "id"))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET {column} = %s WHERE {key} = %s",  # noqa: S608 (names, not input)
            [(stored_keys(kind, name), pk) for pk, kind, name in rows.iterator(chunk_size=5000)],
        )
    ListSnapshot.objects.filter(pk=snapshot.pk).update(keys_version=KEYS_VERSION)


def screen(subjects: Sequence[Subject], *, actor: User | None = None) -> list[Screening]:
    """Screen each name against the current lists; its new Screening, hits and all. Without
    any list imported, nothing is screened (an empty list)."""
    snapshots = current_snapshots()
    if not snapshots:
        return []
    index = index_of(snapshots)
    return [_screened(subject, index, snapshots, actor) for subject in subjects]


def _screened(
    subject: Subject, index: Index, snapshots: list[ListSnapshot], actor: User | None
) -> Screening:
    try:
        return _screen_one(subject, index, snapshots, actor)
    except IntegrityError:
        # Screened at the same instant by another request (one current screening a subject,
        # a constraint holds it): that one is current now, and this one replaces it.
        return _screen_one(subject, index, snapshots, actor)


@transaction.atomic
def _screen_one(
    subject: Subject, index: Index, snapshots: list[ListSnapshot], actor: User | None
) -> Screening:
    earlier = list(Screening.objects.select_for_update().filter(subject=subject.key, current=True))
    Screening.objects.filter(pk__in=[s.pk for s in earlier]).update(current=False)
    screening = Screening.objects.create(
        subject=subject.key,
        role=subject.role,
        kind=subject.kind,
        name=subject.name,
        born=subject.born,
        citizenship=subject.citizenship,
        screened_by=actor,
    )
    screening.snapshots.set(snapshots)
    if subject.kind == ORGANISATION:
        found = index.screen_organisation(subject.name)
    else:
        found = index.screen_person(
            subject.name, born=subject.born, citizenship=subject.citizenship
        )
    cleared = _clearances(subject, earlier)
    for hit in found:
        carried = cleared.get(hit.listed.entry) or _same_entry_cleared(hit.listed.entry, cleared)
        Hit.objects.create(
            screening=screening,
            entry_id=hit.listed.entry,
            listed_name=hit.listed.name[:500],
            score=Decimal(str(round(hit.score, 3))),
            strong=hit.strong,
            reasons=list(hit.reasons),
            **_carried(carried),
        )
    hits = len(found)
    record(
        "sanctions.screened",
        actor=actor,
        subject=screening,
        # The name stays out of the log: it may be a person's, or a bank account's holder.
        summary=f"{subject.key}: {hits} hit(s)",
        data={"subject": subject.key, "hits": hits, "snapshots": [s.pk for s in snapshots]},
    )
    return screening


def _clearances(subject: Subject, earlier: list[Screening]) -> dict[int, Hit]:
    """The hits cleared in the subject's last screening, if whom it screened is the same: the
    name, birth date and citizenship (a clearance may rest on any of them)."""
    whom = (subject.name, subject.born, subject.citizenship)
    same = [s for s in earlier if (s.name, s.born, s.citizenship or "") == whom]
    return {
        hit.entry_id: hit
        for screening in same
        for hit in screening.hits.filter(state=HitState.CLEARED).select_related("entry")
    }


def _same_entry_cleared(entry_id: int, cleared: dict[int, Hit]) -> Hit | None:
    """A clearance of the same list entry in an earlier snapshot (its reference and source the
    same, its names unchanged): a new import writes new rows for the same entries."""
    if not cleared:
        return None
    entry = ListEntry.objects.select_related("snapshot").get(pk=entry_id)
    names = sorted(entry.names.values_list("whole_name", flat=True))
    for hit in cleared.values():
        old = hit.entry
        if (old.reference, old.snapshot.source) != (entry.reference, entry.snapshot.source):
            continue
        if sorted(old.names.values_list("whole_name", flat=True)) == names:
            return hit
    return None


def _carried(hit: Hit | None) -> dict:
    if hit is None:
        return {}
    return {
        "state": HitState.CLEARED,
        "carried_from": hit,
        "decided_by_id": hit.decided_by_id,
        "first_cleared_by_id": hit.first_cleared_by_id,
        "decided_at": hit.decided_at,
        "reason": hit.reason,
    }


REPLACED = gettext_lazy(
    "The name was screened again since: this hit no longer counts. Decide the hit of the "
    "newest screening instead."
)


class HitDecided(TransitionRefused, ScreeningRefused):
    text = gettext_lazy("This hit was decided already.")

    def describe(self, obj: models.Model, state: str, to: str) -> str:
        return str(self.text)


@transaction.atomic
def decide(hit: Hit, *, clear: bool, reason: str, actor: User) -> Hit:
    """Clear a hit as a false match (`clear`) or confirm it, with a reason. A strong hit
    cleared once waits for a second member of staff, who must not be the first."""
    if not actor.has_perm("sanctions.decide_hit"):
        raise ScreeningRefused(_("Only the secretariat decides a hit."))
    hit = Hit.objects.select_for_update().select_related("screening", "entry").get(pk=hit.pk)
    # Locked as a re-screen locks it before replacing it: a hit of a screening replaced since
    # counts no more, and a decision on it would stand in the record as if it had.
    if not Screening.objects.select_for_update().get(pk=hit.screening_id).current:
        raise ScreeningRefused(str(REPLACED))
    reason = reason.strip()
    if not reason:
        raise ScreeningRefused(_("Say why: the reason is what the auditors read."))
    second = hit.state == HitState.AWAITING_SECOND
    if second and hit.first_cleared_by_id == actor.pk:
        raise ScreeningRefused(
            _("You cleared this hit first: another member of staff must agree (four eyes).")
        )
    if clear and hit.strong and not second:
        to, fields = HitState.AWAITING_SECOND, ["first_cleared_by", "first_reason"]
        hit.first_cleared_by, hit.first_reason = actor, reason
    else:
        to = HitState.CLEARED if clear else HitState.CONFIRMED
        fields = ["decided_by", "decided_at", "reason"]
        hit.decided_by, hit.decided_at, hit.reason = actor, timezone.now(), reason
    transition(
        hit, to, HIT_TRANSITIONS, key=f"sanctions.hit_{'cleared' if clear else 'confirmed'}",
        actor=actor, fields=fields, refused=HitDecided,
        summary=f"{hit.screening.subject} ~ {hit.entry.reference}",
        data={"state": to, "strong": hit.strong, "reason": reason},
    )  # fmt: skip
    return hit


def screen_candidates(candidate_ids: Iterable[int], *, actor: User | None = None) -> int:
    """Screen each candidate's name and every other name its nominators wrote for it (as
    aliases), each name a subject of its own; how many names were screened."""
    subjects = []
    for candidate in Candidate.objects.filter(pk__in=list(candidate_ids)).order_by("pk"):
        names = [candidate.name, *_aliases(candidate)]
        for number, name in enumerate(dict.fromkeys(n.strip() for n in names if n.strip())):
            key = f"candidate:{candidate.pk}" + (f":{number}" if number else "")
            subjects.append(
                Subject(
                    key, ScreenedRole.CANDIDATE, ORGANISATION, name, citizenship=candidate.country
                )
            )
    return len(screen(subjects, actor=actor))


def _aliases(candidate: Candidate) -> list[str]:
    return list(
        Nomination.objects.filter(placement__candidate=candidate)
        .values_list("org_name", flat=True)
        .distinct()
    )


def screen_person(
    prefix: str, *, name: str, born: date | None, citizenship: str, actor: User
) -> Screening | None:
    """Screen a person staff name by hand (a laureate's signatory or board member) as a new
    subject under `prefix` ("signatory:3:"); kept as its screening, so that every import
    screens them again and `subjects_under` finds them. None: no list to screen against."""
    taken = Screening.objects.filter(subject__startswith=prefix).values_list("subject", flat=True)
    number = 1 + max((int(key.removeprefix(prefix)) for key in taken), default=0)
    subject = Subject(f"{prefix}{number}", ScreenedRole.PERSON, PERSON, name.strip(), born,
                      citizenship)  # fmt: skip
    return next(iter(screen([subject], actor=actor)), None)


def subjects_under(prefix: str) -> list[Subject]:
    """The people screened by hand under `prefix`, as their newest screening has them."""
    found = Screening.objects.filter(subject__startswith=prefix, current=True).order_by("pk")
    return [_subject_of(screening) for screening in found]


def _against(screening: Screening | None, wanted: set[int]) -> bool:
    """Whether a screening was made against exactly these snapshots (the current ones)."""
    return screening is not None and {s.pk for s in screening.snapshots.all()} == wanted


def _subject_of(screening: Screening) -> Subject:
    """The name a screening screened, to screen again."""
    return Subject(
        screening.subject, screening.role, screening.kind, screening.name, screening.born,
        screening.citizenship,
    )  # fmt: skip


def stale_keys(keys: Iterable[str]) -> list[str]:
    """Of these subjects, those not screened against the current lists."""
    wanted = {snapshot.pk for snapshot in current_snapshots()}
    if not wanted:
        return []
    return [
        key
        for key in keys
        if not _against(Screening.objects.filter(subject=key, current=True).first(), wanted)
    ]


def blocking(keys: Iterable[str]) -> list[str]:
    """What stands in the way of paying these subjects, in words (nothing: they may be paid).
    A name not screened against the current lists, or one with a hit open or confirmed. No
    list imported at all: nothing can be screened, and nothing is blocked (the dashboard says
    the lists are missing)."""
    snapshots = current_snapshots()
    if not snapshots:
        return []
    wanted = {snapshot.pk for snapshot in snapshots}
    problems = []
    for key in keys:
        screening = Screening.objects.filter(subject=key, current=True).first()
        if screening is None or not _against(screening, wanted):
            problems.append(_("%(who)s is not screened against the current lists.") % {"who": key})
            continue
        for hit in screening.hits.filter(state__in=BLOCKING_STATES).select_related("entry"):
            problems.append(
                _("%(who)s: a hit on %(name)s (%(reference)s) is %(state)s.")
                % {
                    "who": key,
                    "name": hit.listed_name,
                    "reference": hit.entry.reference,
                    "state": hit.get_state_display().lower(),
                }
            )
    return problems


def rescreen(*, actor: User | None = None) -> int:
    """Screen again every name whose newest screening was against other lists than the
    current ones (after an import); how many were screened."""
    snapshots = current_snapshots()
    if not snapshots:
        return 0
    wanted = {snapshot.pk for snapshot in snapshots}
    subjects = [
        _subject_of(screening)
        for screening in Screening.objects.filter(current=True).prefetch_related("snapshots")
        if not _against(screening, wanted)
    ]
    return len(screen(subjects, actor=actor))
