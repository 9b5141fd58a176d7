"""What /readyz checks: the database answers, every migration is applied, a task worker is
alive, and the disk holding the data has room. Each check says only ok or not and a short
reason a person operating the site can act on; never any data."""

import shutil
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor

from laurel.core import worker


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


def database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return Check("database", False, type(error).__name__)
    return Check("database", True, connection.vendor)


def migrations() -> Check:
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        return Check("migrations", False, type(error).__name__)
    if plan:
        return Check("migrations", False, f"{len(plan)} not applied")
    return Check("migrations", True, "all applied")


def task_worker() -> Check:
    try:
        beat_at = worker.latest_beat()
    except DatabaseError as error:
        return Check("worker", False, type(error).__name__)
    if beat_at is None:
        return Check("worker", False, "no worker has reported")
    if beat_at < worker.stale_before():
        return Check("worker", False, f"last heartbeat {beat_at:%Y-%m-%dT%H:%M:%SZ}")
    return Check("worker", True, f"last heartbeat {beat_at:%Y-%m-%dT%H:%M:%SZ}")


def disk() -> Check:
    where = settings.MEDIA_ROOT
    while not where.exists() and where != where.parent:
        where = where.parent
    free_mb = shutil.disk_usage(where).free // (1024 * 1024)
    ok = free_mb >= settings.READY_MIN_FREE_MB
    return Check("disk", ok, f"{free_mb} MB free")


def readiness() -> list[Check]:
    return [database(), migrations(), task_worker(), disk()]
