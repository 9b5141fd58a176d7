"""The outbox's delivery task: a thin, retryable caller of services.deliver."""

from django_tasks import task

from laurel.notifications import services


@task(queue_name="email")
def deliver_email(email_id: int) -> str:
    return services.deliver(email_id)
