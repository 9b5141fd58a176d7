"""Selection: rounds of votes and the decision."""

import factory
from django.utils import timezone

from laurel.selection.models import Decision, Place, VotingRound
from tests.factories.accounts import UserFactory
from tests.factories.candidates import CandidateFactory
from tests.factories.cycles import CycleFactory


class VotingRoundFactory(factory.django.DjangoModelFactory):
    """An open, secret approval round on the shortlist."""

    class Meta:
        model = VotingRound

    cycle = factory.SubFactory(CycleFactory)
    number = factory.Sequence(lambda n: n + 1)
    method = "approval"
    topic = "shortlist"
    opened_by = factory.SubFactory(UserFactory)
    opened_at = factory.LazyFunction(timezone.now)


class DecisionFactory(factory.django.DjangoModelFactory):
    """The cycle's decision, a draft."""

    class Meta:
        model = Decision

    cycle = factory.SubFactory(CycleFactory)


class PlaceFactory(factory.django.DjangoModelFactory):
    """A laureate's place in a decision, on an eligible candidate of the same cycle."""

    class Meta:
        model = Place

    decision = factory.SubFactory(DecisionFactory)
    candidate = factory.SubFactory(
        CandidateFactory, ready=True, cycle=factory.SelfAttribute("..decision.cycle")
    )
    role = "laureate"
    position = factory.Sequence(lambda n: n + 1)
