"""Fixtures for the review tests: a review phase under way."""

import pytest

from laurel.review import services
from tests.scenarios import member, open_review, ready


@pytest.fixture
def reviewing(child10, staff_user):
    candidate = ready(child10, "Ljus", website="https://ljus.se", staff=staff_user)
    people = [member(child10, f"m{n}@example.org") for n in range(3)]
    open_review(child10)
    services.propose_assignment(child10, actor=staff_user, k=3)
    services.publish_assignment(child10, actor=staff_user)
    child10.refresh_from_db()
    return candidate, people
