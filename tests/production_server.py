"""The production server as `make run` starts it (gunicorn, two workers), on a database of its
own, for tests that kill it and for the benchmarks."""

import hashlib
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import requests

from config import env

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def recreate_postgres(url: str, *, template: str = "") -> None:
    """Drop the PostgreSQL database `url` names and make it again: empty, or a copy of
    `template` (a database on the same server that nobody is connected to)."""
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    name = parts.path.strip("/")
    copy = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"{copy}')


def fresh_postgres(url: str, suffix: str) -> str:
    """A new, empty PostgreSQL database next to the one in `url`, named after it (`laurel_h4`
    and `cluster` make `laurel_h4_cluster`, so that runs on different databases of one server
    never drop each other's); its URL."""
    parts = urlsplit(url)
    fresh = urlunsplit(parts._replace(path=f"/{parts.path.strip('/')}_{suffix}"))
    recreate_postgres(fresh)
    return fresh


# Databases prepared for the production server (migrated, cache table made, award loaded), one
# per PostgreSQL server or one SQLite file, made once per process: migrating takes 15-40 s on a
# busy machine, copying a prepared database well under a second.
_prepared: dict[str, str] = {}


def prepared_database(database_url: str) -> str:
    """The prepared database for a server on `database_url` (empty: SQLite): for PostgreSQL the
    name of a template database on the same server, for SQLite the path of a file."""
    parts = urlsplit(database_url)
    key = parts.netloc
    if key not in _prepared:
        if database_url:
            template_url = fresh_postgres(database_url, "server_template")
            ProductionServer(Path(tempfile.mkdtemp()), database_url=template_url).migrate()
            _prepared[key] = urlsplit(template_url).path.strip("/")
        else:
            data_dir = Path(tempfile.mkdtemp(prefix="laurel-prepared-"))
            ProductionServer(data_dir).migrate()
            _prepared[key] = str(data_dir / "laurel.sqlite3")
    return _prepared[key]


class ProductionServer:
    def __init__(
        self, data_dir: Path, *, database_url: str = "", workers: int = 2, threads: int = 1, **env
    ):
        self.threads = threads
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.log = data_dir / "gunicorn.log"
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

    def migrate(self) -> None:
        """What `make run` does to a new database: migrate, make the cache table, load the award."""
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("createcachetable")
        self.manage("load_award", "awards/child10-2022.toml", "--open-now")

    def prepare(self) -> None:
        """The server's database as migrate() leaves it, copied from the prepared database."""
        data_dir = env.private_directory(Path(self.env["LAUREL_DATA_DIR"]))
        if not self.env.get("FIELD_ENCRYPTION_KEYS"):
            # What the first manage command makes in a new data directory (gunicorn's workers,
            # booting at once, would race to make it).
            env.field_keys(data_dir)
        database_url = self.env.get("DATABASE_URL", "")
        prepared = prepared_database(database_url)
        if database_url:
            recreate_postgres(database_url, template=prepared)
            return
        target = env.private_file(data_dir / "laurel.sqlite3")
        # SQLite's backup API copies a consistent database, whatever its WAL still holds.
        source, copy = sqlite3.connect(prepared), sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            source.close()
            copy.close()

    def start(self) -> None:
        env.private_directory(self.log.parent)
        with self.log.open("ab") as log:  # gunicorn's output, shown if it does not start
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
                stderr=log,
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
        log = self.log.read_text(errors="replace")[-3000:]
        raise RuntimeError(f"the production server did not start; its log ends:\n{log}")

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
        "org_website": f"https://organisation-{n}.example.org",
        "org_description": "Runs a helpline.",
        "org_founded_year": "2009",
        "nominator_name": f"Nominator {n}",
        "nominator_email": f"nominator{n}@example.org",
        "relationship": "partner",
        "q_organisation_aware": "yes",
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


def wait_until(condition, *, timeout: float = 60, interval: float = 0.05) -> None:
    """Return as soon as `condition()` holds; after `timeout` seconds, return all the same and
    let the caller's assertion say what did not happen. For a test that would otherwise sleep a
    fixed time and count (too short on a loaded machine, too long on a quiet one)."""
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(interval)


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

    def told_after(self, moment: float) -> int:
        """How many nominations the server acknowledged after `moment` (time.monotonic())."""
        with self._lock:
            return sum(1 for at, _token in self.told if at > moment)

    def failed_between(self, start: float, end: float) -> bool:
        """Whether an attempt failed between `start` and `end` (time.monotonic())."""
        with self._lock:
            return any(start < at < end for at in self.failed)

    def hashes(self) -> list[str]:
        """The stored form of every acknowledged nomination's token."""
        return [token_hash(token) for _at, token in self.told]
