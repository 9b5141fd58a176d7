"""What the screening services share: the error staff see, state moves, matching records."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import Any

from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.candidates.enums import ACTIVE_STATES, ALLOWED_TRANSITIONS, UNDO_TRANSITIONS
from laurel.candidates.matching import Record, find_duplicates
from laurel.candidates.models import Candidate, DuplicateSuggestion, Organisation, Placement
from laurel.core.services import ServiceError, TransitionRefused, transition
from laurel.cycles.models import Cycle

# Nominations of one candidate from one email domain or one network, this many within this
# time, are flagged as coordinated.
COORDINATED_COUNT = 3
COORDINATED_WINDOW = timedelta(hours=48)
# How many other names an organisation keeps (Organisation.aliases): the first ones stay.
ALIAS_LIMIT = 20


class ScreeningError(ServiceError):
    """A screening step that cannot be done; the message says why, for staff."""


class StepRefused(TransitionRefused, ScreeningError):
    def describe(self, obj: models.Model, state: str, to: str) -> str:
        return _("This candidate is %(state)s: that step is not possible now.") % {
            "state": state.lower()
        }


def _move(
    candidate: Candidate,
    state: str,
    *,
    key: str,
    actor: User | None,
    undo: bool = False,
    summary: str = "",
    **audit: Any,
) -> None:
    """The candidate's state machine (enums.ALLOWED_TRANSITIONS); undoing a merge or a refusal
    puts a candidate back where it was (enums.UNDO_TRANSITIONS), which nothing else may."""
    transition(
        candidate, state, UNDO_TRANSITIONS if undo else ALLOWED_TRANSITIONS, key=key,
        actor=actor, summary=summary or candidate.name, refused=StepRefused, **audit,
    )  # fmt: skip


def _same_text(text: str) -> str:
    return " ".join(text.split()).casefold()


def _others(main: str, texts: Iterable[str]) -> tuple[str, ...]:
    """`texts` without blanks, repeats (case and spacing aside) and `main` itself, in order."""
    seen = {_same_text(main)}
    kept = []
    for text in texts:
        key = _same_text(text or "")
        if key and key not in seen:
            seen.add(key)
            kept.append(" ".join(text.split()))
    return tuple(kept)


def remember_names(organisation: Organisation, names: Iterable[str]) -> list[str]:
    """Add `names` to the organisation's other names (not saved): never its own name, never
    twice, at most ALIAS_LIMIT in all, the first ones kept. Returns the names added."""
    current = list(organisation.aliases or [])
    known = [organisation.name, *current]
    added = [
        name
        for name in _others("", names)
        if _same_text(name) not in {_same_text(other) for other in known}
    ][: max(ALIAS_LIMIT - len(current), 0)]
    organisation.aliases = current + added
    return added


def forget_names(organisation: Organisation, names: Iterable[str]) -> None:
    """Take `names` out of the organisation's other names again (not saved)."""
    gone = set(names)
    organisation.aliases = [name for name in organisation.aliases or [] if name not in gone]


def organisation_record(
    organisation: Organisation,
    *,
    key: int = 0,
    names: Iterable[str] = (),
    websites: Iterable[str] = (),
) -> Record:
    """The organisation as matching sees it: its name, other names, website, registration."""
    return _record(
        key,
        organisation.name,
        organisation.country,
        organisation.website,
        organisation.registration_number,
        [*(organisation.aliases or []), *names],
        websites,
    )


def _record(
    key: int,
    name: str,
    country: str,
    website: str,
    registration: str,
    names: Iterable[str],
    websites: Iterable[str],
) -> Record:
    return Record(
        key=key,
        name=name,
        country=country,
        website=website,
        registration=registration,
        aliases=_others(name, names),
        websites=_others(website, websites),
    )


def cycle_records(cycle: Cycle) -> list[Record]:
    """The cycle's active candidates as matching sees them (as `records_of`), read as plain
    rows: every nomination is compared with all of them, so no model is built for it."""
    names: dict[int, list[str]] = defaultdict(list)
    websites: dict[int, list[str]] = defaultdict(list)
    for candidate_id, name, website in (
        Placement.objects.filter(candidate__cycle=cycle, candidate__state__in=ACTIVE_STATES)
        .order_by("placed_at", "pk")
        .values_list("candidate_id", "nomination__org_name", "nomination__org_website")
    ):
        names[candidate_id].append(name)
        websites[candidate_id].append(website)
    rows = (
        Candidate.objects.filter(cycle=cycle, state__in=ACTIVE_STATES)
        .order_by("pk")
        .values_list(
            "pk",
            "organisation__name",
            "organisation__country",
            "organisation__website",
            "organisation__registration_number",
            "organisation__aliases",
        )
    )
    return [
        _record(
            key,
            name,
            country,
            website,
            registration,
            [*(aliases or []), *names[key]],
            websites[key],
        )
        for key, name, country, website, registration, aliases in rows
    ]


def records_of(candidates: Sequence[Candidate]) -> list[Record]:
    """Candidates as matching sees them: the organisation's name, every other name it has been
    known by and every name and website its nominations were written with. One query for all
    the nominations, however many candidates."""
    names: dict[int, list[str]] = defaultdict(list)
    websites: dict[int, list[str]] = defaultdict(list)
    keys = [candidate.pk for candidate in candidates]
    # Thousands of ids would pass a database's limit on parameters: the cycles' then.
    rows = (
        Placement.objects.filter(
            Q(candidate__in=keys)
            if len(keys) <= 500
            else Q(candidate__cycle_id__in={candidate.cycle_id for candidate in candidates})
        )
        .order_by("placed_at", "pk")
        .values_list("candidate_id", "nomination__org_name", "nomination__org_website")
    )
    for candidate_id, name, website in rows:
        names[candidate_id].append(name)
        websites[candidate_id].append(website)
    return [
        organisation_record(
            candidate.organisation,
            key=candidate.pk,
            names=names[candidate.pk],
            websites=websites[candidate.pk],
        )
        for candidate in candidates
    ]


def _record_of(candidate: Candidate) -> Record:
    return records_of([candidate])[0]


def _active(cycle: Cycle) -> QuerySet[Candidate]:
    return Candidate.objects.filter(cycle=cycle, state__in=ACTIVE_STATES).select_related(
        "organisation"
    )


@transaction.atomic
def suggest_duplicates(cycle: Cycle, *, only: list[int] | None = None) -> int:
    """Store new suggestions among the cycle's active candidates (or those involving `only`).
    A pair staff already decided is never suggested again. Returns how many are new."""
    known = set(
        DuplicateSuggestion.objects.filter(cycle=cycle).values_list("first_id", "second_id")
    )
    new = [
        DuplicateSuggestion(
            cycle=cycle,
            first_id=suggestion.first,
            second_id=suggestion.second,
            confidence=suggestion.confidence,
            reasons=suggestion.reasons,
            name_score=suggestion.name_score,
            matched=[text for text in suggestion.matched if text],
        )
        for suggestion in find_duplicates(cycle_records(cycle), only=only)
        if (suggestion.first, suggestion.second) not in known
    ]
    DuplicateSuggestion.objects.bulk_create(new)
    return len(new)
