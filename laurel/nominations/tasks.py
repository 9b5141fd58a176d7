from django_tasks import task

from laurel.nominations import services


@task()
def lapse_if_unconfirmed(nomination_id: int) -> str:
    """Run when the confirmation period ends: an unconfirmed nomination lapses."""
    return services.lapse_if_unconfirmed(nomination_id)
