"""Backups: an archive taken while nominations are written restores to a consistent copy."""

import hashlib
import io
import os
import sqlite3
import stat
import tarfile
import threading
import time
from pathlib import Path

import psycopg
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from laurel.core.models import AuditEntry
from laurel.nominations import services
from laurel.nominations.models import new_token
from laurel.nominations.uploads import check_upload
from tests.production_server import fresh_postgres
from tests.settings_helpers import manage

pytestmark = pytest.mark.django_db(transaction=True)


def nominate_until(cycle, stop: threading.Event, written: list[int]) -> None:
    """Write nominations with an attachment each, one after another, until told to stop."""
    try:
        n = 0
        while not stop.is_set():
            n += 1
            token, _ = new_token()
            pdf = SimpleUploadedFile(f"e{n}.pdf", b"%PDF-1.4 evidence " + str(n).encode())
            draft, _ = services.save_draft(
                cycle,
                token=token,
                data={"org_name": f"Org {n}", "nominator_email": f"n{n}@example.org"},
                language="en",
                uploads=[(pdf, check_upload(pdf))],
                send_resume_link=False,
                complete=True,
            )
            services.submit_nomination(draft, token=token)
            written.append(draft.pk)
    finally:
        connection.close()


def query(database_url: str, sqlite_path: Path, sql: str) -> list[tuple]:
    if database_url:
        with psycopg.connect(database_url) as db:
            return db.execute(sql).fetchall()
    with sqlite3.connect(sqlite_path) as db:
        return db.execute(sql).fetchall()


def test_a_backup_taken_under_write_load_restores_a_consistent_copy(child10, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    stop, written = threading.Event(), []
    writer = threading.Thread(target=nominate_until, args=(child10, stop, written))
    writer.start()
    try:
        while len(written) < 5:
            time.sleep(0.02)
        call_command("backup", output=tmp_path / "backups", stdout=io.StringIO())
        after_backup = len(written)
        time.sleep(0.3)
    finally:
        stop.set()
        writer.join()
    assert len(written) > after_backup  # writes went on after the snapshot
    [archive] = (tmp_path / "backups").glob("laurel-backup-*.tar.gz")

    fresh = tmp_path / "fresh"
    database_url = ""
    if connection.vendor == "postgresql":
        database_url = fresh_postgres(os.environ["DATABASE_URL"], "restore_test")
    env = {"LAUREL_DATA_DIR": str(fresh), "MEDIA_ROOT": str(fresh / "media")}
    result = manage(
        "restore", str(archive), "--yes", env=env | {"DATABASE_URL": database_url}, tmp_path=fresh
    )
    assert result.returncode == 0, result.stderr

    sqlite_path = fresh / "laurel.sqlite3"
    restored = query(
        database_url,
        sqlite_path,
        "SELECT id, state FROM nominations_nomination ORDER BY id",
    )
    submitted = [pk for pk, state in restored if state == "submitted"]
    # A snapshot: the nominations submitted before it, in order, none missing; at most one draft
    # whose submission had not committed yet.
    assert len(submitted) >= 5 and submitted == sorted(written)[: len(submitted)]
    assert len(restored) - len(submitted) <= 1
    versions = query(
        database_url,
        sqlite_path,
        "SELECT nomination_id, COUNT(*) FROM nominations_nominationversion GROUP BY nomination_id",
    )
    assert sorted(pk for pk, count in versions if count == 1) == submitted
    attachments = query(
        database_url, sqlite_path, "SELECT nomination_id, file, sha256 FROM nominations_attachment"
    )
    assert sorted(pk for pk, _file, _digest in attachments) == [pk for pk, _ in restored]
    for _pk, file, digest in attachments:
        assert hashlib.sha256((fresh / "media" / file).read_bytes()).hexdigest() == digest
    keys = [key for (key,) in query(database_url, sqlite_path, "SELECT key FROM core_auditentry")]
    assert "backup.restored" in keys and "backup.created" not in keys  # the entry came after
    if not database_url:
        assert query("", sqlite_path, "PRAGMA integrity_check") == [("ok",)]
        assert query("", sqlite_path, "PRAGMA foreign_key_check") == []


def test_the_archive_is_private_and_holds_no_keys(child10, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "a.pdf").write_bytes(b"%PDF-1.4 a")

    call_command("backup", output=tmp_path / "b", stdout=io.StringIO())

    [archive] = (tmp_path / "b").glob("*.tar.gz")
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "b").stat().st_mode) == 0o700
    with tarfile.open(archive) as tar:
        names = sorted(tar.getnames())
    database = "database.sqlite3" if connection.vendor == "sqlite" else "database.pgdump"
    assert names == sorted(["manifest.json", database, "media/a.pdf"])
    entry = AuditEntry.objects.get(key="backup.created")
    assert entry.summary == archive.name and entry.data["files"] == 1


def test_restore_asks_for_confirmation_and_refuses_a_damaged_archive(child10, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("backup", output=tmp_path / "b", stdout=io.StringIO())
    [archive] = (tmp_path / "b").glob("*.tar.gz")

    with pytest.raises(CommandError, match="add --yes"):
        call_command("restore", str(archive))

    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("database."):
                data = data[:-1] + bytes([data[-1] ^ 1])
            target.addfile(member, fileobj=io.BytesIO(data))
    with pytest.raises(CommandError, match="does not match its manifest"):
        call_command("restore", str(damaged), "--yes")

    not_a_backup = tmp_path / "notes.tar.gz"
    not_a_backup.write_bytes(b"plain text")
    with pytest.raises(CommandError, match="is not a Laurel backup"):
        call_command("restore", str(not_a_backup), "--yes")
    assert not AuditEntry.objects.filter(key="backup.restored").exists()
