"""Benchmark: the nomination flow and the call page on the production server `make run` starts.

    .venv/bin/python bench/nominations.py [--seconds 30] [--clients 8] [--databases sqlite,postgres]

Prints one JSON document. For each database: gunicorn with two workers on a fresh database;
`clients` threads each doing the whole flow as a browser would (the form page with its CSRF
token, the draft, the review page, a solved ALTCHA challenge, the submit) for `seconds`; then
every success a client saw is looked up in the database, and duplicates are counted. Then the
call page alone at 8 and 32 clients. Timing lives here, never in the tests.
"""

import argparse
import http.client
import json
import os
import re
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import altcha
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.production_server import ProductionServer, form_fields, fresh_postgres, token_hash

PG_URL = os.environ.get("LAUREL_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/laurel")


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run_clients(client, clients: int) -> float:
    """Run client(number) in `clients` threads at once; the seconds until all have finished."""
    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(number,)) for number in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


class Response:
    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes):
        self.status_code = status
        self.headers = headers
        self.text = body.decode()

    def json(self):
        return json.loads(self.text)


class Browser:
    """A small HTTP client with a cookie jar: what a browser sends, at a fraction of the CPU that
    `requests` spends per request (the clients share the server's two cores)."""

    def __init__(self, base: str):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, url: str, data: dict | None = None, headers=None) -> Response:
        path = url.split(f":{self.port}", 1)[-1]
        sent = {"Host": f"{self.host}:{self.port}", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        # The sync workers close every connection after the response: one connection a request.
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return Response(response.status, response.headers, content)

    def get(self, url: str, **_ignored) -> Response:
        return self.request("GET", url)

    def post(self, url: str, data: dict, headers=None, **_ignored) -> Response:
        return self.request("POST", url, data, headers)


def solve(session: Browser, base: str) -> str:
    challenge = altcha.v2.Challenge.from_dict(session.get(f"{base}/en/nominate/challenge/").json())
    return altcha.Payload(
        challenge=challenge, solution=altcha.solve_challenge(challenge)
    ).to_base64()


def one_nomination(session, base, n, submit_times) -> str | None:
    page = session.get(f"{base}/en/nominate/", timeout=30)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    token = re.search(r'name="token" value="([^"]+)"', page.text).group(1)
    saved = session.post(
        f"{base}/en/nominate/",
        allow_redirects=False,
        timeout=30,
        data={
            **form_fields([1, 2, 3, 4], n),
            "csrfmiddlewaretoken": csrf,
            "token": token,
            "action": "review",
        },
        headers={"Referer": f"{base}/en/nominate/"},
    )
    if saved.status_code != 302:
        return None
    review = f"{base}{saved.headers['Location']}"
    session.get(review, timeout=30)
    payload = solve(session, base)
    started = time.perf_counter()
    sent = session.post(
        review,
        data={"csrfmiddlewaretoken": csrf, "altcha": payload},
        headers={"Referer": review},
        allow_redirects=False,
        timeout=30,
    )
    submit_times.append(time.perf_counter() - started)
    if sent.status_code == 302 and sent.headers["Location"].endswith("/submitted/"):
        return token
    return None


def flow(server: ProductionServer, clients: int, seconds: float) -> dict:
    tokens: list[str] = []
    submit_times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    end = time.monotonic() + seconds

    def client(number: int) -> None:
        session = Browser(server.url)
        n = 0
        while time.monotonic() < end:
            n += 1
            try:
                token = one_nomination(session, server.url, number * 100000 + n, submit_times)
            except (OSError, http.client.HTTPException, AttributeError) as error:
                token = None
                with lock:
                    errors.append(type(error).__name__)
                continue
            with lock:
                if token:
                    tokens.append(token)
                else:
                    errors.append("not accepted")

    elapsed = run_clients(client, clients)
    return {
        "completed": len(tokens),
        "per_second": round(len(tokens) / elapsed, 1),
        "submit_ms": {
            "p50": round(percentile(submit_times, 0.50) * 1000, 1),
            "p95": round(percentile(submit_times, 0.95) * 1000, 1),
            "p99": round(percentile(submit_times, 0.99) * 1000, 1),
        },
        "errors": len(errors),
        "tokens": tokens,
    }


def call_page(server: ProductionServer, clients: int, seconds: float) -> dict:
    times: list[float] = []
    errors = 0
    lock = threading.Lock()
    end = time.monotonic() + seconds

    def client() -> None:
        nonlocal errors
        session = Browser(server.url)
        while time.monotonic() < end:
            started = time.perf_counter()
            try:
                ok = session.get(f"{server.url}/en/", timeout=30).status_code == 200
            except (OSError, http.client.HTTPException):
                ok = False
            with lock:
                times.append(time.perf_counter() - started)
                errors += 0 if ok else 1

    elapsed = run_clients(lambda _number: client(), clients)
    return {
        "clients": clients,
        "requests_per_second": round(len(times) / elapsed, 1),
        "p99_ms": round(percentile(times, 0.99) * 1000, 1),
        "p50_ms": round(percentile(times, 0.50) * 1000, 1),
        "errors": errors,
    }


def check_rows(server: ProductionServer, database_url: str, tokens: list[str]) -> dict:
    hashes = [token_hash(token) for token in tokens]
    sql = "SELECT token_hash FROM nominations_nomination WHERE state = 'submitted'"
    if database_url:
        with psycopg.connect(database_url) as connection:
            stored = [row[0] for row in connection.execute(sql)]
    else:
        with sqlite3.connect(Path(server.env["LAUREL_DATA_DIR"]) / "laurel.sqlite3") as connection:
            stored = [row[0] for row in connection.execute(sql)]
    return {
        "successes_seen": len(hashes),
        "missing": len(set(hashes) - set(stored)),
        "duplicates": len(stored) - len(set(stored)),
        "rows": len(stored),
    }


def run(database: str, args) -> dict:
    with tempfile.TemporaryDirectory() as data_dir:
        database_url = fresh_postgres(PG_URL, "bench") if database == "postgres" else ""
        # All the benchmark's clients come from 127.0.0.1: lift the per-address limits.
        server = ProductionServer(
            Path(data_dir),
            database_url=database_url,
            threads=args.threads,
            ALTCHA_COST=str(args.altcha_cost),
            NOMINATION_SAVES_PER_ADDRESS="1000000",
            NOMINATION_SUBMITS_PER_ADDRESS="1000000",
        )
        server.prepare()
        server.start()
        try:
            result = flow(server, args.clients, args.seconds)
            tokens = result.pop("tokens")
            result["check"] = check_rows(server, database_url, tokens)
            pages = [call_page(server, clients, args.page_seconds) for clients in (8, 32)]
        finally:
            server.stop()
    return {"database": database, "nomination_flow": result, "call_page": pages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--page-seconds", type=float, default=15)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument(
        "--altcha-cost",
        type=int,
        default=10,
        help="a low cost for the benchmark; production uses ALTCHA_COST (5000)",
    )
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument(
        "--threads", type=int, default=1, help="gunicorn threads per worker (make run: WEB_THREADS)"
    )
    args = parser.parse_args()
    results = {
        "machine": {"cores": os.cpu_count()},
        "settings": {
            "clients": args.clients,
            "seconds": args.seconds,
            "gunicorn_workers": 2,
            "gunicorn_threads": args.threads,
            "altcha_cost": args.altcha_cost,
        },
        "runs": [run(database, args) for database in args.databases.split(",")],
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
