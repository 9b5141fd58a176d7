import io
import json
import logging
import sys

import pytest

from laurel.core.logging import JsonFormatter, RedactPersonalData, redact


def test_private_link_tokens_are_redacted():
    assert redact("Internal Server Error: /sv/nominate/n/AbC-123_xyz/review/") == (
        "Internal Server Error: /sv/nominate/n/[private]/review/"
    )
    assert redact("GET /en/invitation/t0k3n/ 500") == "GET /en/invitation/[private]/ 500"
    assert redact("/en/nominate/confirm/secret/") == "/en/nominate/confirm/[private]/"
    assert redact("/sv/laureate/s3cret/") == "/sv/laureate/[private]/"
    assert redact("/en/nominate/ and /en/staff/") == "/en/nominate/ and /en/staff/"


def test_email_addresses_are_redacted():
    assert redact("no account for anna.berg+award@example.org, retrying") == (
        "no account for [email], retrying"
    )
    assert redact("version 2.0 at 10:00") == "version 2.0 at 10:00"


def record_of(message, *args, exc_info=None):
    return logging.LogRecord("django.request", logging.ERROR, __file__, 1, message, args, exc_info)


def test_the_filter_rewrites_the_record_it_passes():
    record = record_of("Internal Server Error: %s (%s)", "/en/nominate/n/secret-token/", "a@b.se")

    kept = RedactPersonalData().filter(record)

    assert kept is True
    assert record.getMessage() == "Internal Server Error: /en/nominate/n/[private]/ ([email])"


def test_a_json_line_has_fixed_fields_and_no_exception_text():
    try:
        raise ValueError("what the nominator typed: Anna, 14, Malmö")
    except ValueError:
        record = record_of("Internal Server Error: %s", "/en/staff/", exc_info=sys.exc_info())
    record.status_code = 500

    line = json.loads(JsonFormatter().format(record))

    assert set(line) == {
        "time",
        "level",
        "logger",
        "message",
        "process",
        "status",
        "exception",
        "at",
    }
    assert line["level"] == "ERROR" and line["status"] == 500
    assert line["exception"] == "ValueError"
    assert line["at"].startswith("test_logging.py:")
    assert "Anna" not in json.dumps(line)


def test_the_console_handler_filters_and_can_speak_json():
    from django.conf import settings

    handler = settings.LOGGING["handlers"]["console"]
    assert handler["filters"] == ["personal_data"]
    assert settings.LOGGING["formatters"]["json"]["()"] == "laurel.core.logging.JsonFormatter"


@pytest.fixture
def console():
    """What the configured console handler (its filter, its plain formatter) writes."""
    from django.conf import settings

    handler = next(h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler))
    formatter = handler.formatter
    handler.setFormatter(logging.Formatter(settings.LOGGING["formatters"]["plain"]["format"]))
    written = io.StringIO()
    previous = handler.setStream(written)
    yield written
    handler.setStream(previous)
    handler.setFormatter(formatter)


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("/sv/organisation/Zq9-consent_token/", "/sv/organisation/[private]/"),
        ("/en/laureate/acc3pt-t0ken/", "/en/laureate/[private]/"),
        (
            "/en/accounts/password/reset/key/1b-cfa7x3-4e9d2c0f1a/",
            "/en/accounts/password/reset/key/[private]/",
        ),
        ("/en/accounts/confirm-email/MQ:1v2b3n:4m5/", "/en/accounts/confirm-email/[private]/"),
    ],
)
def test_capability_paths_never_reach_the_log(console, path, shown):
    logging.getLogger("django.request").error("Internal Server Error: %s", path)

    line = console.getvalue()
    assert f"Internal Server Error: {shown}" in line
    assert path.rstrip("/").rsplit("/", 1)[-1] not in line


def test_an_api_key_never_reaches_the_log(console):
    key = "lrl_" + "Ab3-_x" * 7 + "Q"

    logging.getLogger("laurel.api").warning("refused key %s from a@b.se", key)

    assert console.getvalue().rstrip().endswith("refused key lrl_[private] from [email]")
    assert key[4:] not in console.getvalue()


def test_a_plain_traceback_keeps_the_frames_but_not_the_exception_text(console):
    typed = ["anna@example.org", "typed: Anna, 14, Malmö, /en/organisation/s3cret/"]

    def fails(address, text):
        try:
            raise KeyError(address)
        except KeyError as error:
            raise ValueError(text) from error

    try:
        fails(*typed)
    except ValueError:
        logging.getLogger("django.request").exception("Internal Server Error: %s", "/en/staff/")

    text = console.getvalue()
    assert "Internal Server Error: /en/staff/" in text
    assert "Traceback (most recent call last):" in text
    assert "in fails" in text  # the frames stay
    assert "builtins.KeyError (message left out of the log)" in text
    assert "builtins.ValueError (message left out of the log)" in text
    assert "anna" not in text and "Malmö" not in text and "s3cret" not in text
