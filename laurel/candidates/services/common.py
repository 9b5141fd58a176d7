"""What the screening services share: the error staff see, state moves, matching records."""

from datetime import timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from laurel.candidates.enums import ACTIVE_STATES, ALLOWED_TRANSITIONS
from laurel.candidates.matching import Record, find_duplicates
from laurel.candidates.models import Candidate, DuplicateSuggestion
from laurel.cycles.models import Cycle

# A nomination joins an existing candidate without asking when the evidence is this strong: the
# same website, the same registration number or the same name (legal form aside), in one country.
JOIN_FROM = 0.95
# Nominations of one candidate from one email domain or one network, this many within this
# time, are flagged as coordinated.
COORDINATED_COUNT = 3
COORDINATED_WINDOW = timedelta(hours=48)


class ScreeningError(Exception):
    """A screening step that cannot be done; the message says why, for staff."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _move(candidate: Candidate, state: str) -> None:
    if state not in ALLOWED_TRANSITIONS[candidate.state]:
        raise ScreeningError(
            _("This candidate is %(state)s: that step is not possible now.")
            % {"state": candidate.get_state_display().lower()}
        )
    candidate.state = state


def _record_of(candidate: Candidate) -> Record:
    organisation = candidate.organisation
    return Record(
        key=candidate.pk,
        name=organisation.name,
        country=organisation.country,
        website=organisation.website,
        registration=organisation.registration_number,
    )


def _active(cycle: Cycle):
    return Candidate.objects.filter(cycle=cycle, state__in=ACTIVE_STATES).select_related(
        "organisation"
    )


@transaction.atomic
def suggest_duplicates(cycle: Cycle, *, only: list[int] | None = None) -> int:
    """Store new suggestions among the cycle's active candidates (or those involving `only`).
    A pair staff already decided is never suggested again. Returns how many are new."""
    candidates = list(_active(cycle))
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
            matched=list(suggestion.matched),
        )
        for suggestion in find_duplicates([_record_of(c) for c in candidates], only=only)
        if (suggestion.first, suggestion.second) not in known
    ]
    DuplicateSuggestion.objects.bulk_create(new)
    return len(new)
