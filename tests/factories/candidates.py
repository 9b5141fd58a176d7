"""Organisations, candidates and what screening keeps about them."""

import factory
from django.utils import timezone

from laurel.candidates.enums import CandidateState
from laurel.candidates.models import Candidate, DuplicateSuggestion, Organisation, Placement
from tests.factories.cycles import CycleFactory
from tests.factories.nominations import NominationFactory


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    country = "SE"
    website = factory.Sequence(lambda n: f"https://organisation-{n}.example.org")


class CandidateFactory(factory.django.DjangoModelFactory):
    """A candidate waiting to be screened.

    Traits: `eligible` (what candidates.services.decide_eligibility sets for eligible),
    `ineligible` (the same with a reason), `ready` (eligible, then what mark_ready sets: the
    flag and its time; the diligence checks and the committee version mark_ready requires are
    not made, so a test that reads them uses tests.scenarios.ready)."""

    class Meta:
        model = Candidate

    cycle = factory.SubFactory(CycleFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.SelfAttribute("organisation.name")
    country = factory.SelfAttribute("organisation.country")
    nomination_count = 1
    nominator_count = 1
    languages = factory.LazyFunction(lambda: ["en"])
    first_nominated_at = factory.LazyFunction(timezone.now)

    class Params:
        eligible = factory.Trait(state=CandidateState.ELIGIBLE)
        ineligible = factory.Trait(
            state=CandidateState.INELIGIBLE, ineligible_reason="outside_theme"
        )
        ready = factory.Trait(
            eligible=True,
            ready_for_committee=True,
            ready_at=factory.LazyFunction(timezone.now),
        )


def _candidate_of_its_cycle(**traits):
    """A candidate in the cycle of the object being made."""
    return factory.SubFactory(CandidateFactory, cycle=factory.SelfAttribute("..cycle"), **traits)


class PlacementFactory(factory.django.DjangoModelFactory):
    """A confirmed nomination placed on a candidate of the same cycle (what placing does)."""

    class Meta:
        model = Placement

    candidate = factory.SubFactory(CandidateFactory)
    nomination = factory.SubFactory(
        NominationFactory, confirmed=True, cycle=factory.SelfAttribute("..candidate.cycle")
    )
    placed_at = factory.LazyFunction(timezone.now)


class DuplicateSuggestionFactory(factory.django.DjangoModelFactory):
    """An open suggestion that two candidates of one cycle are the same organisation (the pair
    stored lowest id first, as the suggester stores it)."""

    class Meta:
        model = DuplicateSuggestion
        exclude = ("one", "other")

    cycle = factory.SubFactory(CycleFactory)
    one = _candidate_of_its_cycle()
    other = _candidate_of_its_cycle()
    first = factory.LazyAttribute(lambda o: min(o.one, o.other, key=lambda c: c.pk))
    second = factory.LazyAttribute(lambda o: max(o.one, o.other, key=lambda c: c.pk))
    confidence = 0.9
    reasons = factory.LazyFunction(lambda: ["same_website"])
