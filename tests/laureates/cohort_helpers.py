"""A laureate with a signed-in contact, as the cohort's tests arrange it."""

from django.utils import timezone

from laurel.cycles.enums import Phase
from laurel.laureates.models import Contact, Laureate
from tests.factories import in_phase, laureate_contact
from tests.scenarios import ready


def laureate_with_contact(cycle, staff, name, site, email):
    in_phase(cycle, Phase.NOMINATIONS)  # nominated while the call was open, then accepted
    candidate = ready(cycle, name, website=site, staff=staff)
    laureate = Laureate.objects.create(cycle=cycle, candidate=candidate, accepted_at=timezone.now())
    in_phase(cycle, Phase.PROGRAMME)
    Contact.objects.create(laureate=laureate, email=email)
    user = laureate_contact(cycle, email)
    return laureate, user
