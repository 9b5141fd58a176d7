"""The support programme: an accepted laureate and a needs assessment at one level."""

import pytest
from django.utils import timezone

from laurel.cycles.enums import Phase
from laurel.laureates.enums import SupportArea
from laurel.laureates.models import Contact, Laureate
from tests.factories import in_phase
from tests.scenarios import ready


@pytest.fixture
def laureate(child10, staff_user):
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff_user)
    laureate = Laureate.objects.create(
        cycle=child10, candidate=candidate, accepted_at=timezone.now()
    )
    in_phase(child10, Phase.PROGRAMME)
    Contact.objects.create(laureate=laureate, email="office@trygga.se")
    return laureate


def all_levels(level=3):
    return dict.fromkeys(SupportArea.values, level)
