from datetime import timedelta

import pytest

from laurel.cycles.enums import Phase
from tests.factories import CycleFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("moment", "phase"),
    [
        (lambda c: c.nominations_open_at - timedelta(seconds=1), Phase.DRAFT),
        (lambda c: c.nominations_open_at, Phase.NOMINATIONS),
        (lambda c: c.nominations_close_at, Phase.NOMINATIONS),  # the deadline is inclusive
        # … all of its last second (23:59:59.999 is "at 23:59:59"), and not one second more.
        (lambda c: c.nominations_close_at.replace(microsecond=999999), Phase.NOMINATIONS),
        (lambda c: c.nominations_close_at + timedelta(seconds=1), Phase.SCREENING),
        (lambda c: c.review_open_at, Phase.REVIEW),
        (lambda c: c.review_close_at, Phase.DELIBERATION),
        (lambda c: c.decision_at, Phase.DECIDED),
        (lambda c: c.programme_start_at, Phase.PROGRAMME),
        (lambda c: c.archive_at, Phase.ARCHIVED),
    ],
)
def test_planned_phase_follows_the_dates(moment, phase):
    cycle = CycleFactory()

    assert cycle.planned_phase_at(moment(cycle)) == phase


@pytest.mark.django_db
def test_phase_schedule_marks_the_current_phase():
    cycle = CycleFactory()

    current = [label for label, _starts, is_current in cycle.phase_schedule() if is_current]

    assert current == [Phase.NOMINATIONS.label]
