"""The test kit's factories make objects their models accept, and a trait leaves an object as
the service it stands for leaves it (tests.factories says which service each trait follows)."""

import pytest

from tests import factories
from tests.candidates.helpers import confirmed
from tests.scenarios import ready

pytestmark = pytest.mark.django_db

MODEL_FACTORIES = sorted(
    (
        made
        for made in vars(factories).values()
        if isinstance(made, type)
        and issubclass(made, factories.factory.django.DjangoModelFactory)
        and made._meta.model is not None
    ),
    key=lambda made: made.__name__,
)
TRAITS = [
    (factories.NominationFactory, "submitted"),
    (factories.NominationFactory, "confirmed"),
    (factories.CandidateFactory, "eligible"),
    (factories.CandidateFactory, "ineligible"),
    (factories.CandidateFactory, "ready"),
    (factories.ConflictFactory, "suggested"),
    (factories.AssignmentFactory, "proposed"),
    (factories.ReviewFactory, "submitted"),
    (factories.DelegateFactory, "confirmed"),
    (factories.OutgoingEmailFactory, "sent"),
]


def accepted(made) -> None:
    """The model's own validation passes (the password hash and JSON left as made)."""
    made.full_clean(exclude=["password"])


@pytest.mark.parametrize("model_factory", MODEL_FACTORIES, ids=lambda made: made.__name__)
def test_each_factory_makes_an_object_its_model_accepts(model_factory):
    made = model_factory()

    accepted(made)
    assert type(made).objects.filter(pk=made.pk).exists()


@pytest.mark.parametrize(
    ("model_factory", "trait"), TRAITS, ids=lambda value: getattr(value, "__name__", value)
)
def test_each_trait_makes_an_object_its_model_accepts(model_factory, trait):
    accepted(model_factory(**{trait: True}))


def test_a_confirmed_nomination_is_as_confirming_leaves_one(child10):
    through_the_service = confirmed(child10, "Trygga Nätet")
    made = factories.NominationFactory(cycle=child10, confirmed=True)

    for nomination in (through_the_service, made):
        nomination.refresh_from_db()
    assert made.state == through_the_service.state
    assert all([made.reference, made.submitted_at, made.confirmed_at])
    assert all(
        [
            through_the_service.reference,
            through_the_service.submitted_at,
            through_the_service.confirmed_at,
        ]
    )


def test_a_ready_candidate_is_as_mark_ready_leaves_one(child10, staff_user):
    through_the_service = ready(child10, "Trygga Nätet", staff=staff_user)
    made = factories.CandidateFactory(cycle=child10, ready=True)

    def seen(candidate):
        return candidate.state, candidate.ready_for_committee, candidate.ready_at is not None

    assert seen(made) == seen(through_the_service) == ("eligible", True, True)


def test_a_placement_keeps_its_nomination_and_candidate_in_one_cycle(child10):
    placement = factories.PlacementFactory(candidate__cycle=child10)

    assert placement.nomination.cycle == placement.candidate.cycle == child10
    assert placement.nomination.state == "confirmed"


def test_a_duplicate_suggestion_stores_its_pair_lowest_first():
    suggestion = factories.DuplicateSuggestionFactory()

    assert suggestion.first.pk < suggestion.second.pk
    assert suggestion.first.cycle == suggestion.second.cycle == suggestion.cycle
