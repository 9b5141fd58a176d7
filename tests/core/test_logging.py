import logging

from laurel.core.logging import RedactPrivateLinks, redact


def test_private_link_tokens_are_redacted():
    assert redact("Internal Server Error: /sv/nominate/n/AbC-123_xyz/review/") == (
        "Internal Server Error: /sv/nominate/n/[private]/review/"
    )
    assert redact("GET /en/invitation/t0k3n/ 500") == "GET /en/invitation/[private]/ 500"
    assert redact("/en/nominate/confirm/secret/") == "/en/nominate/confirm/[private]/"
    assert redact("/en/nominate/ and /en/staff/") == "/en/nominate/ and /en/staff/"


def test_the_filter_rewrites_the_record_it_passes():
    record = logging.LogRecord(
        "django.request",
        logging.ERROR,
        __file__,
        1,
        "Internal Server Error: %s",
        ("/en/nominate/n/secret-token/",),
        None,
    )

    kept = RedactPrivateLinks().filter(record)

    assert kept is True
    assert record.getMessage() == "Internal Server Error: /en/nominate/n/[private]/"


def test_the_console_handler_uses_the_filter():
    from django.conf import settings

    assert settings.LOGGING["handlers"]["console"]["filters"] == ["private_links"]
