import json
import logging
import sys

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
