"""Item 19: "Remind now" on the progress page reminds each member with reviews missing, once,
through the same email as the scheduled reminders; a double click sends nothing twice."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from laurel.core.models import AuditEntry
from laurel.cycles.enums import Phase
from laurel.notifications.models import OutgoingEmail
from laurel.review import services
from laurel.review.models import Assignment
from tests.conftest import make_user, sign_in
from tests.factories import in_phase
from tests.scenarios import FULL, member, open_review, ready

pytestmark = pytest.mark.django_db
URL = reverse("review:remind")


def reminded() -> list[str]:
    return sorted(OutgoingEmail.objects.filter(key="review_reminder").values_list("to", flat=True))


@pytest.fixture
def one_done(reviewing):
    candidate, (alice, *_rest) = reviewing
    services.save_review(
        alice, candidate, scores=FULL, comments={}, recommendation="yes", submit=True
    )
    OutgoingEmail.objects.all().delete()
    return reviewing


def test_remind_now_asks_first_naming_who_is_emailed(staff_client, one_done):
    response = staff_client.post(URL)

    page = response.content.decode()
    assert response.status_code == 200
    assert "m1@example.org" in page and "m2@example.org" in page
    assert "m0@example.org" not in page
    assert "2 emails will be sent" in page
    assert reminded() == []


def test_remind_now_emails_each_member_with_reviews_missing_once(staff_client, one_done):
    response = staff_client.post(URL, {"confirmed": "yes", "confirmed_emails": "2"}, follow=True)

    assert reminded() == ["m1@example.org", "m2@example.org"]
    [message] = [str(m) for m in response.context["messages"]]
    assert message.startswith("Reminded 2 members: ")
    assert "m1@example.org" in message and "m2@example.org" in message
    entry = AuditEntry.objects.filter(key="review.reminded").latest("at")
    assert len(entry.data["members"]) == 2


def test_a_double_click_sends_no_second_reminder(staff_client, one_done):
    staff_client.post(URL, {"confirmed": "yes", "confirmed_emails": "2"}, follow=True)

    again = staff_client.post(URL, {"confirmed": "yes", "confirmed_emails": "2"}, follow=True)

    assert reminded() == ["m1@example.org", "m2@example.org"]
    assert [str(m) for m in again.context["messages"]] == [
        "Not reminded again (reminded in the last 12 hours): "
        + ", ".join(f"{p.full_name} <{p.email}>" for p in one_done[1][1:])
        + "."
    ]


def test_after_twelve_hours_a_member_can_be_reminded_again(one_done, staff_user):
    services.remind_missing_reviews(one_done[0].cycle, actor=staff_user)

    with time_machine.travel(timezone.now() + timedelta(hours=13)):
        plan = services.remind_missing_reviews(one_done[0].cycle, actor=staff_user)

    assert [m.email for m in plan.reminded] == ["m1@example.org", "m2@example.org"]
    assert len(reminded()) == 4


def test_the_progress_page_offers_remind_now_only_in_the_review_phase(
    staff_client, one_done, child10
):
    during = staff_client.get(reverse("review:progress")).content.decode()
    in_phase(child10, Phase.DELIBERATION)
    after = staff_client.get(reverse("review:progress")).content.decode()
    refused = staff_client.post(URL, {"confirmed": "yes"}, follow=True)

    assert URL in during
    assert URL not in after
    assert reminded() == []
    assert refused.context["messages"]


@pytest.mark.parametrize("role", ["committee", "finance", "laureate", "plain"])
def test_other_roles_cannot_remind(client, one_done, child10, role):
    sign_in(client, make_user(role, cycle=child10))

    response = client.post(URL, {"confirmed": "yes", "confirmed_emails": "2"})

    assert response.status_code == 404
    assert reminded() == []


def test_the_progress_page_issues_the_same_queries_for_one_and_many_members(
    staff_client, child10, staff_user, queries_for_one_and_many
):
    candidate = ready(child10, "Ljus", website="https://ljus.se", staff=staff_user)
    open_review(child10)
    people = []

    def add(count):
        for _ in range(count):
            people.append(member(child10, f"p{len(people)}@example.org"))
            Assignment.objects.create(
                cycle=child10, candidate=candidate, member=people[-1], state="published"
            )

    one, many = queries_for_one_and_many(
        lambda: staff_client.get(reverse("review:progress")), add, many=10
    )

    assert one == many
