"""The committee and its reviews."""

import factory
from django.utils import timezone

from laurel.review.enums import AssignmentState, ConflictKind, ConflictState, ReviewState
from laurel.review.models import Affiliation, Assignment, CommitteeProfile, Conflict, Review
from tests.factories.accounts import UserFactory
from tests.factories.candidates import _candidate_of_its_cycle
from tests.factories.cycles import CycleFactory


class CommitteeProfileFactory(factory.django.DjangoModelFactory):
    """A committee member's profile in a cycle (the grant itself is RoleGrantFactory's)."""

    class Meta:
        model = CommitteeProfile

    user = factory.SubFactory(UserFactory)
    cycle = factory.SubFactory(CycleFactory)
    languages = factory.LazyFunction(lambda: ["en", "sv"])
    country = "SE"


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    profile = factory.SubFactory(CommitteeProfileFactory)
    name = factory.Sequence(lambda n: f"Employer {n}")
    kind = "employment"


class ConflictFactory(factory.django.DjangoModelFactory):
    """A conflict the member declared (confirmed, as declaring one leaves it)."""

    class Meta:
        model = Conflict

    cycle = factory.SubFactory(CycleFactory)
    member = factory.SubFactory(UserFactory)
    candidate = _candidate_of_its_cycle()
    kind = ConflictKind.EMPLOYMENT
    state = ConflictState.CONFIRMED

    class Params:
        suggested = factory.Trait(state=ConflictState.SUGGESTED, declared=False)


class AssignmentFactory(factory.django.DjangoModelFactory):
    """A member assigned a candidate, published (what publish_assignment sets)."""

    class Meta:
        model = Assignment

    cycle = factory.SubFactory(CycleFactory)
    candidate = _candidate_of_its_cycle(ready=True)
    member = factory.SubFactory(UserFactory)
    state = AssignmentState.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    class Params:
        proposed = factory.Trait(state=AssignmentState.PROPOSED, published_at=None)


class ReviewFactory(factory.django.DjangoModelFactory):
    """A member's draft review of a candidate. Trait `submitted`: scored on four criteria with a
    recommendation, and what review.services sets on submitting (the state and its time)."""

    class Meta:
        model = Review

    cycle = factory.SubFactory(CycleFactory)
    candidate = _candidate_of_its_cycle(ready=True)
    member = factory.SubFactory(UserFactory)

    class Params:
        submitted = factory.Trait(
            scores=factory.LazyFunction(lambda: {"1": 4, "2": 3, "3": 5, "4": 2}),
            recommendation="yes",
            state=ReviewState.SUBMITTED,
            submitted_at=factory.LazyFunction(timezone.now),
        )
