"""The readers of the official lists' files, one a format: `parse(source, data)`.

Each is a pure function from the file's bytes to a `ParsedList`, raising one `ListFormatError`
that says where and what is wrong; XML is read with defusedxml (no entity is ever expanded, no
DTD read) and element by element, so a 20 MB file is never held as one tree."""

from collections.abc import Callable

from laurel.sanctions.parsers import eu, uk, un
from laurel.sanctions.parsers.common import (
    ORGANISATION,
    PERSON,
    ListFormatError,
    ParsedBirthDate,
    ParsedEntry,
    ParsedList,
    ParsedName,
)

PARSERS: dict[str, Callable[[bytes], ParsedList]] = {
    "eu": eu.parse,
    "un": un.parse,
    "uk": uk.parse,
}


def parse(source: str, data: bytes) -> ParsedList:
    """The list in `data`, read as the official file of `source` ("eu", "un" or "uk")."""
    return PARSERS[source](data)


__all__ = [
    "ORGANISATION",
    "PARSERS",
    "PERSON",
    "ListFormatError",
    "ParsedBirthDate",
    "ParsedEntry",
    "ParsedList",
    "ParsedName",
    "parse",
]
