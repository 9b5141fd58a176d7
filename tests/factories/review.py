"""The committee and its reviews."""

import factory
from django.utils import timezone

from laurel.review.enums import (
    AssignmentState,
    ConflictKind,
    ConflictState,
    ReviewState,
    Visibility,
)
from laurel.review.models import (
    Affiliation,
    Assignment,
    Comment,
    CommitteeProfile,
    CommitteeSettings,
    Conflict,
    Review,
)
from tests.factories.accounts import UserFactory, seat_on_committee
from tests.factories.candidates import CandidateFactory, _candidate_of_its_cycle
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


class CommitteeSettingsFactory(factory.django.DjangoModelFactory):
    """How a cycle's committee works, as set_visibility stores it: members see the others'
    reviews after submitting their own (the default)."""

    class Meta:
        model = CommitteeSettings

    cycle = factory.SubFactory(CycleFactory)
    visibility = Visibility.AFTER_OWN


class CommentFactory(factory.django.DjangoModelFactory):
    """A message in a candidate's discussion, as discussing.post_comment takes one: on a
    candidate ready for the committee, by a member of that cycle's committee, mentioning no
    one."""

    class Meta:
        model = Comment
        skip_postgeneration_save = True

    candidate = factory.SubFactory(CandidateFactory, ready=True)
    author = factory.SubFactory(UserFactory)
    text = "Their helpline reached four thousand children last year."
    seated = factory.PostGeneration(
        lambda comment, create, extracted, **kwargs: (
            create and seat_on_committee(comment.author, comment.candidate.cycle)
        )
    )
