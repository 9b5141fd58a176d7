"""The task worker's heartbeat, and what happens to tasks whose worker died.

`manage.py laurel_worker` is django-tasks-db's `db_worker` plus a thread that writes a
`WorkerHeartbeat` every WORKER_HEARTBEAT_SECONDS. A worker killed mid-task (kill -9, a machine
lost) leaves its task RUNNING for ever in django-tasks-db; every beating worker therefore also
hands such tasks back to the queue once their worker has been silent for WORKER_STALE_SECONDS,
and another worker runs them again. Tasks must therefore be safe to run twice (ours are: each
one re-reads its row under a lock and does nothing when the work is already done).
"""

import logging
import os
import socket
import threading
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from laurel.core.models import WorkerHeartbeat

logger = logging.getLogger(__name__)


def beat(worker_id: str, started_at) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "beat_at": timezone.now(),
        },
    )


def stale_before():
    return timezone.now() - timedelta(seconds=settings.WORKER_STALE_SECONDS)


def latest_beat():
    return WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True).first()


def requeue_abandoned() -> int:
    """Hand back to the queue the tasks left running by workers that stopped beating."""
    alive = set(
        WorkerHeartbeat.objects.filter(beat_at__gte=stale_before()).values_list(
            "worker_id", flat=True
        )
    )
    requeued = 0
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update(skip_locked=True).filter(
            status=TaskResultStatus.RUNNING, started_at__lt=stale_before()
        )
        for result in running:
            if result.worker_ids and result.worker_ids[-1] in alive:
                continue
            result.status = TaskResultStatus.READY
            result.started_at = None
            result.save(update_fields=["status", "started_at"])
            requeued += 1
    if requeued:
        logger.warning("requeued %s task(s) left running by a stopped worker", requeued)
    return requeued


def next_daily_run(clock: str, now: datetime) -> datetime:
    """The next time it is `clock` ("03:00") in the server's time zone, after `now`."""
    hour, minute = (int(part) for part in clock.split(":"))
    local = timezone.localtime(now)
    run = timezone.make_aware(datetime.combine(local.date(), time(hour, minute)))
    while run <= now:
        run = timezone.make_aware(
            datetime.combine(run.date() + timedelta(days=1), time(hour, minute))
        )
    return run


def ensure_daily_tasks(now: datetime | None = None) -> list[str]:
    """Enqueue each of settings.DAILY_TASKS for its next time unless it is already waiting or
    running; the paths enqueued. Every heartbeat calls it, so a daily task cannot get lost."""
    now = now or timezone.now()
    waiting = set(
        DBTaskResult.objects.filter(
            status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
            task_path__in=list(settings.DAILY_TASKS),
        ).values_list("task_path", flat=True)
    )
    enqueued = []
    for path, clock in settings.DAILY_TASKS.items():
        if path not in waiting:
            import_string(path).using(run_after=next_daily_run(clock, now)).enqueue()
            enqueued.append(path)
    return enqueued


class Heartbeat(threading.Thread):
    """Beats until stopped; each beat also requeues what dead workers left behind and keeps
    the daily tasks scheduled."""

    def __init__(self, worker_id: str):
        super().__init__(name="laurel-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self.stopping = threading.Event()

    def beat_now(self) -> None:
        beat(self.worker_id, self.started_at)
        ensure_daily_tasks()

    def run(self) -> None:
        while not self.stopping.wait(settings.WORKER_HEARTBEAT_SECONDS):
            try:
                close_old_connections()
                beat(self.worker_id, self.started_at)
                requeue_abandoned()
                ensure_daily_tasks()
            except Exception:  # a database gap must not end the heartbeat for good
                logger.exception("worker heartbeat failed")
            finally:
                connection.close()

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=10)
        WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
