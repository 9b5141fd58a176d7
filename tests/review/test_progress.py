"""Progress for staff, and reminders that go by themselves before the deadline."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from laurel.notifications.models import OutgoingEmail
from laurel.review import services
from tests.scenarios import FULL

pytestmark = pytest.mark.django_db


def test_progress_counts_drafts_and_submissions(staff_client, reviewing):
    candidate, (alice, bob, _carol) = reviewing
    services.save_review(
        alice, candidate, scores=FULL, comments={}, recommendation="yes", submit=True
    )
    services.save_review(bob, candidate, scores={"1": 3}, comments={})

    response = staff_client.get(reverse("review:progress"))

    assert response.context["candidates"] == [
        {"name": "Ljus", "assigned": 3, "drafts": 1, "submitted": 1}
    ]
    assert [row["submitted"] for row in response.context["members"]] == [1, 0, 0]


def test_publishing_schedules_reminders_that_skip_finished_members(reviewing, run_tasks, child10):
    candidate, (alice, *_rest) = reviewing
    assert DBTaskResult.objects.filter(task_path__endswith="remind_reviewers").count() == 2
    services.save_review(
        alice, candidate, scores=FULL, comments={}, recommendation="yes", submit=True
    )
    OutgoingEmail.objects.all().delete()

    with time_machine.travel(child10.review_close_at - timedelta(days=6)):
        run_tasks()

    reminded = sorted(
        OutgoingEmail.objects.filter(key="review_reminder").values_list("to", flat=True)
    )
    assert reminded == ["m1@example.org", "m2@example.org"]
