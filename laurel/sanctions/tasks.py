"""The sanctions lists' scheduled and queued work: thin, retryable callers of the services."""

from django_tasks import task

from laurel.sanctions.services import lists, screening


@task()
def fetch_sanctions_lists() -> str:
    """Daily (settings.DAILY_TASKS): download and import each configured list; with no address
    configured (the default) it fetches nothing."""
    return "; ".join(lists.fetch_lists()) or "no list address is configured"


@task()
def screen_candidates(candidate_ids: list[int]) -> str:
    """Screen candidates made ready for the committee (their names and the names their
    nominators wrote) against the current lists."""
    screened = screening.screen_candidates(candidate_ids)
    return f"{screened} name(s) screened"
