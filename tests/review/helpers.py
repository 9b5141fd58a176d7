"""The review phase set up: a committee, its candidates and their assignments."""

import pytest

from laurel.cycles.enums import Phase
from laurel.review import services
from tests.factories import in_phase
from tests.scenarios import member, open_review, ready


@pytest.fixture
def setting(child10, staff_user):
    """One candidate ready, three members, all assigned, the review phase open."""
    candidate = ready(child10, "Ljus", website="https://ljus.se", staff=staff_user)
    people = [member(child10, f"m{n}@example.org") for n in range(3)]
    in_phase(child10, Phase.SCREENING)
    services.propose_assignment(child10, actor=staff_user, k=3)
    services.publish_assignment(child10, actor=staff_user)
    open_review(child10)
    candidate.cycle.refresh_from_db()
    return candidate, people
