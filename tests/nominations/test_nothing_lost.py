"""Nothing lost: SIGKILL the production server in the middle of a burst of nominations; every
nomination a client was told about exists exactly once afterwards, and the database is sound."""

import os
import sqlite3
import threading
import time

import psycopg
import pytest
import requests

from tests.production_server import (
    BTREE_CHECK,
    Burst,
    ProductionServer,
    form_fields,
    fresh_postgres,
)

CLIENTS = 8


def rows(server: ProductionServer, database_url: str, sql: str, params=()) -> list:
    if database_url:
        with psycopg.connect(database_url) as connection:
            cursor = connection.execute(sql.replace("?", "%s"), params)
            return cursor.fetchall() if cursor.description else []
    with sqlite3.connect(server.env["LAUREL_DATA_DIR"] + "/laurel.sqlite3") as connection:
        return connection.execute(sql, params).fetchall()


@pytest.fixture
def server(tmp_path):
    """The production server on a database of its own (PostgreSQL on the PostgreSQL run)."""
    database_url = ""
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        database_url = fresh_postgres(os.environ["DATABASE_URL"], "nothing_lost")
    server = ProductionServer(tmp_path, database_url=database_url)
    server.database_url = database_url
    server.prepare()
    server.start()
    yield server
    server.stop()


@pytest.mark.timeout(240)
def test_sigkill_mid_burst_loses_no_acknowledged_nomination(server):
    database_url = server.database_url
    with Burst(server.url, CLIENTS) as burst:
        deadline = time.monotonic() + 60
        while len(burst.told) < 25 and time.monotonic() < deadline:
            time.sleep(0.05)
        server.kill()  # mid-burst: requests are in flight
    server.start()  # the same database, after the crash
    server.stop()

    assert len(burst.told) >= 25
    hashes = burst.hashes()
    placeholders = ",".join("?" * len(hashes))
    found = rows(
        server,
        database_url,
        "SELECT token_hash, state, reference FROM nominations_nomination "  # noqa: S608
        f"WHERE token_hash IN ({placeholders})",  # placeholders only: values are parameters
        hashes,
    )
    assert sorted(row[0] for row in found) == sorted(hashes)
    assert {row[1] for row in found} == {"submitted"}
    assert all(row[2] for row in found)
    unversioned = rows(
        server,
        database_url,
        "SELECT n.id FROM nominations_nomination n LEFT JOIN nominations_nominationversion v "
        "ON v.nomination_id = n.id WHERE n.state = 'submitted' AND v.id IS NULL",
    )
    assert unversioned == []
    if database_url:
        rows(server, database_url, "CREATE EXTENSION IF NOT EXISTS amcheck")
        checked = rows(server, database_url, BTREE_CHECK)
        assert len(checked) > 10
    else:
        assert rows(server, database_url, "PRAGMA integrity_check") == [("ok",)]
        assert rows(server, database_url, "PRAGMA foreign_key_check") == []


@pytest.mark.timeout(120)
def test_two_tabs_submitting_the_same_draft_at_once_make_one_nomination(server):
    import re

    database_url = server.database_url
    session = requests.Session()
    page = session.get(f"{server.url}/en/nominate/")
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    token = re.search(r'name="token" value="([^"]+)"', page.text).group(1)
    fields = form_fields([1, 2, 3, 4], 1)
    session.post(
        f"{server.url}/en/nominate/",
        allow_redirects=False,
        data={**fields, "csrfmiddlewaretoken": csrf, "token": token, "action": "review"},
        headers={"Referer": f"{server.url}/en/nominate/"},
    )
    review = f"{server.url}/en/nominate/n/{token}/review/"
    answers = []

    def submit():
        response = session.post(
            review,
            data={"csrfmiddlewaretoken": csrf},
            headers={"Referer": review},
            allow_redirects=False,
        )
        answers.append(response.headers.get("Location", ""))

    tabs = [threading.Thread(target=submit) for _ in range(4)]
    for tab in tabs:
        tab.start()
    for tab in tabs:
        tab.join()

    # Each tab lands on the nomination: the thank-you page, or its page if another tab won.
    assert set(answers) <= {f"/en/nominate/n/{token}/submitted/", f"/en/nominate/n/{token}/"}
    assert len(answers) == 4
    assert rows(
        server,
        database_url,
        "SELECT count(*) FROM nominations_nomination WHERE reference IS NOT NULL",
    ) == [(1,)]
    assert rows(server, database_url, "SELECT count(*) FROM nominations_nominationversion") == [
        (1,)
    ]
