"""Log hygiene: private links are capabilities, so their tokens never reach a log line."""

import logging
import re

# /nominate/n/<token>/, /nominate/confirm/<token>/, /invitation/<token>/ (any language prefix).
PRIVATE_LINK = re.compile(r"(/(?:nominate/n|nominate/confirm|invitation)/)[^/\s?#\"']+")


def redact(text: str) -> str:
    return PRIVATE_LINK.sub(r"\1[private]", text)


class RedactPrivateLinks(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
