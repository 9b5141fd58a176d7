"""Benchmark: peak memory of each web worker, reading and submitting, with the throughput of each.

    .venv/bin/python bench/memory.py [--seconds 20] [--clients 8] [--databases sqlite,postgres]
                                     [--port 0]

Prints one JSON document. For each database and each load, a fresh production server (gunicorn,
two sync workers, as `make run` starts it; `tests/production_server.py`) on one prepared
database: warmed with a few requests, then loaded for `seconds` by `clients` threads —
"reading", the public call page (GET /en/); "submitting", the whole nomination flow through the
real form (form page, draft, review page, ALTCHA challenge, submit). Then every worker's peak
resident memory (VmHWM in /proc/<pid>/status: the high-water mark since the worker started, so
its imports count) and its memory now (VmRSS), in MB; the load's throughput; and the workers'
CPU time per request (per nomination when submitting), which, unlike the throughput, hardly
moves when other work shares the cores. A fresh server for each load keeps the reading peak
free of what submitting loads.
"""

import argparse
import http.client
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.nominations import PG_URL, Browser, one_nomination, run_clients
from tests.production_server import ProductionServer, fresh_postgres

WARM_REQUESTS = 10


def workers_of(master: int) -> list[int]:
    """The process ids whose parent is `master` (gunicorn's workers)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            # The command name may hold spaces and parentheses: the parent id follows the last ")".
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == master:
            pids.append(int(entry.name))
    return sorted(pids)


def memory_mb(pid: int) -> dict[str, float]:
    """Peak (VmHWM) and current (VmRSS) resident memory of a process, in MB (1 MB = 2**20 B)."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in {"VmHWM", "VmRSS"}:
            values[{"VmHWM": "peak", "VmRSS": "now"}[key]] = round(int(rest.split()[0]) / 1024, 1)
    return values


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def reading(server: ProductionServer, clients: int, seconds: float) -> dict:
    counts = {"requests": 0, "errors": 0}
    lock = threading.Lock()
    end = time.monotonic() + seconds

    def client(_number: int) -> None:
        session = Browser(server.url)
        while time.monotonic() < end:
            try:
                ok = session.get(f"{server.url}/en/").status_code == 200
            except (OSError, http.client.HTTPException):
                ok = False
            with lock:
                counts["requests"] += 1
                counts["errors"] += 0 if ok else 1

    elapsed = run_clients(client, clients)
    return {"requests_per_second": round(counts["requests"] / elapsed, 1), **counts}


def submitting(server: ProductionServer, clients: int, seconds: float) -> dict:
    counts = {"nominations": 0, "errors": 0}
    lock = threading.Lock()
    end = time.monotonic() + seconds

    def client(number: int) -> None:
        session, n = Browser(server.url), 0
        while time.monotonic() < end:
            n += 1
            try:
                token = one_nomination(session, server.url, number * 100000 + n, [])
            except (OSError, http.client.HTTPException, AttributeError):
                token = None
            with lock:
                counts["nominations" if token else "errors"] += 1

    elapsed = run_clients(client, clients)
    # Five requests a nomination: the form, the draft, the review page, the challenge, the submit.
    return {
        "nominations_per_second": round(counts["nominations"] / elapsed, 1),
        "requests_per_second": round(5 * counts["nominations"] / elapsed, 1),
        **counts,
    }


def measure(server: ProductionServer, load, unit: str, args) -> dict:
    server.start()
    try:
        session = Browser(server.url)
        for _ in range(WARM_REQUESTS):
            session.get(f"{server.url}/en/")
        workers = workers_of(server.process.pid)
        started = {pid: memory_mb(pid) for pid in workers}
        cpu = sum(cpu_seconds(pid) for pid in workers)
        result = load(server, args.clients, args.seconds)
        cpu = sum(cpu_seconds(pid) for pid in workers) - cpu
        after = {pid: memory_mb(pid) for pid in workers}
    finally:
        server.stop()
    # The workers' CPU time per request read or nomination submitted: unlike the throughput,
    # it hardly moves when other work shares the machine's cores.
    done = result[unit]
    return {
        **result,
        f"worker_cpu_ms_per_{unit.removesuffix('s')}": round(1000 * cpu / max(done, 1), 2),
        "worker_peak_mb": [after[pid]["peak"] for pid in workers],
        "worker_now_mb": [after[pid]["now"] for pid in workers],
        "worker_peak_after_warming_mb": [started[pid]["peak"] for pid in workers],
    }


def run(database: str, args) -> dict:
    with tempfile.TemporaryDirectory() as data_dir:
        database_url = ""
        if database == "postgres":
            database_url = fresh_postgres(PG_URL, "laurel_bench_memory")
        server = ProductionServer(
            Path(data_dir),
            database_url=database_url,
            ALTCHA_COST=str(args.altcha_cost),
            NOMINATION_SAVES_PER_ADDRESS="1000000",
            NOMINATION_SUBMITS_PER_ADDRESS="1000000",
            NOMINATION_SUBMITS_PER_EMAIL="1000000",
        )
        if args.port:
            server.port, server.url = args.port, f"http://127.0.0.1:{args.port}"
            server.env["SITE_URL"] = server.url
        server.prepare()
        return {
            "database": database,
            "reading": measure(server, reading, "requests", args),
            "submitting": measure(server, submitting, "nominations", args),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--altcha-cost", type=int, default=10)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--port", type=int, default=0, help="the server's port (0: a free one)")
    args = parser.parse_args()
    results = {
        "machine": {"cores": os.cpu_count()},
        "settings": {"clients": args.clients, "seconds": args.seconds, "gunicorn_workers": 2},
        "runs": [run(database, args) for database in args.databases.split(",")],
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
