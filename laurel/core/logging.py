"""Log hygiene and shape.

Private links are capabilities and email addresses are personal data: neither reaches a log
line (`RedactPersonalData`). With LOG_FORMAT=json each line is one JSON object (`JsonFormatter`)
for a log collector; the fields are fixed and carry no request bodies.
"""

import json
import logging
import re
from datetime import UTC, datetime

# /nominate/n/<token>/, /nominate/confirm/<token>/, /invitation/<token>/, /laureate/<token>/
# (any language prefix).
PRIVATE_LINK = re.compile(r"(/(?:nominate/n|nominate/confirm|invitation|laureate)/)[^/\s?#\"']+")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def redact_links(text: str) -> str:
    return PRIVATE_LINK.sub(r"\1[private]", text)


def redact(text: str) -> str:
    return EMAIL.sub("[email]", redact_links(text))


class RedactPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
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
