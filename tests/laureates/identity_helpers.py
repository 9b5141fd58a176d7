"""An accepted laureate in the programme phase, for the identity tests."""

from django.utils import timezone

from laurel.cycles.enums import Phase
from laurel.laureates.models import Laureate
from tests.factories import in_phase
from tests.scenarios import ready


def laureate(cycle, staff, name, site) -> Laureate:
    in_phase(cycle, Phase.NOMINATIONS)  # nominated while the call was open, then accepted
    candidate = ready(cycle, name, website=site, staff=staff)
    laureate = Laureate.objects.create(cycle=cycle, candidate=candidate, accepted_at=timezone.now())
    in_phase(cycle, Phase.PROGRAMME)
    return laureate
