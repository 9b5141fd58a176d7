"""Health probes, the worker's heartbeat, and failed tasks tried again."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from laurel.core import worker
from laurel.core.models import AuditEntry, WorkerHeartbeat
from tests.core.tasks_for_tests import needs_file
from tests.settings_helpers import manage


def beat_seconds_ago(seconds: int, worker_id: str = "w1") -> WorkerHeartbeat:
    at = timezone.now() - timedelta(seconds=seconds)
    return WorkerHeartbeat.objects.create(
        worker_id=worker_id, host="h", pid=1, started_at=at, beat_at=at
    )


def test_healthz_answers_without_touching_the_database(client):
    # No database fixture: any query would fail this test.
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_ready_with_a_live_worker(client):
    beat_seconds_ago(5)

    response = client.get("/readyz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True,
        "migrations": True,
        "worker": True,
        "disk": True,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("seconds", [None, 3600])
def test_readyz_is_not_ready_without_a_live_worker(client, seconds):
    if seconds is not None:
        beat_seconds_ago(seconds)

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["status"] == "not ready"
    assert response.json()["checks"]["worker"]["ok"] is False


@pytest.mark.django_db
def test_readyz_is_not_ready_when_the_disk_is_nearly_full(client, settings):
    beat_seconds_ago(1)
    settings.READY_MIN_FREE_MB = 10**12

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["disk"]["ok"] is False
    assert response.json()["checks"]["disk"]["detail"].endswith("MB free")


@pytest.mark.system
def test_the_migrations_check_counts_what_is_not_applied(tmp_path):
    script = "from laurel.core import health; c = health.migrations(); print(c.ok, c.detail)"

    # Nothing migrated: a new, empty database.
    result = manage("shell", "--no-imports", "-c", script, env={}, tmp_path=tmp_path)

    assert result.returncode == 0, result.stderr
    ok, count, *rest = result.stdout.split()
    assert ok == "False" and int(count) > 30 and rest == ["not", "applied"]


@pytest.mark.django_db
def test_a_beat_records_and_refreshes_one_row_per_worker():
    started = timezone.now()
    worker.beat("w1", started)
    first = WorkerHeartbeat.objects.get().beat_at
    worker.beat("w1", started)

    assert WorkerHeartbeat.objects.count() == 1
    assert WorkerHeartbeat.objects.get().beat_at >= first
    assert worker.latest_beat() == WorkerHeartbeat.objects.get().beat_at


def running(worker_id: str, minutes_ago: int) -> DBTaskResult:
    result = DBTaskResult.objects.get(pk=needs_file.enqueue("/nowhere").id)
    result.status = TaskResultStatus.RUNNING
    result.worker_ids = [worker_id]
    result.started_at = timezone.now() - timedelta(minutes=minutes_ago)
    result.save()
    return result


@pytest.mark.django_db
def test_tasks_of_a_silent_worker_go_back_to_the_queue():
    beat_seconds_ago(5, "alive")
    beat_seconds_ago(600, "dead")
    of_the_dead = running("dead", minutes_ago=10)
    of_an_unknown = running("never-beat", minutes_ago=10)
    of_the_living = running("alive", minutes_ago=10)
    just_started = running("dead", minutes_ago=0)

    assert worker.requeue_abandoned() == 2

    states = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert states[of_the_dead.pk] == states[of_an_unknown.pk] == TaskResultStatus.READY
    assert states[of_the_living.pk] == states[just_started.pk] == TaskResultStatus.RUNNING


@pytest.mark.system
def test_the_worker_command_beats_while_it_runs_and_leaves_no_row(tmp_path):
    script = (
        "from django.core.management import call_command; "
        "from django_tasks_db.models import DBTaskResult; "
        "from laurel.core.models import WorkerHeartbeat as H; "
        "from tests.core.tasks_for_tests import heartbeats; "
        "heartbeats.enqueue(); "
        "call_command('laurel_worker', batch=True, startup_delay=False, verbosity=0); "
        "print(DBTaskResult.objects.get(task_path__endswith='heartbeats').return_value, "
        "H.objects.count(), "
        "DBTaskResult.objects.filter(task_path__endswith='apply_retention').count())"
    )
    manage("migrate", "-v", "0", env={}, tmp_path=tmp_path)

    result = manage("shell", "--no-imports", "-c", script, env={}, tmp_path=tmp_path)

    assert result.returncode == 0, result.stderr
    # One heartbeat while the task ran; none left once the worker had stopped; the daily
    # retention run scheduled by the worker.
    assert result.stdout.split() == ["1", "0", "1"]


@pytest.mark.django_db
def test_staff_see_a_failed_task_and_try_it_again(staff_client, run_tasks, tmp_path):
    marker = tmp_path / "ready"
    needs_file.enqueue(str(marker))
    run_tasks()
    failed = DBTaskResult.objects.get()
    assert failed.status == TaskResultStatus.FAILED

    page = staff_client.get(reverse("audit:tasks"))
    assert "tests.core.tasks_for_tests.needs_file" in page.content.decode()
    assert "tests.core.tasks_for_tests.NotYet" in page.content.decode()

    marker.write_text("now")
    response = staff_client.post(reverse("audit:task_retry", kwargs={"pk": failed.pk}))

    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == TaskResultStatus.READY and failed.exception_class_path == ""
    entry = AuditEntry.objects.get(key="task.retried")
    assert entry.data == {"task": str(failed.pk), "error": "NotYet"}
    assert run_tasks() == 1
    failed.refresh_from_db()
    assert failed.status == TaskResultStatus.SUCCESSFUL
    assert "No task has failed." in staff_client.get(reverse("audit:tasks")).content.decode()


@pytest.mark.django_db
def test_a_task_that_has_not_failed_is_not_retried(staff_client):
    result = DBTaskResult.objects.get(pk=needs_file.enqueue("/nowhere").id)

    response = staff_client.post(reverse("audit:task_retry", kwargs={"pk": result.pk}), follow=True)

    assert "has not failed" in response.content.decode()
    assert not AuditEntry.objects.filter(key="task.retried").exists()


@pytest.mark.django_db
def test_the_failed_task_list_does_not_grow_its_queries(staff_client, queries_for_one_and_many):
    def add(n):
        for _ in range(n):
            result = DBTaskResult.objects.get(pk=needs_file.enqueue("/nowhere").id)
            result.status = TaskResultStatus.FAILED
            result.finished_at = timezone.now()
            result.save()

    one, many = queries_for_one_and_many(lambda: staff_client.get(reverse("audit:tasks")), add)
    assert one == many
