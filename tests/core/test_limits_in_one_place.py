"""Each limit a nominator or an organisation meets is one constant in `laurel.core.limits`: the
forms, the checks, the pages and the texts read it, so a changed limit changes every one of them."""

import re
from pathlib import Path

from django.conf import settings

from laurel.core import limits

ROOT = Path(settings.BASE_DIR)
LIMITS_MODULE = ROOT / "laurel" / "core" / "limits.py"
SOURCES = sorted(
    path
    for path in (ROOT / "laurel").rglob("*")
    if path.suffix in {".py", ".html", ".txt"} and "migrations" not in path.parts
)
# A limit written again as its value: in words or figures, in code or in a text.
WRITTEN_AGAIN = re.compile(
    r"\b10 MB\b|\b1,000 characters\b|\bthree (?:documents|files)\b|"
    r"['\"]fax_number['\"]|\bfax_number\b(?=\.)|existing_attachments > 3\b"
)


def test_no_limit_is_written_outside_the_limits_module():
    found = [
        (str(path.relative_to(ROOT)), match.group())
        for path in SOURCES
        if path != LIMITS_MODULE
        for match in WRITTEN_AGAIN.finditer(path.read_text())
    ]
    assert found == []


def test_the_request_limits_follow_the_document_limits():
    assert limits.ONE_DOCUMENT == limits.DOCUMENT_MAX_BYTES + limits.MB
    assert limits.limit_for("nominations:nominate") == limits.THREE_DOCUMENTS
    assert limits.THREE_DOCUMENTS > limits.NOMINATION_DOCUMENTS * limits.DOCUMENT_MAX_BYTES
