"""The review phase set up: a committee, its candidates and their assignments."""

import pytest

from laurel.cycles.enums import Phase
from laurel.review import services
from tests.factories import in_phase
from tests.scenarios import member, open_review, ready


def assigned(cycle, staff):
    """One candidate ready, three members, all assigned: (candidate, members)."""
    candidate = ready(cycle, "Ljus", website="https://ljus.se", staff=staff)
    people = [member(cycle, f"m{n}@example.org") for n in range(3)]
    in_phase(cycle, Phase.SCREENING)
    services.propose_assignment(cycle, actor=staff, k=3)
    services.publish_assignment(cycle, actor=staff)
    return candidate, people


@pytest.fixture
def setting(child10, staff_user):
    """One candidate ready, three members, all assigned, the review phase open."""
    candidate, people = assigned(child10, staff_user)
    open_review(child10)
    candidate.cycle.refresh_from_db()
    return candidate, people
