"""Backups: the database and the uploaded files in one archive, taken while the site runs, and
brought back by `restore`.

The database is copied first — SQLite through its online backup API (a consistent snapshot even
while others write), PostgreSQL by `pg_dump` (one snapshot transaction) — and the uploads after
it, so that every file a row of the snapshot names is already on disk (files are written before
the row that names them commits). Files uploaded after the snapshot come along unreferenced and do
no harm. The field encryption keys and the secret key are *not* in the archive: keep them apart
(whoever holds both holds the bank details).
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
SQLITE_NAME = "database.sqlite3"
POSTGRES_NAME = "database.pgdump"


class BackupError(Exception):
    """The archive cannot be made or restored; the message says why, without any data."""


@dataclass
class Summary:
    path: Path
    vendor: str
    files: int
    bytes: int


def _vendor() -> str:
    if connection.vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"backups support SQLite and PostgreSQL, not {connection.vendor}")
    return connection.vendor


def _pg_env_and_args() -> tuple[dict[str, str], list[str]]:
    db = settings.DATABASES["default"]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return env, args


def _run(command: list[str], env: dict[str, str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client)")
    # The command is ours: pg_dump or pg_restore with settings and paths, never user input.
    result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-500:]}")


def _sqlite_copy(source_path, target_path) -> None:
    """SQLite's online backup: a consistent copy page by page, while others may write."""
    source = sqlite3.connect(source_path, timeout=30)
    target = sqlite3.connect(target_path, timeout=30)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _copy_database(vendor: str, target: Path) -> None:
    if vendor == "sqlite":
        _sqlite_copy(settings.DATABASES["default"]["NAME"], target)
    else:
        env, args = _pg_env_and_args()
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", *args,
              "--file", str(target)], env)  # fmt: skip


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _latest_migrations() -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


def make_backup(directory: Path) -> Summary:
    """Write `laurel-backup-<UTC time>.tar.gz` into `directory` (readable by its owner only)."""
    vendor = _vendor()
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = directory / f"laurel-backup-{stamp}.tar.gz"
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(dir=directory) as work:
        database = Path(work) / (SQLITE_NAME if vendor == "sqlite" else POSTGRES_NAME)
        _copy_database(vendor, database)
        files = sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []
        manifest = {
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": vendor,
            "database_sha256": _sha256(database),
            "migrations": _latest_migrations(),
            "files": {str(p.relative_to(media)): _sha256(p) for p in files},
        }
        partial = path.with_suffix(".partial")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            manifest_path = Path(work) / "manifest.json"
            manifest_path.write_text(json.dumps(manifest, indent=2))
            tar.add(manifest_path, arcname="manifest.json")
            tar.add(database, arcname=database.name)
            for file in files:
                tar.add(file, arcname=f"media/{file.relative_to(media)}")
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, path)  # never a half-written archive under the final name
    size = sum(p.stat().st_size for p in files)
    return Summary(path=path, vendor=vendor, files=len(files), bytes=size)


def read_manifest(archive: Path) -> dict:
    try:
        with tarfile.open(archive, "r:gz") as tar:
            member = tar.extractfile("manifest.json")
            manifest = json.loads(member.read()) if member else None
    except (tarfile.TarError, KeyError, OSError, ValueError) as error:
        raise BackupError(
            f"{archive.name} is not a Laurel backup ({type(error).__name__})"
        ) from None
    if not manifest or manifest.get("format") != FORMAT:
        raise BackupError(f"{archive.name} is not a Laurel backup of format {FORMAT}")
    return manifest


def restore_backup(archive: Path) -> Summary:
    """Replace this installation's database and uploads with the archive's. Stop the web and
    task processes first: what they write during the restore is lost."""
    vendor = _vendor()
    manifest = read_manifest(archive)
    if manifest["database"] != vendor:
        raise BackupError(
            f"the archive holds a {manifest['database']} database; this installation uses {vendor}"
        )
    media = Path(settings.MEDIA_ROOT)
    media.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media.parent) as work:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(work, filter="data")
        extracted = Path(work)
        database = extracted / (SQLITE_NAME if vendor == "sqlite" else POSTGRES_NAME)
        if _sha256(database) != manifest["database_sha256"]:
            raise BackupError("the archive's database does not match its manifest")
        for name, digest in manifest["files"].items():
            if _sha256(extracted / "media" / name) != digest:
                raise BackupError("an uploaded file in the archive does not match its manifest")
        connection.close()
        if vendor == "sqlite":
            _sqlite_copy(database, settings.DATABASES["default"]["NAME"])
        else:
            env, args = _pg_env_and_args()
            options = ["--clean", "--if-exists", "--no-owner", "--no-privileges"]
            options += ["--single-transaction", "--exit-on-error"]
            _run(["pg_restore", *options, *args, str(database)], env)
        restored_media = extracted / "media"
        restored_media.mkdir(exist_ok=True)
        previous = media.with_name(media.name + ".before-restore")
        shutil.rmtree(previous, ignore_errors=True)
        if media.exists():
            media.rename(previous)
        restored_media.rename(media)
        shutil.rmtree(previous, ignore_errors=True)
    files = manifest["files"]
    size = sum((media / name).stat().st_size for name in files)
    return Summary(path=archive, vendor=vendor, files=len(files), bytes=size)
