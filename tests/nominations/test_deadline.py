from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from laurel.cycles.models import Cycle
from laurel.nominations.enums import NominationState
from laurel.nominations.models import Nomination
from laurel.nominations.services import create_late_code
from tests.nominations.helpers import complete_post
from tests.scenarios import NOMINATE, close, new_token

pytestmark = pytest.mark.django_db


def test_a_form_opened_before_the_deadline_and_sent_after_it_keeps_a_copy(client, example_award):
    token = new_token(client)
    close(example_award)

    response = client.post(NOMINATE, complete_post(example_award, token))

    page = response.content.decode()
    assert response.status_code == 403
    assert "Your nomination arrived after the deadline and was not saved." in page
    assert "Safe Online Europe" in page
    assert "sustained and documented in yearly reports" in page
    assert Nomination.objects.count() == 0


def test_after_the_deadline_the_form_says_it_is_closed(client, example_award):
    close(example_award)

    response = client.get(NOMINATE)

    assert response.status_code == 200
    assert "Nominations are closed" in response.content.decode()


def test_a_draft_cannot_be_submitted_after_the_deadline(client, example_award):
    token = new_token(client)
    client.post(NOMINATE, complete_post(example_award, token))
    close(example_award)

    response = client.post(reverse("nominations:review", kwargs={"token": token}), {})

    assert response.status_code == 200
    assert response.context["form"].errors["late_code"][0].startswith("The deadline has passed")
    assert Nomination.objects.get().state == NominationState.DRAFT


def test_after_the_deadline_the_private_link_shows_a_read_only_summary(client, example_award):
    token = new_token(client)
    client.post(NOMINATE, complete_post(example_award, token))
    client.post(reverse("nominations:review", kwargs={"token": token}), {})
    close(example_award)

    page = client.get(reverse("nominations:manage", kwargs={"token": token}))
    edit = client.post(
        reverse("nominations:manage", kwargs={"token": token}),
        complete_post(example_award, token, org_city="Lund", action="save"),
    )

    assert page.context["editable"] is False
    assert "can no longer be changed" in page.content.decode()
    assert edit.status_code == 403
    assert Nomination.objects.get().org_city == "Malmö"


def test_a_late_code_lets_one_nominator_submit_once(client, example_award, staff_user):
    close(example_award)
    code = create_late_code(example_award, note="Nora at Safe Online", actor=staff_user)

    opened = client.post(NOMINATE, {"late_code": code.lower()}, follow=True)
    token = new_token(client)
    client.post(NOMINATE, complete_post(example_award, token))
    client.post(reverse("nominations:review", kwargs={"token": token}), {})
    client.session.flush()
    second = client.post(NOMINATE, {"late_code": code}, follow=True)

    assert opened.status_code == 200
    nomination = Nomination.objects.get()
    assert nomination.state == NominationState.SUBMITTED
    assert nomination.late_code.note == "Nora at Safe Online"
    assert [str(m) for m in second.context["messages"]] == [
        "This late-submission code is not valid, or was used already."
    ]


@pytest.mark.parametrize(
    ("after_last_second", "accepted"),
    [(timedelta(0), True), (timedelta(milliseconds=999), True), (timedelta(seconds=1), False)],
)
def test_the_deadline_second_in_the_cycles_own_time_zone(
    client, child10, after_last_second, accepted
):
    """The deadline names a second (23:59:59 in the award's zone, not the server's): all of that
    second counts, and midnight does not. The clock is faked."""
    zone = ZoneInfo("Europe/Helsinki")  # the server runs on Europe/Stockholm
    last = datetime(2027, 1, 24, 23, 59, 59, tzinfo=zone)
    Cycle.objects.filter(pk=child10.pk).update(
        time_zone="Europe/Helsinki", nominations_open_at=last - timedelta(days=30),
        nominations_close_at=last,
    )  # fmt: skip
    with time_machine.travel(last - timedelta(minutes=10), tick=False):
        token = new_token(client)
        client.post(NOMINATE, complete_post(child10, token))

    with time_machine.travel(last + after_last_second, tick=False):
        response = client.post(reverse("nominations:review", kwargs={"token": token}), {})

    nomination = Nomination.objects.get()
    if accepted:
        assert response.status_code == 302 and nomination.state == NominationState.SUBMITTED
    else:
        assert response.context["form"].errors["late_code"][0].startswith("The deadline")
        assert nomination.state == NominationState.DRAFT
