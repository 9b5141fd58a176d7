"""The deployment a larger installation uses, proved on one machine: PostgreSQL, two gunicorn
instances behind nginx, two task workers, shared uploads. Sessions and rate limits hold across
instances; a web instance killed under load loses no accepted nomination while the other keeps
serving; a worker killed mid-task has its task run by the other."""

import os
import re
import signal
import time

import pytest
import requests

from tests.cluster import Cluster
from tests.production_server import Burst, form_fields, fresh_postgres, wait_until

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="several machines share PostgreSQL: this runs on the PostgreSQL run",
    ),
    pytest.mark.skipif(not os.path.exists("/usr/sbin/nginx"), reason="nginx is not installed"),
    pytest.mark.timeout(300),
]


@pytest.fixture
def cluster(tmp_path, request):
    """The cluster on a fresh database; a test's `limits` marker sets the per-address limits."""
    limits = request.node.get_closest_marker("limits")
    saves = limits.args[0] if limits else "1000000"
    database_url = fresh_postgres(os.environ["DATABASE_URL"], "cluster")
    cluster = Cluster(
        tmp_path, database_url, NOMINATION_SAVES_PER_ADDRESS=saves,
        NOMINATION_SUBMITS_PER_ADDRESS="1000000", ALTCHA_COST="10",
    )  # fmt: skip
    cluster.start()
    yield cluster
    cluster.stop()


def behind_the_proxy() -> requests.Session:
    """A browser talking to one instance directly, as nginx would pass it on (the instances
    believe only the proxy's X-Forwarded-For, and allauth refuses a request without it)."""
    session = requests.Session()
    session.headers["X-Forwarded-For"] = "203.0.113.7"
    return session


def csrf_of(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


@pytest.mark.limits("6")
def test_sessions_and_rate_limits_hold_across_instances(cluster):
    first, second = cluster.web
    cluster.manage(
        "shell", "--no-imports", "-c",
        "from allauth.account.models import EmailAddress; from laurel.accounts.models import User; "
        "u = User.objects.create_user(email='plain@example.org', password='correct horse 42'); "
        "EmailAddress.objects.create(user=u, email=u.email, verified=True, primary=True)",
    )  # fmt: skip
    browser = behind_the_proxy()
    login = browser.get(f"{first.url}/en/accounts/login/", timeout=10)
    signed_in = browser.post(
        f"{first.url}/en/accounts/login/",
        data={"login": "plain@example.org", "password": "correct horse 42",
              "csrfmiddlewaretoken": csrf_of(login.text)},
        headers={"Referer": f"{first.url}/en/accounts/login/"}, timeout=10,
    )  # fmt: skip
    assert signed_in.status_code == 200

    # The session made by one instance opens a page on the other (signed out, it would be a
    # redirect to the sign-in page).
    on_second = browser.get(
        f"{second.url}/en/accounts/password/change/", allow_redirects=False, timeout=10
    )
    assert on_second.status_code == 200
    assert 'name="oldpassword"' in on_second.text

    # One limit for both instances: six draft saves an hour from one address, wherever they land.
    statuses = []
    for n in range(8):
        server = cluster.web[n % 2]
        page = browser.get(f"{server.url}/en/nominate/", timeout=10)
        token = re.search(r'name="token" value="([^"]+)"', page.text).group(1)
        saved = browser.post(
            f"{server.url}/en/nominate/",
            data={**form_fields([1, 2, 3, 4], n), "token": token, "action": "save",
                  "csrfmiddlewaretoken": csrf_of(page.text)},
            headers={"Referer": f"{server.url}/en/nominate/"}, allow_redirects=False, timeout=10,
        )  # fmt: skip
        statuses.append(saved.status_code)
    assert statuses == [302] * 6 + [429, 429]


def test_uploads_made_through_one_instance_are_there_for_the_other(cluster):
    first, second = cluster.web
    browser = behind_the_proxy()
    page = browser.get(f"{first.url}/en/nominate/", timeout=10)
    token = re.search(r'name="token" value="([^"]+)"', page.text).group(1)
    browser.post(
        f"{first.url}/en/nominate/",
        data={**form_fields([1, 2, 3, 4], 1), "token": token, "action": "save",
              "csrfmiddlewaretoken": csrf_of(page.text)},
        files={"attachments": ("report.pdf", b"%PDF-1.4 annual report", "application/pdf")},
        headers={"Referer": f"{first.url}/en/nominate/"}, timeout=10,
    )  # fmt: skip

    [(name,)] = cluster.query("SELECT file FROM nominations_attachment")
    assert (cluster.base / "shared-media" / name).read_bytes() == b"%PDF-1.4 annual report"
    # The other instance shows the draft with its attachment.
    manage = browser.get(f"{second.url}/en/nominate/n/{token}/", timeout=10)
    assert "report.pdf" in manage.text


def test_a_web_instance_killed_under_load_loses_nothing_and_the_other_serves(cluster):
    with Burst(cluster.url, 6) as burst:
        wait_until(lambda: burst.told_after(0) >= 10)  # both instances under load
        cluster.web[0].kill()  # SIGKILL, requests in flight
        killed_at = time.monotonic()
        wait_until(lambda: burst.told_after(killed_at + 0.5) >= 5)

    after = [token for at, token in burst.told if at > killed_at + 0.5]
    assert len(after) >= 5, "the other instance kept taking nominations"
    hashes = burst.hashes()
    stored = cluster.query(
        "SELECT token_hash FROM nominations_nomination WHERE token_hash = ANY(%s)", (hashes,)
    )
    assert sorted(row[0] for row in stored) == sorted(hashes)  # every acknowledged one, once


def test_a_worker_killed_mid_task_has_its_task_run_by_the_other(cluster):
    mark = cluster.base / "mark"
    cluster.manage(
        "shell", "--no-imports", "-c",
        f"from tests.core.tasks_for_tests import slow; slow.enqueue('{mark}', 3)",
    )  # fmt: skip
    doomed = cluster.start_worker()
    for _ in range(100):
        running = cluster.query(
            "SELECT worker_ids FROM django_tasks_database_dbtaskresult "
            "WHERE task_path LIKE %s AND status = 'RUNNING'", ("%slow",),
        )  # fmt: skip
        if running:
            break
        time.sleep(0.1)
    assert running, "the first worker took the task"
    cluster.start_worker()
    os.killpg(doomed.pid, signal.SIGKILL)
    doomed.wait(timeout=10)

    for _ in range(300):
        [(status, worker_ids)] = cluster.query(
            "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult "
            "WHERE task_path LIKE %s", ("%slow",),
        )  # fmt: skip
        if status == "SUCCESSFUL":
            break
        time.sleep(0.1)
    assert status == "SUCCESSFUL"
    assert len(worker_ids) == 2 and worker_ids[0] != worker_ids[1]  # claimed twice: the retry
    assert mark.read_text() == "done"
