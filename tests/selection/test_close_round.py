"""Closing a round of votes asks first: who has voted, who has not, and that it is final."""

import pytest
from django.urls import reverse

from laurel.cycles.enums import Phase
from laurel.selection import services
from laurel.selection.enums import RoundState
from laurel.selection.models import VotingRound
from tests.conftest import sign_in
from tests.factories import in_phase
from tests.selection.helpers import scored_committee

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_round(child10, staff_user):
    committee = scored_committee(child10, staff_user, count=3)
    in_phase(child10, Phase.DELIBERATION)
    for candidate in committee.candidates:
        services.shortlist_candidate(candidate, kind="shortlist", actor=staff_user)
    a, b = committee.candidates[1], committee.candidates[2]
    round_ = services.open_round(
        child10, method="approval", secret=True, candidates=[a, b], actor=staff_user
    )
    alice = committee.members[0]
    services.cast_ballot(round_, voter=alice, ranks={a.pk: 1}, actor=alice)
    return committee, round_


def test_the_chair_is_told_who_has_voted_before_closing(client, open_round):
    committee, round_ = open_round
    sign_in(client, committee.chair)
    url = reverse("selection:close_round", args=[round_.pk])

    asked = client.post(url)
    still = VotingRound.objects.get(pk=round_.pk).state
    closed = client.post(url, {"confirmed": "yes"})

    page = asked.content.decode()
    assert asked.status_code == 200
    assert "1 member has voted." in page
    assert "2 members have not voted and cannot vote once it is closed." in page
    assert "Closing counts the votes" in page
    assert "This cannot be undone." in page
    assert still == RoundState.OPEN
    assert closed.status_code == 302
    assert VotingRound.objects.get(pk=round_.pk).state == RoundState.CLOSED


def test_cancel_leaves_the_round_open(client, open_round):
    committee, round_ = open_round
    sign_in(client, committee.chair)

    asked = client.post(reverse("selection:close_round", args=[round_.pk])).content.decode()
    back = client.get(reverse("selection:round", args=[round_.pk]))

    assert f'href="{reverse("selection:round", args=[round_.pk])}"' in asked
    assert back.status_code == 200
    assert VotingRound.objects.get(pk=round_.pk).state == RoundState.OPEN


def test_a_member_cannot_close_a_round_even_confirmed(client, open_round):
    committee, round_ = open_round
    sign_in(client, committee.members[1])

    response = client.post(reverse("selection:close_round", args=[round_.pk]), {"confirmed": "yes"})

    assert response.status_code in (403, 404)
    assert VotingRound.objects.get(pk=round_.pk).state == RoundState.OPEN
