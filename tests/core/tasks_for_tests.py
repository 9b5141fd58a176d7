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
