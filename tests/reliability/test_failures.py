"""What happens when a part fails: the SMTP server stops, the disk fills up, PostgreSQL restarts
under load. Nothing accepted is lost, nothing is sent twice, nothing half-written stays."""

import os
import shutil
import subprocess
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.utils import timezone

from laurel.accounts import services as accounts
from laurel.accounts.enums import Role
from laurel.nominations.models import Attachment, Nomination
from laurel.notifications.enums import EmailState
from laurel.notifications.models import OutgoingEmail
from tests.nominations.helpers import complete_post
from tests.production_server import (
    BTREE_CHECK,
    Burst,
    ProductionServer,
    free_port,
    fresh_postgres,
    wait_until,
)
from tests.scenarios import NOMINATE, new_token, smtp_settings
from tests.smtp import SMTPServer


@pytest.mark.django_db
def test_emails_wait_while_smtp_is_down_and_go_once_when_it_returns(
    settings, staff_user, run_tasks
):
    port = free_port()
    smtp_settings(settings, port)  # nothing listens there yet
    for n in range(3):
        accounts.invite(f"person{n}@example.org", role=Role.STAFF, actor=staff_user)

    run_tasks()
    assert set(OutgoingEmail.objects.values_list("state", flat=True)) == {EmailState.RETRYING}

    with SMTPServer(port) as server, time_machine.travel(timezone.now() + timedelta(minutes=2)):
        run_tasks()  # the retries, now due
        run_tasks()  # and nothing more
        assert sorted(to for (to,), _message in server.messages) == [
            "person0@example.org",
            "person1@example.org",
            "person2@example.org",
        ]
    assert set(OutgoingEmail.objects.values_list("state", flat=True)) == {EmailState.SENT}
    assert set(OutgoingEmail.objects.values_list("attempts", flat=True)) == {2}


@pytest.fixture
def full_disk(settings):
    """Uploads go to a 1 MB tmpfs (root only: CI runs as root)."""
    mount = Path(tempfile.mkdtemp(prefix="laurel-full-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root)")
    settings.MEDIA_ROOT = mount
    yield mount
    subprocess.run(["umount", str(mount)], check=True)
    mount.rmdir()


@pytest.mark.django_db
def test_a_full_disk_while_uploading_is_a_clear_error_and_leaves_nothing_behind(
    client, child10, full_disk
):
    token = new_token(client)
    big = b"%PDF-1.4 " + os.urandom(1_400_000)  # more than the disk holds, less than 10 MB
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        NOMINATE,
        {**complete_post(child10, token), "action": "save",
         "attachments": SimpleUploadedFile("report.pdf", big, "application/pdf")},
    )  # fmt: skip

    assert response.status_code == 507
    page = response.content.decode()
    assert "We could not store your documents just now, so nothing was saved." in page
    assert "Safe Online Europe" in page  # what was typed is still there
    assert not Nomination.objects.exists() and not Attachment.objects.exists()
    assert [p for p in full_disk.rglob("*") if p.is_file()] == []  # no half-written file

    # With room again (the file removed from the request), the same form saves.
    saved = client.post(NOMINATE, {**complete_post(child10, token), "action": "save"})
    assert saved.status_code == 302 and Nomination.objects.count() == 1


def _pg_bin() -> Path | None:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return versions[-1].parent if versions else None


class PrivatePostgres:
    """A PostgreSQL cluster of this test's own, so that restarting it disturbs no other test."""

    def __init__(self):
        self.bin = _pg_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="laurel-pg-"))
        shutil.chown(self.dir, "postgres", "postgres")
        self.data = self.dir / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def run(self, *args: str) -> None:
        # No pipes: the server pg_ctl starts would hold them open for ever.
        subprocess.run(
            ["runuser", "-u", "postgres", "--", *args],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60,
        )  # fmt: skip

    def init(self) -> None:
        self.run(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres")
        self.start()

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
        log = str(self.dir / "server.log")
        self.run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", log, "-w", "start"
        )

    def stop(self) -> None:
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres") or _pg_bin() is None,
    reason="needs PostgreSQL's server programs; runs on the PostgreSQL run",
)
@pytest.mark.timeout(240)
def test_postgresql_restarted_under_load(tmp_path):
    postgres = PrivatePostgres()
    postgres.init()
    database_url = fresh_postgres(postgres.url, "restarted")
    server = ProductionServer(tmp_path, database_url=database_url)
    try:
        server.prepare()
        server.start()
        with Burst(server.url, 4) as burst:
            wait_until(lambda: burst.told_after(0) >= 5)  # under load
            postgres.stop()
            down_at = time.monotonic()
            wait_until(lambda: burst.failed_between(down_at, time.monotonic()))
            postgres.start()
            up_at = time.monotonic()
            wait_until(lambda: burst.told_after(up_at + 1) >= 5)
        assert not burst.hanging()  # nobody hangs

        assert any(down_at < at < up_at for at in burst.failed)  # the gap failed, cleanly
        assert len([at for at, _t in burst.told if at > up_at + 1]) >= 5  # and it serves again
        import psycopg

        hashes = burst.hashes()
        with psycopg.connect(database_url) as db:
            stored = [row[0] for row in db.execute(
                "SELECT token_hash FROM nominations_nomination WHERE token_hash = ANY(%s)",
                (hashes,),
            )]  # fmt: skip
            db.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
            checked = db.execute(BTREE_CHECK).fetchall()
        assert sorted(stored) == sorted(hashes)  # every acknowledged nomination, once
        assert len(checked) > 10  # and every index is sound
    finally:
        server.stop()
        postgres.stop()
        postgres.remove()
