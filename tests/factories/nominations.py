"""Nominations."""

import factory
from django.utils import timezone

from laurel.nominations.enums import NominationState
from laurel.nominations.models import Nomination
from tests.factories.cycles import CycleFactory


class NominationFactory(factory.django.DjangoModelFactory):
    """A draft nomination of an organisation, as the public form saves one.

    Traits: `submitted` (what nominations.services.submit_nomination sets: the reference, the
    time, the state), `confirmed` (submitted, then what confirm_nomination sets; no candidate:
    placing it is PlacementFactory's or the service's)."""

    class Meta:
        model = Nomination
        skip_postgeneration_save = True

    cycle = factory.SubFactory(CycleFactory)
    token_hash = factory.Sequence(lambda n: f"token-hash-{n}")
    language = "en"
    org_name = factory.Sequence(lambda n: f"Organisation {n}")
    org_country = "SE"
    org_city = "Malmö"
    org_website = factory.Sequence(lambda n: f"https://organisation-{n}.example.org")
    org_description = "Runs a helpline and trains platform moderators."
    nominator_name = "Nora Nominator"
    nominator_email = factory.Sequence(lambda n: f"nominator{n}@example.org")
    relationship = "partner"
    organisation_aware = "yes"
    declared_true = True
    declared_safeguarding = True
    declared_privacy = True
    complete = True

    class Params:
        submitted = factory.Trait(
            state=NominationState.SUBMITTED,
            reference=factory.Sequence(lambda n: f"TEST-{n:04d}"),
            submitted_at=factory.LazyFunction(timezone.now),
        )
        confirmed = factory.Trait(
            submitted=True,
            state=NominationState.CONFIRMED,
            confirmed_at=factory.LazyFunction(timezone.now),
        )
