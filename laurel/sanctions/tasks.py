"""The sanctions lists' scheduled work: a thin, retryable caller of services.fetch_lists."""

from django_tasks import task

from laurel.sanctions import services


@task()
def fetch_sanctions_lists() -> str:
    """Daily (settings.DAILY_TASKS): download and import each configured list; with no address
    configured (the default) it fetches nothing."""
    return "; ".join(services.fetch_lists()) or "no list address is configured"
