from django_tasks import task

from laurel.review import services


@task()
def remind_reviewers(cycle_id: int) -> str:
    """Scheduled before the review deadline: members with unfinished reviews are reminded."""
    return services.remind_before_deadline(cycle_id)
