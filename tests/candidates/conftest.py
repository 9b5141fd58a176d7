"""Fixtures for the candidate tests: the duplicate groups around Bris."""

import pytest

from laurel.candidates import services
from laurel.candidates.models import DuplicateSuggestion
from laurel.core.models import AuditEntry
from tests.candidates.helpers import candidate_of, confirmed, suggest


@pytest.fixture
def bris(child10, staff_user):
    """One organisation as three candidates: its national name (two nominations, one written
    differently), its acronym, and its English name; suggestions join them in a chain."""
    national = candidate_of(
        confirmed(child10, "Barnens Rätt i Samhället", website="https://www.bris.se")
    )
    written_otherwise = candidate_of(confirmed(child10, "Barnens Ratt i Samhallet", country="NO"))
    services.merge_candidates(written_otherwise, national, actor=staff_user)
    acronym = candidate_of(confirmed(child10, "BRIS", website="https://bris.se/en", country="FI"))
    english = candidate_of(
        confirmed(child10, "Children's Rights in Society", country="DK", registration="802")
    )
    DuplicateSuggestion.objects.all().delete()
    AuditEntry.objects.all().delete()
    national.refresh_from_db()
    return {
        "national": national,
        "acronym": acronym,
        "english": english,
        "pairs": [
            suggest(
                child10,
                national,
                acronym,
                ["acronym", "same-domain"],
                confidence=0.97,
                matched=["BRIS", "Barnens Rätt i Samhället"],
            ),
            suggest(
                child10,
                national,
                english,
                ["translation"],
                confidence=0.86,
                matched=["Barnens Rätt i Samhället", "Children's Rights in Society"],
            ),
        ],
    }


@pytest.fixture
def pair(child10):
    """Two more candidates, a pair and no group: suggested less strongly than the group."""
    one = candidate_of(confirmed(child10, "Trygga Nätet", country="PL"))
    other = candidate_of(confirmed(child10, "Säkra Barn", country="PL"))
    DuplicateSuggestion.objects.filter(first__in=[one, other]).delete()
    return suggest(child10, one, other, ["similar-name"], confidence=0.88)
