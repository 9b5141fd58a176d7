"""`manage.py laurel_worker`: django-tasks-db's worker, with a heartbeat (see core.worker).

Takes the same options as `db_worker`. `make run` and the deployment guide start this one.
"""

from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from laurel.core.worker import Heartbeat


class Command(DBWorkerCommand):
    help = "Run a task worker that reports a heartbeat and requeues tasks of dead workers"

    def handle(self, *args, worker_id: str, **options) -> None:
        heartbeat = Heartbeat(worker_id)
        heartbeat.beat_now()  # alive before the first task, not one interval later
        heartbeat.start()
        try:
            super().handle(*args, worker_id=worker_id, **options)
        finally:
            heartbeat.stop()
