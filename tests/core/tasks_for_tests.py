"""Tasks that exist only for the tests."""

from pathlib import Path

from django_tasks import task


class NotYet(Exception):
    pass


@task()
def needs_file(path: str) -> str:
    if not Path(path).exists():
        raise NotYet
    return "done"


@task()
def heartbeats() -> int:
    """How many workers have a heartbeat while this task runs."""
    from laurel.core.models import WorkerHeartbeat

    return WorkerHeartbeat.objects.count()


@task()
def slow(path: str, seconds: float) -> str:
    """Sleeps, then leaves a mark: a task a worker can be killed in the middle of."""
    import time

    time.sleep(seconds)
    Path(path).write_text("done")
    return "done"
