"""Nothing about a laureate is public before it has accepted the award and agreed to be named:
the laureates page, its CSV and its JSON, in Swedish and English, as anyone sees them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from laurel.laureates import services as laureates
from laurel.laureates.models import Laureate
from laurel.selection import queries, services
from tests.laureates.portal_helpers import letter_to, token_of
from tests.selection.helpers import _assert_named_exactly, _public, announced_decision


@pytest.fixture
def announced(child10, staff_user, run_tasks):
    """Two laureates and a reserve, each with its own citation and summary; letters released."""
    decision = announced_decision(
        child10,
        staff_user,
        texts=lambda name: (
            {"sv": f"Hyllning till {name}.", "en": f"Citation for {name}."},
            {"sv": f"Vad {name} gör.", "en": f"What {name} does."},
        ),
    )
    run_tasks()
    return decision


def _consent(place, *, publish_name: bool, staff_user) -> None:
    laureates.set_media_consent(
        Laureate.objects.get(candidate=place.candidate),
        publish_name=publish_name, publish_logo=False, publish_staff_names=False,
        at_risk=False, actor=staff_user,
    )  # fmt: skip


def test_no_laureate_is_public_at_the_announcement(client, announced):
    _assert_named_exactly(client, announced, [])
    assert (
        "2 laureates will be presented here once they have accepted the award and agreed to be "
        "named." in _public(client, "en")["page"]
    )
    assert (
        "2 pristagare presenteras här så snart de har tackat ja till priset och godkänt att "
        "deras namn publiceras." in _public(client, "sv")["page"]
    )


def test_a_laureate_that_accepted_but_gave_no_media_consent_is_not_public(client, announced):
    first, _second = queries.places(announced)["laureate"]
    services.answer_award(token_of(letter_to(announced, first.candidate)), accept=True)

    _assert_named_exactly(client, announced, [])


def test_a_laureate_that_keeps_its_name_back_is_not_public_at_all(client, announced, staff_user):
    first, _second = queries.places(announced)["laureate"]
    services.answer_award(token_of(letter_to(announced, first.candidate)), accept=True)
    _consent(first, publish_name=False, staff_user=staff_user)

    _assert_named_exactly(client, announced, [])


def test_a_laureate_that_accepted_and_may_be_named_is_public(client, announced, staff_user):
    first, _second = queries.places(announced)["laureate"]
    services.answer_award(token_of(letter_to(announced, first.candidate)), accept=True)
    _consent(first, publish_name=True, staff_user=staff_user)

    _assert_named_exactly(client, announced, [first])


def test_a_laureate_that_withdraws_its_consent_is_no_longer_public(client, announced, staff_user):
    first, second = queries.places(announced)["laureate"]
    for place in (first, second):
        services.answer_award(token_of(letter_to(announced, place.candidate)), accept=True)
        _consent(place, publish_name=True, staff_user=staff_user)
    _assert_named_exactly(client, announced, [first, second])

    _consent(second, publish_name=False, staff_user=staff_user)

    _assert_named_exactly(client, announced, [first])


def test_a_declined_place_is_gone_and_the_reserve_shows_once_it_agrees(
    client, announced, staff_user
):
    _first, second = queries.places(announced)["laureate"]
    reserve = queries.places(announced)["reserve"][0]
    services.answer_award(token_of(letter_to(announced, second.candidate)), accept=False)
    offered = services.offer_place(
        second, reserve=reserve, respond_by=timezone.now() + timedelta(days=3),
        reason="The laureate declined.", citation={"sv": "Svensk.", "en": "English."},
        summary={"sv": "Svensk.", "en": "English."}, actor=staff_user,
    )  # fmt: skip
    _assert_named_exactly(client, announced, [])

    letter = services.letters(announced).get(batch__endswith=f":offer:{reserve.pk}")
    services.answer_award(token_of(letter), accept=True)
    _consent(offered, publish_name=True, staff_user=staff_user)

    _assert_named_exactly(client, announced, [offered])


def test_a_laureate_that_declined_is_not_listed(client, announced, staff_user):
    first, second = queries.places(announced)["laureate"]
    services.answer_award(token_of(letter_to(announced, first.candidate)), accept=True)
    _consent(first, publish_name=True, staff_user=staff_user)
    services.answer_award(token_of(letter_to(announced, second.candidate)), accept=False)

    _assert_named_exactly(client, announced, [first])
