from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from laurel.accounts.models import User
from laurel.core.services import record
from laurel.cycles.models import Cycle
from laurel.notifications.services import queue_email
from laurel.review.enums import AssignmentState, ReviewState
from laurel.review.models import Assignment, Review

REMINDER = "review_reminder"


def unfinished(cycle: Cycle) -> dict[int, int]:
    """member id → how many of their published assignments have no submitted review."""
    done = set(
        Review.objects.filter(cycle=cycle, state=ReviewState.SUBMITTED).values_list(
            "candidate_id", "member_id"
        )
    )
    counts: dict[int, int] = {}
    for candidate_id, member_id in Assignment.objects.filter(
        cycle=cycle, state=AssignmentState.PUBLISHED
    ).values_list("candidate_id", "member_id"):
        if (candidate_id, member_id) not in done:
            counts[member_id] = counts.get(member_id, 0) + 1
    return counts


def send_reminders(cycle: Cycle, members: list[User], counts: dict[int, int]) -> None:
    """One reminder email to each member, saying how many reviews they have left."""
    for member in members:
        language = member.language or settings.LANGUAGE_CODE
        with translation.override(language):
            url = settings.SITE_URL + reverse("review:home")
        queue_email(
            REMINDER,
            to=member.email,
            language=language,
            context={"cycle": cycle, "count": counts[member.pk], "url": url},
        )


@task()
def remind_reviewers(cycle_id: int) -> str:
    """Scheduled before the review deadline: members with unfinished reviews are reminded."""
    cycle = Cycle.objects.filter(pk=cycle_id).first()
    if cycle is None or timezone.now() >= cycle.review_close_at:
        return "too late"
    counts = unfinished(cycle)
    send_reminders(cycle, list(User.objects.filter(pk__in=counts, is_active=True)), counts)
    record("review.reminded", subject=cycle, data={"members": len(counts)})
    return f"reminded {len(counts)}"
