"""The several-machine deployment, on one machine: PostgreSQL, two independent gunicorn
instances behind nginx (from Debian's packages), two task workers, one shared uploads
directory. For tests/deployment and bench/system.py."""

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import psycopg
import requests

from tests.production_server import PYTHON, ROOT, ProductionServer, free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
FIELD_KEY = "Y2x1c3Rlci1maWVsZC1rZXktZm9yLXRlc3RzLW9ubHk="  # 32 bytes, base64: tests only

NGINX_CONF = """
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 256; }}
http {{
  access_log off;  # private links are capabilities: no paths in logs
  client_max_body_size 40m;
  upstream laurel {{
    {servers}
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://laurel;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_502;
      proxy_connect_timeout 2s;
    }}
  }}
}}
"""


class Cluster:
    def __init__(self, base: Path, database_url: str, *, web: int = 2, **env):
        self.base = base
        self.database_url = database_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        shared = {
            "MEDIA_ROOT": str(base / "shared-media"),
            "FIELD_ENCRYPTION_KEYS": FIELD_KEY,
            "TRUSTED_PROXY_HEADER": "X-Forwarded-For",
            "WORKER_HEARTBEAT_SECONDS": "1",
            "WORKER_STALE_SECONDS": "5",
            **env,
        }
        self.web = [
            ProductionServer(base / f"web{n}", database_url=database_url, **shared)
            for n in range(web)
        ]
        for server in self.web:
            server.env["SITE_URL"] = self.url
        self.workers: list[subprocess.Popen] = []
        self.nginx: subprocess.Popen | None = None

    @property
    def env(self) -> dict[str, str]:
        return self.web[0].env

    def start(self) -> None:
        self.web[0].prepare()
        for server in self.web:
            server.start()
        conf = self.base / "nginx.conf"
        servers = "\n    ".join(f"server 127.0.0.1:{s.port} max_fails=1 fail_timeout=5s;"
                                for s in self.web)  # fmt: skip
        conf.write_text(NGINX_CONF.format(dir=self.base, port=self.port, servers=servers))
        self.nginx = subprocess.Popen(
            [NGINX, "-c", str(conf), "-p", str(self.base), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(50):
            try:
                if requests.get(f"{self.url}/healthz", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError("nginx did not start")

    def start_worker(self) -> subprocess.Popen:
        worker = subprocess.Popen(
            [PYTHON, "manage.py", "laurel_worker", "--queue-name", "*", "--no-reload",
             "--interval", "0.2", "--no-startup-delay", "-v", "0"],
            cwd=ROOT, env=self.env, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.workers.append(worker)
        return worker

    def manage(self, *args: str) -> str:
        return self.web[0].manage(*args)

    def query(self, sql: str, params=()) -> list[tuple]:
        with psycopg.connect(self.database_url) as connection:
            cursor = connection.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def stop(self) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                os.killpg(worker.pid, signal.SIGTERM)
                worker.wait(timeout=30)
        if self.nginx and self.nginx.poll() is None:
            self.nginx.terminate()
            self.nginx.wait(timeout=10)
        for server in self.web:
            server.stop()
