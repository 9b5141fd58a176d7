"""A laureate with a signed-in contact, as the cohort's tests arrange it."""

from django.utils import timezone

from laurel.accounts.models import RoleGrant
from laurel.cycles.enums import Phase
from laurel.laureates.models import Contact, Laureate
from tests.factories import UserFactory, in_phase, tie_contacts
from tests.scenarios import ready


def laureate_with_contact(cycle, staff, name, site, email):
    in_phase(cycle, Phase.NOMINATIONS)  # nominated while the call was open, then accepted
    candidate = ready(cycle, name, website=site, staff=staff)
    laureate = Laureate.objects.create(cycle=cycle, candidate=candidate, accepted_at=timezone.now())
    in_phase(cycle, Phase.PROGRAMME)
    Contact.objects.create(laureate=laureate, email=email)
    user = UserFactory(email=email)
    RoleGrant.objects.create(user=user, role="laureate_contact", cycle=cycle)
    tie_contacts(user)
    return laureate, user
