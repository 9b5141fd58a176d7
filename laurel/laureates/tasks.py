"""The laureates' scheduled work."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from laurel.core.services import record
from laurel.laureates.enums import VisaState
from laurel.laureates.models import (
    DigestPreference,
    Event,
    Initiative,
    Post,
    Reply,
    VisaRequest,
)
from laurel.notifications.services import queue_email


@transaction.atomic
def erase_passport_data(*, today: date | None = None) -> int:
    """Delete passport data past its date (the daily task); how many were erased."""
    today = today or timezone.localdate()
    due = list(
        VisaRequest.objects.select_for_update()
        .filter(delete_after__lte=today)
        .exclude(state=VisaState.ERASED)
    )
    for visa in due:
        visa.passport_number = visa.nationality = visa.date_of_birth = ""
        visa.passport_expires_on = visa.masked = ""
        visa.state, visa.erased_at = VisaState.ERASED, timezone.now()
        visa.save(
            update_fields=[
                "passport_number",
                "nationality",
                "date_of_birth",
                "passport_expires_on",
                "masked",
                "state",
                "erased_at",
                "updated_at",
            ]
        )
    if due:
        record("visa.passport_data_erased", data={"count": len(due)})
    return len(due)


@task()
def erase_expired_passport_data() -> int:
    """Scheduled when passport data is given, for the day it is due: every visa request past
    its date is erased (so a run that was missed is caught up by the next)."""
    return erase_passport_data()


# When each digest goes out: 07:00 server time (daily), Mondays (weekly).
DIGEST_HOUR = 7


def _next_run(frequency: str, now):
    local = timezone.localtime(now)
    run = local.replace(hour=DIGEST_HOUR, minute=0, second=0, microsecond=0)
    if run <= local:
        run += timedelta(days=1)
    if frequency == "weekly":
        run += timedelta(days=(7 - run.weekday()) % 7)
    return run


def schedule_digests(frequency: str) -> None:
    """Make sure the next run of this digest is waiting (once, however many ask)."""
    waiting = DBTaskResult.objects.filter(status="READY", task_path__endswith="send_digests")
    if not any(result.args_kwargs.get("args") == [frequency] for result in waiting):
        send_digests.using(run_after=_next_run(frequency, timezone.now())).enqueue(frequency)


@task()
def send_digests(frequency: str) -> int:
    """What happened in the cohort space since each person's last digest; then the next run."""
    now = timezone.now()
    sent = 0
    preferences = DigestPreference.objects.filter(frequency=frequency).select_related(
        "user", "cycle"
    )
    for preference in preferences:
        since = preference.last_sent_at or preference.cycle.created_at
        posts = list(Post.objects.filter(cycle=preference.cycle, created_at__gt=since)[:20])
        replies = Reply.objects.filter(post__cycle=preference.cycle, created_at__gt=since).count()
        initiatives = list(
            Initiative.objects.filter(cycle=preference.cycle, created_at__gt=since)[:20]
        )
        events = list(Event.objects.filter(cycle=preference.cycle, starts_at__gte=now)[:5])
        if posts or replies or initiatives:
            queue_email(
                "cohort_digest",
                to=preference.user.email,
                language=preference.user.language,
                context={
                    "cycle": preference.cycle,
                    "posts": posts,
                    "replies": replies,
                    "initiatives": initiatives,
                    "events": events,
                },
            )
            sent += 1
        preference.last_sent_at = now
        preference.save(update_fields=["last_sent_at"])
    schedule_digests(frequency)
    return sent
