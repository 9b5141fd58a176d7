"""The production server as `make run` starts it (gunicorn, two workers), on a database of its
own, for tests that kill it and for the benchmarks."""

import hashlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fresh_postgres(url: str, name: str) -> str:
    """A new, empty PostgreSQL database next to the one in `url`; its URL."""
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


class ProductionServer:
    def __init__(
        self, data_dir: Path, *, database_url: str = "", workers: int = 2, threads: int = 1, **env
    ):
        self.threads = threads
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
        }
        self.env.update(
            SECRET_KEY="test-secret-" + "k" * 60,
            LAUREL_DATA_DIR=str(data_dir),
            LAUREL_PLAIN_STATIC="true",
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SITE_URL=self.url,
            DEBUG="false",
            EMAIL_HOST="",
            **env,
        )
        if database_url:
            self.env["DATABASE_URL"] = database_url
        self.process: subprocess.Popen | None = None

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {args[0]} failed:\n{result.stderr[-2000:]}")
        return result.stdout

    def prepare(self) -> None:
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("createcachetable")
        self.manage("load_award", "awards/child10-2022.toml", "--open-now")

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--threads",
                str(self.threads),
                "--graceful-timeout",
                "5",
            ],
            cwd=ROOT,
            env=self.env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                # A cold worker's first request loads the whole site: slow on a busy machine.
                if requests.get(f"{self.url}/en/", timeout=15).status_code == 200:
                    return
            except (requests.ConnectionError, requests.Timeout):
                pass
            time.sleep(0.2)
        raise RuntimeError("the production server did not start")

    def kill(self) -> None:
        """SIGKILL to gunicorn and every worker: no shutdown, no flush, no goodbye."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


def nominate(session: requests.Session, base: str, fields: dict) -> str | None:
    """The whole flow as a browser does it: the form, the draft, the review, the submit.
    Returns the private token once the server said the nomination was received."""
    page = session.get(f"{base}/en/nominate/", timeout=30)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    token = re.search(r'name="token" value="([^"]+)"', page.text).group(1)
    saved = session.post(
        f"{base}/en/nominate/",
        data={**fields, "csrfmiddlewaretoken": csrf, "token": token, "action": "review"},
        headers={"Referer": f"{base}/en/nominate/"},
        allow_redirects=False,
        timeout=30,
    )
    if saved.status_code != 302 or not saved.headers["Location"].endswith("/review/"):
        return None
    review = f"{base}{saved.headers['Location']}"
    data = {"csrfmiddlewaretoken": csrf, **fields.get("_review", {})}
    sent = session.post(
        review, data=data, headers={"Referer": review}, allow_redirects=False, timeout=30
    )
    if sent.status_code == 302 and sent.headers["Location"].endswith("/submitted/"):
        return token
    return None


def form_fields(criteria_numbers: list[int], n: int) -> dict:
    fields = {
        "org_name": f"Organisation {n}",
        "org_country": "SE",
        "org_city": "Malmö",
        "org_description": "Runs a helpline.",
        "org_founded_year": "2009",
        "nominator_name": f"Nominator {n}",
        "nominator_email": f"nominator{n}@example.org",
        "relationship": "partner",
        "organisation_aware": "yes",
        "preferred_language": "en",
        "declared_true": "on",
        "declared_safeguarding": "on",
        "declared_privacy": "on",
    }
    for number in criteria_numbers:
        fields[f"answer_{number}"] = "Sustained, documented, rights-based work with partners."
    return fields


def token_hash(token: str) -> str:
    """How a nomination's private token is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


# PostgreSQL's amcheck over every btree index of the application's tables (one row per index).
BTREE_CHECK = (
    "SELECT bt_index_check(c.oid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
    "JOIN pg_am a ON a.oid = c.relam "
    "WHERE a.amname = 'btree' AND c.relnamespace = 'public'::regnamespace"
)


class Burst:
    """`clients` threads nominating through `url`, each in a loop, while the `with` block runs
    (whatever it does to the servers). Each outcome is kept with its time: `told`, (time, token)
    of every nomination the server acknowledged; `failed`, the times of the attempts it did not."""

    def __init__(self, url: str, clients: int):
        self.told: list[tuple[float, str]] = []
        self.failed: list[float] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._client, args=(url, number)) for number in range(clients)
        ]

    def _client(self, url: str, number: int) -> None:
        session, n = requests.Session(), 0
        while not self._stop.is_set():
            n += 1
            try:
                token = nominate(session, url, form_fields([1, 2, 3, 4], number * 1000 + n))
            except (requests.RequestException, AttributeError):
                token = None
            with self._lock:
                if token:
                    self.told.append((time.monotonic(), token))
                else:
                    self.failed.append(time.monotonic())

    def __enter__(self) -> "Burst":
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)

    def hanging(self) -> bool:
        """Whether a client is still waiting after the burst (a request that never ended)."""
        return any(thread.is_alive() for thread in self._threads)

    def hashes(self) -> list[str]:
        """The stored form of every acknowledged nomination's token."""
        return [token_hash(token) for _at, token in self.told]
