"""The laureates' scheduled work: thin, retryable callers of services."""

from django_tasks import task

from laurel.laureates.services import cohort, summit


@task()
def erase_expired_passport_data() -> int:
    """Scheduled when passport data is given, for the day it is due: every visa request past
    its date is erased (so a run that was missed is caught up by the next)."""
    return summit.erase_passport_data()


@task()
def send_digests(frequency: str) -> int:
    """What happened in the cohort space since each person's last digest; then the next run."""
    return cohort.send_digests(frequency)
