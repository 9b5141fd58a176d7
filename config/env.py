"""Reading settings from the environment, with a clear message for every bad value.

Messages name the variable and what was expected, never the value itself: a value may be a secret
(a password, a database URL with credentials).
"""

import contextlib
import os
import secrets
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def text(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def flag(name: str, default: bool = False) -> bool:
    word = os.environ.get(name, "").strip().lower()
    if not word:
        return default
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false (1/0, yes/no, on/off).")


def whole_number(name: str, default: int, *, minimum: int = 0, maximum: int = 2**31) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number.") from None
    if not minimum <= value <= maximum:
        raise ImproperlyConfigured(f"{name} must be between {minimum} and {maximum}.")
    return value


def word_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in text(name, default).split(",") if part.strip()]


def private_directory(path: Path) -> Path:
    """A directory only its owner may enter (0700), made with its parents if missing. The data
    directory holds the keys, the database and the uploads."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def private_file(path: Path) -> Path:
    """An empty file only its owner may read (0600), if there is none yet: SQLite then makes
    its journal and WAL files with the same permissions."""
    private_directory(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return path


def secret_key(data_dir: Path) -> str:
    """SECRET_KEY from the environment, or one generated once into the data directory."""
    value = text("SECRET_KEY")
    if value:
        if len(value) < 50:
            raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long.")
        return value
    return generated_once(data_dir / "secret_key", lambda: secrets.token_urlsafe(64))


def generated_once(path: Path, make) -> str:
    """The text in `path`, made by `make()` and written there the first time, with owner-only
    permissions and never overwritten. Several processes may start at once on a new data
    directory (gunicorn's workers): the text is written whole to a file of its own and then
    linked into place, which only one of them can do; the others read what it wrote."""
    if path.exists():
        return path.read_text().strip()
    private_directory(path.parent)
    fd, draft = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")  # 0600
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(make())
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(draft, path)
    finally:
        os.unlink(draft)
    return path.read_text().strip()


def field_keys(data_dir: Path) -> list[str]:
    """Keys that encrypt sensitive fields at rest (bank and passport details), newest first:
    FIELD_ENCRYPTION_KEYS (comma-separated Fernet keys; add a new one in front to rotate), or
    one generated once into the data directory. Losing them loses that data: back them up."""
    value = text("FIELD_ENCRYPTION_KEYS")
    if value:
        return [key.strip() for key in value.split(",") if key.strip()]

    def new_key() -> str:
        from cryptography.fernet import Fernet

        return Fernet.generate_key().decode()

    return generated_once(data_dir / "field_keys", new_key).split()


def database(default_path: Path) -> dict:
    import dj_database_url

    url = text("DATABASE_URL")
    if not url:
        config = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(private_file(default_path))}
    else:
        try:
            config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        except (ValueError, KeyError):
            raise ImproperlyConfigured(
                "DATABASE_URL is not a database URL this installation understands "
                "(expected sqlite:///path or postgres://user:password@host:port/name)."
            ) from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # A connection per process, kept: opening one runs the PRAGMAs below every time.
        config["CONN_MAX_AGE"] = None
        config["CONN_HEALTH_CHECKS"] = True
        config["OPTIONS"] = {
            # WAL lets readers and one writer work at once; synchronous=FULL makes every commit
            # durable before the user is told; IMMEDIATE takes the write lock at BEGIN, so that
            # two writers queue up instead of failing with "database is locked" mid-transaction.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
        }
    return config
