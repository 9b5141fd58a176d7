"""The readers of the official lists' files, one a format: `parse(source, data)`.

Each is a pure function from the file's bytes to a `ParsedList`, raising one `ListFormatError`
that says where and what is wrong; XML is read with defusedxml (no entity is ever expanded, no
DTD read) and element by element, so a 20 MB file is never held as one tree."""

from collections.abc import Callable

from laurel.sanctions.parsers import eu, uk, uk_list, un
from laurel.sanctions.parsers.common import (
    ORGANISATION,
    PERSON,
    ListFormatError,
    ParsedBirthDate,
    ParsedEntry,
    ParsedList,
    ParsedName,
)


def _uk(data: bytes) -> ParsedList:
    """The UK Sanctions List's XML, or OFSI's ConList.csv (retired on 28 January 2026, still
    read for a file kept from before): told apart by the file's first character."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return uk_list.parse(data)
    return uk.parse(data)


PARSERS: dict[str, Callable[[bytes], ParsedList]] = {
    "eu": eu.parse,
    "un": un.parse,
    "uk": _uk,
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
