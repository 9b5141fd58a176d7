"""The chair writes the arguments heard during the meeting: a record refused (no outcome chosen,
arguments too long) comes back on the meeting page as typed, the error beside its field, instead
of a message over an empty form. If the chair has moved on meanwhile, the page says why."""

import pytest
from django.urls import reverse

from laurel.selection import services
from laurel.selection.models import ShortlistEntry
from tests.selection import pages_helpers as pages
from tests.selection.pages_helpers import shortlist_all, signed_in

committee = pages.committee
ARGUMENTS = "Strong helpline; a model for others. Bob left the room for this item."


@pytest.fixture
def current(committee, staff_user):
    """Everything shortlisted; the chair has brought the first candidate up."""
    shortlist_all(committee, staff_user)
    entry = ShortlistEntry.objects.get(candidate=committee.candidates[0])
    services.go_to(entry.cycle, entry=entry, actor=committee.chair)
    return entry


def test_a_record_without_an_outcome_keeps_the_arguments_typed(client, committee, current):
    chair = signed_in(client, committee.chair)

    response = chair.post(reverse("selection:record", args=[current.pk]), {"arguments": ARGUMENTS})

    assert response.status_code == 400
    body = response.content.decode()
    assert ARGUMENTS in body
    assert 'aria-invalid="true"' in body and 'name="outcome"' in body
    assert response.context["record_form"].errors == {
        "outcome": ["Choose the outcome of the discussion."]
    }
    current.refresh_from_db()
    assert (current.arguments, current.recorded_at) == ("", None)


def test_arguments_too_long_are_kept_whole_with_what_to_do(client, committee, current):
    chair = signed_in(client, committee.chair)
    long = "A point made at length. " * 400  # 9,600 characters; the record takes 8,000

    response = chair.post(
        reverse("selection:record", args=[current.pk]),
        {"arguments": long, "outcome": "supported"},
    )

    assert response.status_code == 400
    body = response.content.decode()
    assert "Shorten the text to 8,000 characters or fewer; it has 9,599" in body
    assert long.strip() in body
    assert 'maxlength="8000"' not in body


def test_when_the_chair_has_moved_on_the_refusal_is_said_on_the_meeting_page(
    client, committee, current
):
    services.go_to(current.cycle, entry=None, actor=committee.chair)
    chair = signed_in(client, committee.chair)

    response = chair.post(
        reverse("selection:record", args=[current.pk]), {"arguments": ARGUMENTS}, follow=True
    )

    assert response.redirect_chain == [(reverse("selection:meeting"), 302)]
    assert "Choose the outcome of the discussion." in response.content.decode()
