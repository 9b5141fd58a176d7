"""The candidates' scheduled work: thin, retryable callers of services.scheduled."""

from django_tasks import task

from laurel.candidates.services import scheduled


@task()
def remind_organisation(claim_id: int) -> str:
    """Scheduled before the consent deadline: a reminder, if the organisation has not answered."""
    return scheduled.remind_organisation(claim_id)


@task()
def erase_refused_candidate(candidate_id: int) -> str:
    """Run when a refusing organisation's erasure is due (services.scheduled.erase_refused)."""
    return scheduled.erase_refused(candidate_id)


@task()
def tell_nominators_at_deadline(cycle_id: int) -> str:
    """Once nominations have closed, the nominators of ineligible candidates are told."""
    return scheduled.tell_at_deadline(cycle_id)
