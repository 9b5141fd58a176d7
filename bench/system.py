"""Benchmark: a mixed load on the several-instance deployment, beside one instance on SQLite.

    .venv/bin/python bench/system.py [--seconds 60] [--users 12]

Prints one JSON document. Two set-ups on this machine: "cluster" — PostgreSQL, two gunicorn
instances (two workers each) behind nginx, two task workers, shared uploads (tests/cluster.py) —
and "single" — one gunicorn (two workers) and one task worker on SQLite, as `make run` starts it.
Each gets the same load for `seconds`: `users` virtual users, each picking its next action by
weight — the public call page (50%), a whole nomination (20%), a committee member reviewing
(20%: home, the review form, a saved draft), staff lists (10%: candidates, nominations). Reports
per kind of request: count, throughput, p50/p95/p99, errors; then checks that every nomination a
user was told about is stored exactly once.
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import random
import re
import sqlite3
import struct
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.cluster import Cluster
from tests.production_server import (
    ProductionServer,
    form_fields,
    fresh_postgres,
    nominate,
    token_hash,
)

PG_URL = os.environ.get("LAUREL_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/laurel")
# The form, the draft, the submit without proof of work (held for moderation, as without JS).
NOMINATION = "nomination: form + draft + submit"
WEIGHTS = {"public": 50, "nomination": 20, "committee": 20, "staff": 10}
LIMITS = {"NOMINATION_SAVES_PER_ADDRESS": "1000000", "NOMINATION_SUBMITS_PER_ADDRESS": "1000000",
          "NOMINATION_SUBMITS_PER_EMAIL": "1000000", "ALTCHA_COST": "10"}  # fmt: skip


def totp(secret: str, at: float) -> str:
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def csrf_of(text: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)


def sign_in(base: str, email: str, password: str, secret: str) -> requests.Session:
    session = requests.Session()
    session.headers["X-Forwarded-For"] = "203.0.113.9"  # as the proxy would pass it on
    page = session.get(f"{base}/en/accounts/login/", timeout=30)
    second = session.post(
        f"{base}/en/accounts/login/",
        data={"login": email, "password": password, "csrfmiddlewaretoken": csrf_of(page.text)},
        headers={"Referer": f"{base}/en/accounts/login/"}, timeout=30,
    )  # fmt: skip
    session.post(
        second.url,
        data={"code": totp(secret, time.time()), "csrfmiddlewaretoken": csrf_of(second.text)},
        headers={"Referer": second.url}, timeout=30,
    )  # fmt: skip
    check = session.get(f"{base}/en/accounts/email/", allow_redirects=False, timeout=30)
    if check.status_code != 200:
        raise RuntimeError(f"{email} could not sign in")
    return session


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


class Load:
    def __init__(self, base: str, accounts: dict, seconds: float, users: int):
        self.base, self.accounts, self.seconds, self.users = base, accounts, seconds, users
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.tokens: list[str] = []
        self.lock = threading.Lock()

    def timed(self, kind: str, call) -> bool:
        started = time.perf_counter()
        try:
            ok = call()
        except (requests.RequestException, AttributeError, KeyError):
            ok = False
        with self.lock:
            self.times[kind].append(time.perf_counter() - started)
            if not ok:
                self.errors[kind] += 1
        return ok

    def sign_in_everyone(self) -> None:
        """Once per account, before the clock starts (a second factor's code works once)."""
        password = self.accounts["password"]
        people = [self.accounts["staff"], *self.accounts["members"]]
        self.signed_in = {
            p["email"]: sign_in(self.base, p["email"], password, p["secret"]).cookies
            for p in people
        }

    def session_of(self, email: str) -> requests.Session:
        session = requests.Session()
        session.headers["X-Forwarded-For"] = "203.0.113.9"
        session.cookies.update(self.signed_in[email])
        return session

    def user(self, number: int, end: float) -> None:
        rng = random.Random(number)
        public = requests.Session()
        public.headers["X-Forwarded-For"] = f"198.51.100.{number}"
        staff = self.session_of(self.accounts["staff"]["email"])
        person = self.accounts["members"][number % len(self.accounts["members"])]
        member = self.session_of(person["email"])
        kinds, weights = zip(*WEIGHTS.items(), strict=True)
        n = 0
        while time.monotonic() < end:
            n += 1
            kind = rng.choices(kinds, weights)[0]
            if kind == "public":
                self.timed(
                    "public call page", lambda: public.get(f"{self.base}/en/", timeout=30).ok
                )
            elif kind == "staff":
                for path in ("candidates", "nominations"):
                    self.timed(f"staff {path} list", lambda p=path: staff.get(
                        f"{self.base}/en/staff/{p}/", timeout=30).status_code == 200)  # fmt: skip
            elif kind == "nomination":
                box = {"fields": form_fields([1, 2, 3, 4], number * 100000 + n)}

                def one(box=box):
                    box["token"] = nominate(public, self.base, box["fields"])
                    return box["token"] is not None

                if self.timed(NOMINATION, one):
                    with self.lock:
                        self.tokens.append(box["token"])
            else:
                self.review(member, person, rng)

    def review(self, session: requests.Session, person: dict, rng: random.Random) -> None:
        candidate = rng.choice(person["candidates"])
        url = f"{self.base}/en/committee/candidates/{candidate}/review/"
        self.timed(
            "committee home", lambda: session.get(f"{self.base}/en/committee/", timeout=30).ok
        )
        box = {}
        if not self.timed(
            "review form", lambda: bool(box.setdefault("page", session.get(url, timeout=30)).ok)
        ):
            return
        data = {f"score_{c}": str(rng.randint(1, 5)) for c in self.accounts["criteria"]}
        data |= {"recommendation": "maybe", "action": "save",
                 "csrfmiddlewaretoken": csrf_of(box["page"].text)}  # fmt: skip
        self.timed("review saved", lambda: session.post(
            url, data=data, headers={"Referer": url}, allow_redirects=False, timeout=30
        ).status_code == 302)  # fmt: skip

    def run(self) -> dict:
        self.sign_in_everyone()
        end = time.monotonic() + self.seconds
        threads = [threading.Thread(target=self.user, args=(i, end)) for i in range(self.users)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        return {
            kind: {
                "count": len(times),
                "per_second": round(len(times) / elapsed, 1),
                "p50_ms": round(percentile(times, 0.5) * 1000, 1),
                "p95_ms": round(percentile(times, 0.95) * 1000, 1),
                "p99_ms": round(percentile(times, 0.99) * 1000, 1),
                "errors": self.errors[kind],
            }
            for kind, times in sorted(self.times.items())
        }


def stored(rows, tokens: list[str]) -> dict:
    hashes = [token_hash(token) for token in tokens]
    found = [row[0] for row in rows]
    return {
        "acknowledged": len(hashes),
        "missing": len(set(hashes) - set(found)),
        "duplicates": len(found) - len(set(found)),
    }


def setup(manage) -> dict:
    script = Path(__file__).with_name("system_setup.py").read_text()
    return json.loads(manage("shell", "--no-imports", "-c", script).strip().splitlines()[-1])


SQL = "SELECT token_hash FROM nominations_nomination WHERE state IN ('submitted', 'confirmed')"


def run_cluster(args) -> dict:
    with tempfile.TemporaryDirectory() as base:
        cluster = Cluster(Path(base), fresh_postgres(PG_URL, "system"), **LIMITS)
        cluster.start()
        try:
            for _ in range(2):
                cluster.start_worker()
            load = Load(cluster.url, setup(cluster.manage), args.seconds, args.users)
            result = load.run()
            check = stored(cluster.query(SQL), load.tokens)
        finally:
            cluster.stop()
    return {"setup": "cluster: PostgreSQL, nginx, 2 gunicorn instances x 2 workers, 2 task "
                     "workers", "requests": result, "check": check}  # fmt: skip


def run_single(args) -> dict:
    with tempfile.TemporaryDirectory() as base:
        server = ProductionServer(Path(base), TRUSTED_PROXY_HEADER="X-Forwarded-For", **LIMITS)
        server.prepare()
        server.start()
        try:
            load = Load(server.url, setup(server.manage), args.seconds, args.users)
            result = load.run()
            with sqlite3.connect(Path(base) / "laurel.sqlite3") as db:
                check = stored(db.execute(SQL).fetchall(), load.tokens)
        finally:
            server.stop()
    return {"setup": "single: SQLite, 1 gunicorn instance x 2 workers", "requests": result,
            "check": check}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--users", type=int, default=12)
    parser.add_argument("--setups", default="cluster,single")
    args = parser.parse_args()
    runners = {"cluster": run_cluster, "single": run_single}
    results = {
        "machine": {"cores": os.cpu_count()},
        "settings": {"seconds": args.seconds, "users": args.users, "weights": WEIGHTS},
        "runs": [runners[name](args) for name in args.setups.split(",")],
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
