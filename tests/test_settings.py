"""Configuration comes from the environment; bad values get specific messages, never the value."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.settings_helpers import PRODUCTION, manage


@pytest.mark.system
def test_deploy_check_passes_with_production_settings(tmp_path):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION, tmp_path=tmp_path
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.system
def test_deploy_check_warns_when_https_is_off(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION, "HTTPS": "false"},
        tmp_path=tmp_path,
    )

    assert result.returncode == 1
    assert "security.W008" in result.stderr  # SECURE_SSL_REDIRECT


@pytest.mark.system
def test_secret_key_is_generated_once_into_the_data_directory(tmp_path):
    env = {"SECRET_KEY": ""}
    manage("check", env=env, tmp_path=tmp_path)
    first = (tmp_path / "secret_key").read_text()
    manage("check", env=env, tmp_path=tmp_path)

    assert len(first) >= 80
    assert (tmp_path / "secret_key").read_text() == first
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"


@pytest.mark.system
def test_keys_made_by_several_processes_at_once_are_one_and_whole(tmp_path):
    """gunicorn's workers start together on a new data directory: every one of them gets the
    same keys, none fails because another made the file first, none reads it half written."""
    data_dir = tmp_path / "data"
    program = (
        "import sys, time; from pathlib import Path; from config import env\n"
        "start = float(sys.argv[2])\n"
        "while time.time() < start: pass\n"
        "print(env.secret_key(Path(sys.argv[1])), ','.join(env.field_keys(Path(sys.argv[1]))))\n"
    )
    start = str(__import__("time").time() + 2)
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "FIELD_ENCRYPTION_KEYS"}
    }
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", program, str(data_dir), start],
            cwd=ROOT, env=clean, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for _ in range(8)
    ]  # fmt: skip
    answers = [process.communicate(timeout=60) for process in processes]

    assert [error for _out, error in answers] == [""] * 8
    assert len({out for out, _error in answers}) == 1
    secret, keys = answers[0][0].split()
    assert len(secret) >= 80 and len(keys.split(",")) == 1
    assert sorted(path.name for path in data_dir.iterdir()) == ["field_keys", "secret_key"]


@pytest.mark.system
@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG must be true or false (1/0, yes/no, on/off)."),
        ({"EMAIL_PORT": "smtp"}, "EMAIL_PORT must be a whole number."),
        ({"EMAIL_PORT": "70000"}, "EMAIL_PORT must be between 1 and 65535."),
        ({"SECRET_KEY": "short-secret-value"}, "SECRET_KEY must be at least 50 characters long."),
        (
            {"EMAIL_USE_TLS": "true", "EMAIL_USE_SSL": "true"},
            "EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be true.",
        ),
        (
            {"DATABASE_URL": "mysqlish://root:hunter2-secret@db/laurel"},
            "DATABASE_URL is not a database URL this installation understands",
        ),
    ],
)
def test_a_bad_setting_is_named_without_echoing_its_value(tmp_path, env, message):
    result = manage("check", env=env, tmp_path=tmp_path)

    assert result.returncode == 1
    assert message in result.stderr
    for value in env.values():
        if value not in {"true", "false"}:
            assert value not in result.stderr


def test_every_setting_read_from_the_environment_is_documented():
    import re

    sources = [
        ROOT / "config" / "settings.py",
        ROOT / "config" / "env.py",
        ROOT / "scripts" / "run.sh",
    ]
    read = set()
    for source in sources:
        text = source.read_text()
        read |= set(re.findall(r'env\.\w+\(\s*"([A-Z_]+)"', text))
        read |= set(re.findall(r'text\("([A-Z_]+)"\)', text))
        read |= set(re.findall(r"\$\{([A-Z_]+):-", text))
    read |= {"DATABASE_URL", "SECRET_KEY"}
    documented = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    readme = (ROOT / "README.md").read_text()

    assert sorted(read - documented) == []
    assert sorted(name for name in documented if f"`{name}`" not in readme) == []


@pytest.mark.system
def test_log_format_json_writes_one_redacted_json_object_a_line(tmp_path):
    script = "import logging; logging.getLogger('laurel.x').warning('no account for %s', 'a@b.se')"

    result = manage("shell", "-c", script, env={"LOG_FORMAT": "json"}, tmp_path=tmp_path)

    assert result.returncode == 0, result.stderr
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["logger"] == "laurel.x" and line["level"] == "WARNING"
    assert line["message"] == "no account for [email]"
