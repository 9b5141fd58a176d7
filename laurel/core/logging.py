"""Log hygiene and shape.

Private links and API keys are capabilities and email addresses are personal data: none reaches
a log line (`RedactPersonalData`), and an exception's own text (which may hold what someone
typed, a link or an address) is left out of tracebacks: the type and the frames stay. With
LOG_FORMAT=json each line is one JSON object (`JsonFormatter`) for a log collector; the fields
are fixed and carry no request bodies.
"""

import json
import logging
import re
import traceback
from datetime import UTC, datetime

# The paths whose next segment is a capability (any language prefix): /nominate/n/<token>/,
# /nominate/confirm/<token>/, /invitation/<token>/, /laureate/<token>/, /organisation/<token>/,
# allauth's /accounts/password/reset/key/<uid>-<key>/ and /accounts/confirm-email/<key>/.
PRIVATE_PREFIXES = (
    "nominate/n",
    "nominate/confirm",
    "invitation",
    "laureate",
    "organisation",
    "accounts/password/reset/key",
    "accounts/confirm-email",
)
PRIVATE_LINK = re.compile(
    r"(/(?:" + "|".join(map(re.escape, PRIVATE_PREFIXES)) + r")/)[^/\s?#\"'&<>]+"
)
# API keys: "lrl_" and 43 URL-safe characters (laurel.api.tokens).
API_KEY = re.compile(r"\blrl_[A-Za-z0-9_-]+")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def redact_links(text: str) -> str:
    return PRIVATE_LINK.sub(r"\1[private]", text)


def redact(text: str) -> str:
    return EMAIL.sub("[email]", API_KEY.sub("lrl_[private]", redact_links(text)))


def traceback_without_messages(error: BaseException | None) -> str:
    """A traceback as Python prints it, each exception's message replaced by its type only."""
    chain, seen = [], set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        chain.append(error)
        error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    parts = []
    for number, link in enumerate(reversed(chain)):
        if number:
            parts.append("\nThe exception above led to the one below:\n\n")
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_tb(link.__traceback__))
        kind = type(link)
        parts.append(f"{kind.__module__}.{kind.__qualname__} (message left out of the log)\n")
    return redact("".join(parts).rstrip("\n"))


class RedactPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        if record.exc_info and record.exc_info[1] is not None:
            # A formatter uses exc_text as it is when it is set: the plain format then prints
            # this traceback, never the exception's own text.
            record.exc_text = traceback_without_messages(record.exc_info[1])
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC), level, logger, message, and the exception's type."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "process": record.process,
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            line["status"] = status
        if record.exc_info and record.exc_info[0] is not None:
            # The type and where it was raised; the exception's text may hold what was typed.
            line["exception"] = record.exc_info[0].__name__
            trace = record.exc_info[2]
            while trace is not None and trace.tb_next is not None:
                trace = trace.tb_next
            if trace is not None:
                code = trace.tb_frame.f_code
                line["at"] = f"{code.co_filename.rsplit('/', 1)[-1]}:{trace.tb_lineno}"
        return json.dumps(line, ensure_ascii=False)
