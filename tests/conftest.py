"""Fixtures every test may use: the default award, a user for each role, signed-in clients."""

import copy
import functools
import os
import re
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY as AUTHENTICATION_METHODS_USER_SESSION_KEY,
)
from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.account.internal.userkit import user_id_to_str
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone, translation
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from laurel.accounts.enums import Role
from laurel.cycles.definition import read_file
from laurel.cycles.models import Cycle
from laurel.cycles.services import load_award
from tests.factories import RoleGrantFactory, UserFactory

ROOT = Path(__file__).resolve().parent.parent
# WhiteNoise looks for the collected static files at start; tests serve them from the finders.
Path(os.environ["LAUREL_DATA_DIR"], "static").mkdir(parents=True, exist_ok=True)
AWARD_FILE = ROOT / "awards" / "child10-2022.toml"
# The second example award: another theme, organiser, currency, scale and set of countries, three
# criteria and questions of its own (tests/cycles/test_second_award.py).
AURORA_FILE = ROOT / "awards" / "aurora-2027.toml"
# The journey tests that are not about one award's wording run on each (`example_award`).
EXAMPLE_AWARDS = {"child10-2022": AWARD_FILE, "aurora-2027": AURORA_FILE}

# Roles as the permission matrix and the role tests see them.
ROLES = ["anonymous", "staff", "staff_without_2fa", "finance", "committee", "laureate", "plain"]


@pytest.fixture(autouse=True)
def english():
    """Each test starts in English, whatever the one before it activated."""
    with translation.override("en"):
        yield


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing a password properly takes a third of a second; tests make many users."""
    settings.PASSWORD_HASHERS = FAST_HASHERS


@functools.cache
def _definition(path: Path):
    """An award file read and checked once a run (7 ms, for most tests); each test loads a copy."""
    return read_file(path)


def load_example(path: Path) -> Cycle:
    """An example award from its file, with its window opened from today: a window already
    past is moved by `open_now` (as `make run` moves it), one still to come is brought forward,
    each phase keeping its distance from the opening."""
    definition = copy.deepcopy(_definition(path))
    now = timezone.now()
    opens = definition.dates["nominations_open_at"]
    if opens > now:
        shift = now - timedelta(hours=1) - opens
        definition.dates = {name: value + shift for name, value in definition.dates.items()}
    cycle, _outcome = load_award(definition, open_now=True)
    return cycle


def load_child10() -> Cycle:
    return load_example(AWARD_FILE)


@pytest.fixture
def child10(db):
    """The Child10 Award 2022 from its definition file, with its window opened from today."""
    return load_child10()


@pytest.fixture
def aurora(db):
    """The Aurora Prize 2027 (the second example award), its window opened from today."""
    return load_example(AURORA_FILE)


@pytest.fixture(params=list(EXAMPLE_AWARDS))
def example_award(request, db):
    """Each example award in turn, its window opened from today: for a test of the journey
    rather than of one award's own wording."""
    return load_example(EXAMPLE_AWARDS[request.param])


# A scenario that every test of a module starts from, built once for the module (a scored
# committee costs 0.3–0.7 s, far more than most tests that read it). Isolation stays real: the
# module's writes are made in a transaction opened for the module and rolled back after its
# last test, and each test runs inside it in a savepoint of its own (pytest-django's `db`, a
# django.test.TestCase nested in it, which pytest-django allows for), rolled back after the test,
# so no test sees another's writes. The objects a test receives are read again from the database
# for each test (an instance one test changed in memory would otherwise reach the next).
# Only for modules whose every test starts from the scenario (a test with its own `child10`
# would find the module's award there) and none of which runs the live server (its thread
# reads through another connection, outside the module's transaction).


@dataclass(frozen=True)
class World:
    cycle: int  # the Child10 cycle's key
    staff: int  # the staff user's key
    value: object  # what the module's build returned (keys, not instances)


@pytest.fixture(scope="module")
def module_transaction(django_db_setup, django_db_blocker):
    """A transaction for the whole module, rolled back after it; gives `run(make)`, which calls
    `make()` inside it as a test would run (database unblocked, English, fast hashing)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()

    def run(make):
        with (
            django_db_blocker.unblock(),
            translation.override("en"),
            override_settings(PASSWORD_HASHERS=FAST_HASHERS),
        ):
            return make()

    try:
        yield run
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def shared_world(build):
    """The fixtures of a module whose tests share one scenario (see above): `world`, built once
    for the module by `build(cycle, staff)` (it returns keys that the module's own fixtures read
    again for each test), and `child10` and `staff_user` that are that cycle and that staff
    user, read again for each test. In a module: `world, child10, staff_user = shared_world(…)`."""

    @pytest.fixture(scope="module", name="world")
    def world(module_transaction):
        def make():
            cycle = load_child10()
            staff = make_user("staff")
            return World(cycle.pk, staff.pk, build(cycle, staff))

        return module_transaction(make)

    @pytest.fixture(name="child10")
    def shared_child10(world, db):
        return Cycle.objects.get(pk=world.cycle)

    @pytest.fixture(name="staff_user")
    def shared_staff_user(world, db):
        from laurel.accounts.models import User

        return User.objects.get(pk=world.staff)

    return world, shared_child10, shared_staff_user


def enrol_totp(user) -> str:
    """What the enrolment pages do: an authenticator app, and recovery codes beside it."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


def make_user(role: str, cycle=None):
    """A user holding one of ROLES (anonymous gives None)."""
    if role == "anonymous":
        return None
    user = UserFactory(email=f"{role}@example.org")
    grants = {
        "staff": (Role.STAFF, None),
        "staff_without_2fa": (Role.STAFF, None),
        "finance": (Role.FINANCE, None),
        "committee": (Role.COMMITTEE_MEMBER, cycle),
        "laureate": (Role.LAUREATE_CONTACT, cycle),
        "plain": None,
    }[role]
    if grants:
        RoleGrantFactory(user=user, role=grants[0], cycle=grants[1])
    if role in {"staff", "finance", "committee"}:
        enrol_totp(user)
    return user


def sign_in(client, user) -> None:
    """Sign `user` in on the test client as allauth would after a full sign-in: the session
    records the password and, for a user with an authenticator app, the second factor (the
    accounts middleware refuses a session of a second-factor role without that record).
    Use this, never client.force_login, for a signed-in user."""
    client.force_login(user)
    records = [{"method": "password", "at": time.time(), "email": user.email}]
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is not None:
        records.append({"method": "mfa", "at": time.time(), "id": totp.pk, "type": "totp"})
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session[AUTHENTICATION_METHODS_USER_SESSION_KEY] = user_id_to_str(user)
    session.save()


@pytest.fixture
def staff_user(db):
    return make_user("staff")


@pytest.fixture
def staff_client(client, staff_user):
    sign_in(client, staff_user)
    return client


@pytest.fixture
def run_tasks():
    """Run every task that is due, through django-tasks-db's own worker, and return how many.

    The worker's loop also recycles database connections, which would end a test's transaction,
    so the claiming is done here and each task is run by the worker's `run_task`.
    """

    def run() -> int:
        worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        )
        ran = 0
        while True:
            with transaction.atomic():
                result = DBTaskResult.objects.ready().get_locked()
                if result is None:
                    return ran
                result.claim(worker.worker_id)
            worker.run_task(result)
            ran += 1

    return run


def count_queries(func, ignore: re.Pattern | None = None) -> int:
    """The number of SQL queries func issued, leaving out those `ignore` matches."""
    with CaptureQueriesContext(connection) as context:
        func()
    sql = [query["sql"] for query in context.captured_queries]
    return sum(1 for text in sql if not (ignore and ignore.match(text)))


@pytest.fixture
def queries_for_one_and_many():
    """(queries with one row, queries with many rows) for a list page: add(n) adds n rows,
    fetch() loads the page. A list whose query count grows with its rows has an N+1 bug."""

    def measure(fetch, add, many: int = 25) -> tuple[int, int]:
        add(1)
        one = count_queries(fetch)
        add(many)
        return one, count_queries(fetch)

    return measure


# Tests that run the site's own processes: a production server, a cluster behind nginx, a
# PostgreSQL cluster of their own, a backup and its restore. Seconds each, not milliseconds.
# Their processes open DATABASE_URL's database. A test elsewhere that starts manage.py in a
# fresh process of its own (the settings and hardening checks, the task worker) is marked
# `system` where it is written; it sets its own database, so the SQLite run alone has it.
SYSTEM_TESTS = (
    "tests/deployment/",
    "tests/reliability/",
    "tests/nominations/test_nothing_lost.py",
    "tests/core/test_backup.py",
)


# What opens the test database: pytest-django refuses any other test a connection to it.
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}
# Tests without the test database whose result still depends on DATABASE_URL: they start a fresh
# interpreter with it (the web worker's imports include the database driver).
READ_DATABASE_URL = ("tests/test_lean_processes.py",)


def uses_the_database(item) -> bool:
    """Whether the test opens the database, so that the PostgreSQL run of `make test` has it;
    a `measure` is left to the SQLite run (the marker says why)."""
    if item.get_closest_marker("measure") is not None:
        return False
    fixtures = set(getattr(item, "fixturenames", ()))
    path = Path(item.fspath).relative_to(ROOT).as_posix()
    return (
        bool(fixtures & DATABASE_FIXTURES)
        or item.get_closest_marker("django_db") is not None
        or path.startswith(SYSTEM_TESTS + READ_DATABASE_URL)
    )


def pytest_collection_modifyitems(config, items):
    """The `system` and `browser` markers, by where a test lives, so that the inner loop is
    `pytest -m "not system and not browser"`.

    With LAUREL_DATABASE_TESTS_ONLY=true (scripts/test.sh sets it on the PostgreSQL run), the
    tests that never open the database are left out: pytest-django refuses them a connection,
    so they give the same result on either database, and the SQLite run has them. The system
    tests stay (their processes open the database themselves), and so do READ_DATABASE_URL."""
    for item in items:
        path = Path(item.fspath).relative_to(ROOT).as_posix()
        if path.startswith(SYSTEM_TESTS):
            item.add_marker(pytest.mark.system)
            # Under pytest-xdist (`-n 2 --dist loadgroup`) these run one after another on one
            # worker: the databases and clusters they make are named after DATABASE_URL.
            item.add_marker(pytest.mark.xdist_group("system"))
        if path.startswith("tests/browser/"):
            item.add_marker(pytest.mark.browser)
    # A `measure` (half a minute, where a test takes a tenth of a second) goes first, the rest
    # keeping their random order: under pytest-xdist it then fills one worker while the other
    # runs the rest, instead of being dealt last and running alone at the end.
    items.sort(key=lambda item: item.get_closest_marker("measure") is None)
    if os.environ.get("LAUREL_DATABASE_TESTS_ONLY", "").lower() == "true":
        keep = [uses_the_database(item) for item in items]
        config.hook.pytest_deselected(items=[i for i, k in zip(items, keep, strict=True) if not k])
        items[:] = [i for i, k in zip(items, keep, strict=True) if k]


def pytest_report_header(config):
    return f"database: {os.environ.get('DATABASE_URL', 'sqlite (default)').split('@')[-1]}"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """SQLite tests use a file, as production does: an in-memory database would be one
    connection shared by the live server's threads, which production never does."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    options = database.setdefault("OPTIONS", {})
    # A throw-away database needs no durability against a crash or power loss: its commits
    # return before they reach the disk (LAUREL_TEST_SYNC=full keeps the production settings).
    # What is committed stays visible and consistent; the flush after each live-server test
    # commits some forty times (measured 2026-12-07 on SQLite: 0.34 s → 0.05 s a flush). The
    # tests of durability run the production server, with its own settings.
    fast_commits = os.environ.get("LAUREL_TEST_SYNC", "") != "full"
    # The test database's tables are made from the models, not by running the 59 migrations
    # (10-12 s of each run's and each worker's start, measured 2026-12-07); django_db_setup
    # below records the migrations as applied. tests/deployment/test_migrations.py holds that the
    # migrations make the same schema, on each database.
    database.setdefault("TEST", {})["MIGRATE"] = False
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(
            tmp_path_factory.mktemp("database") / "laurel-test.sqlite3"
        )
        if fast_commits:  # the same WAL journal, synced at checkpoints only
            options["init_command"] = options["init_command"].replace(
                "synchronous=FULL", "synchronous=NORMAL"
            )
    elif database["ENGINE"] == "django.db.backends.postgresql" and fast_commits:
        options["options"] = f"{options.get('options', '')} -c synchronous_commit=off".strip()


def _flush_by_deleting(ops, style, tables, *, reset_sequences=False, allow_cascade=False):
    """PostgreSQL's flush for the tests: DELETE each table, its foreign keys checked at the
    commit (Django makes them DEFERRABLE INITIALLY DEFERRED), where Django TRUNCATEs them all.
    TRUNCATE makes new files for every table and index, about 0.4 s for Laurel's 81 tables on
    this machine and several seconds under load; a test's few rows DELETE in 6 ms (measured
    2026-12-07). Each live-server and browser test ends with a flush. A flush that resets
    sequences, or cascades, is left to Django (`tests/test_flush.py` holds that every table
    ends empty)."""
    if reset_sequences or allow_cascade or not tables:
        return _truncating_flush(
            ops, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
    quote = ops.quote_name
    # The names are the tables Django lists, quoted: nothing typed by anyone.
    deletes = (f"DELETE FROM {quote(table)}" for table in tables)  # noqa: S608
    return ["SET CONSTRAINTS ALL DEFERRED", *deletes]


try:
    from django.db.backends.postgresql.operations import DatabaseOperations as _PostgresOps
except ImportError:  # psycopg is a dependency; this only keeps conftest importable without it
    _PostgresOps = None
if _PostgresOps is not None and os.environ.get("LAUREL_TEST_SYNC", "") != "full":
    _truncating_flush = _PostgresOps.sql_flush
    _PostgresOps.sql_flush = _flush_by_deleting


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, made from the models (above), with every migration recorded as
    applied, as a migrated database has them: the tests of a migration walk back from there,
    and the operations check (laurel.core.health) counts none missing."""
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.recorder import MigrationRecorder

    with django_db_blocker.unblock():
        recorder = MigrationRecorder(connection)
        recorder.ensure_schema()  # made by migrate only where it runs a migration
        applied = recorder.applied_migrations()
        graph = MigrationLoader(connection, ignore_no_migrations=True).graph
        recorder.migration_qs.bulk_create(
            recorder.Migration(app=app, name=name)
            for app, name in sorted(graph.nodes)
            if (app, name) not in applied
        )


# After each live-server and browser test Django flushes every table, then sends post_migrate,
# whose receivers (contenttypes' and auth's, the only ones installed) write the content types
# and permissions again: six sevenths of the flush's time (measured 2026-12-07 with py-spy on
# two browser files: the flush 7.4 % of their Python time, post_migrate 86 % of that). Those two
# tables hold only what the models declare, the same for every test, and no test writes them:
# the flush leaves them as they are and sends nothing (tests/test_flush.py holds that every other
# table ends empty, and that post_migrate would add nothing to the two).
KEPT_BY_THE_FLUSH = ("django_content_type", "auth_permission")


def _flush_but_the_declared_rows(style, connection, reset_sequences=True, allow_cascade=False):
    tables = [
        table
        for table in connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        if table not in KEPT_BY_THE_FLUSH
    ]
    return connection.ops.sql_flush(
        style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
    )


def _nothing_to_write_again(*args, **kwargs):
    """post_migrate after a flush: the declared rows were kept (above)."""


from django.core.management.commands import flush as _flush_command  # noqa: E402

_flush_command.sql_flush = _flush_but_the_declared_rows
_flush_command.emit_post_migrate_signal = _nothing_to_write_again
