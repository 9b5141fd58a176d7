"""What every official list is read into, and the pieces the three readers share.

Pure functions from bytes to a `ParsedList`: no database, no network. Anything malformed raises
one `ListFormatError` whose message says where (the element and its reference, or the line) and
what is wrong, in words for the person who imported the file."""

import functools
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Literal
from xml.etree.ElementTree import Element, ParseError

Kind = Literal["person", "organisation"]
PERSON: Kind = "person"
ORGANISATION: Kind = "organisation"


class ListFormatError(Exception):
    """The file is not the official list it was said to be, or part of it cannot be read."""


@dataclass(frozen=True)
class ParsedName:
    whole_name: str
    primary: bool = False
    weak: bool = False
    script: str = ""


@dataclass(frozen=True)
class ParsedBirthDate:
    """A full date, a year and month, a year, or a range of years (`year` to `year_to`)."""

    year: int
    month: int | None = None
    day: int | None = None
    year_to: int | None = None
    circa: bool = False


@dataclass
class ParsedEntry:
    reference: str
    kind: Kind
    names: list[ParsedName] = field(default_factory=list)
    regime: str = ""
    listed_on: date | None = None
    remarks: str = ""
    birth_dates: list[ParsedBirthDate] = field(default_factory=list)
    citizenships: list[str] = field(default_factory=list)
    citizenships_unmapped: list[str] = field(default_factory=list)

    def add_name(self, name: ParsedName) -> None:
        """Once each (a name repeated in another row or alias adds nothing)."""
        if name.whole_name and all(name.whole_name != had.whole_name for had in self.names):
            self.names.append(name)

    def add_country(self, written: str) -> None:
        """A country the file names, as its ISO code when one is certain, else as written."""
        written = " ".join(written.split())
        if not written:
            return
        code = country_code(written)
        if code and code not in self.citizenships:
            self.citizenships.append(code)
        elif not code and written not in self.citizenships_unmapped:
            self.citizenships_unmapped.append(written)

    def add_birth_date(self, born: ParsedBirthDate) -> None:
        if born not in self.birth_dates:
            self.birth_dates.append(born)


@dataclass
class ParsedList:
    published_on: date
    entries: list[ParsedEntry]
    skipped: int = 0


REMARKS_LENGTH = 500


def short(text: str | None, length: int = REMARKS_LENGTH) -> str:
    """One line, at most `length` characters (an ellipsis where it was cut)."""
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1] + "…"


def iso_date(text: str, where: str) -> date:
    """A date written yyyy-mm-dd (a time and zone after it are ignored)."""
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise ListFormatError(f"{where}: “{text}” is not a date (yyyy-mm-dd).") from None


DMY_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def dmy_date(written: str, where: str) -> date:
    """A date written dd/mm/yyyy, as the UK's lists write them."""
    match = DMY_DATE.fullmatch(written.strip())
    try:
        if match is None:
            raise ValueError
        day, month, year = (int(part) for part in match.groups())
        return date(year, month, day)
    except ValueError:
        raise ListFormatError(f"{where}: “{written}” is not a date (dd/mm/yyyy).") from None


def birth_date(
    where: str,
    *,
    year: str = "",
    month: str = "",
    day: str = "",
    year_to: str = "",
    circa: bool = False,
) -> ParsedBirthDate:
    """A birth date from its parts as written; "0" or "" for a part the list does not know."""
    try:
        parts = [int(part) if part.strip() else 0 for part in (year, month, day, year_to)]
    except ValueError:
        raise ListFormatError(
            f"{where}: the birth date “{'-'.join(p for p in (year, month, day) if p)}” "
            "is not made of numbers."
        ) from None
    whole_year, whole_month, whole_day, to = parts
    if not 1800 <= whole_year <= 2100 or (to and not whole_year <= to <= 2100):
        raise ListFormatError(f"{where}: the birth year “{year}” is not a year.")
    try:
        if whole_day:
            date(whole_year, whole_month, whole_day)
        elif whole_month and not 1 <= whole_month <= 12:
            raise ValueError
    except ValueError:
        raise ListFormatError(
            f"{where}: {whole_year}-{whole_month:02d}-{whole_day:02d} is not a date."
        ) from None
    return ParsedBirthDate(
        year=whole_year,
        month=whole_month or None,
        day=whole_day or None if whole_month else None,
        year_to=to if to and to != whole_year else None,
        circa=circa,
    )


@functools.cache
def _country_names() -> dict[str, str]:
    """Country names in English to their alpha-2 codes: ISO 3166's (pycountry: "Russian
    Federation", "Korea, Democratic People's Republic of") and the short and former ones
    django-countries knows ("Russia", "North Korea", "Swaziland")."""
    import pycountry  # its tables load with the first list read, not at start-up
    from django.utils import translation
    from django_countries import countries

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            if written := getattr(country, attribute, None):
                names[written.casefold()] = country.alpha_2
    with translation.override("en"):
        for code, name in countries:
            names.setdefault(str(name).casefold(), code)
        for code, former in countries.shadowed_names.items():
            for name in former:
                names.setdefault(str(name).casefold(), code)
    return names


def country_code(written: str) -> str:
    """The ISO alpha-2 code of a country named in English, or "" when the name is not one of
    those tables' (no guessing: the name is kept as written)."""
    return _country_names().get(written.strip().casefold(), "")


def local_name(tag: str) -> str:
    """An element's name without its namespace: "{http://…}export" → "export"."""
    return tag.rpartition("}")[2]


def xml_elements(data: bytes, root: str, wanted: set[str]) -> Iterator[tuple[Element, Element]]:
    """The root element, and each element named in `wanted` once it is read whole (then cleared,
    so a 20 MB file is never held as one tree). Never expands entities nor reads a DTD."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    events = iterparse(io.BytesIO(data), events=("start", "end"), forbid_dtd=True)
    top: Element | None = None
    try:
        for event, element in events:
            if top is None:
                top = element
                if local_name(element.tag) != root:
                    raise ListFormatError(
                        f"the file's root element is <{local_name(element.tag)}>, "
                        f"not <{root}>: it is not this list's file."
                    )
                continue
            if event == "end" and local_name(element.tag) in wanted:
                yield top, element
                element.clear()
    except ParseError as error:
        line, column = error.position
        raise ListFormatError(
            f"the XML is malformed at line {line}, column {column + 1}."
        ) from None
    except DefusedXmlException:
        raise ListFormatError(
            "the file declares a DTD or XML entities, which an official list never does: "
            "it was refused unread."
        ) from None
    if top is None:
        raise ListFormatError("the file is empty.")


def xml_list(
    data: bytes,
    *,
    root: str,
    wanted: set[str],
    generated: str,
    read_entry: Callable[[Element], ParsedEntry],
) -> ParsedList:
    """A list in XML: each element named in `wanted` read by `read_entry`, the publication date
    from the root's attribute `generated`."""
    entries: list[ParsedEntry] = []
    seen: set[str] = set()
    top: Element | None = None
    for found, element in xml_elements(data, root, wanted):
        top = found  # the root, with its attributes, once an entry has been read
        entry = read_entry(element)
        if entry.reference in seen:
            raise ListFormatError(
                f"two {local_name(element.tag)} elements have the reference {entry.reference}."
            )
        seen.add(entry.reference)
        entries.append(entry)
    if top is None:
        raise ListFormatError(
            f"the file has no {' and no '.join(sorted(wanted))}: it lists nobody."
        )
    written = top.get(generated)
    if not written:
        raise ListFormatError(f"the root element <{root}> has no {generated}.")
    return ParsedList(published_on=iso_date(written, f"<{root} {generated}>"), entries=entries)


def child(element: Element, name: str) -> Element | None:
    """The first direct child of that name, in any namespace."""
    return next((sub for sub in element if local_name(sub.tag) == name), None)


def children(element: Element, name: str) -> list[Element]:
    return [sub for sub in element if local_name(sub.tag) == name]


def text_of(element: Element | None, name: str = "") -> str:
    """The text of `element` (or of its first child `name`), stripped; "" if there is none."""
    if element is not None and name:
        element = child(element, name)
    return " ".join((element.text or "").split()) if element is not None else ""


_SPACE = re.compile(r"\s+")


def joined(*parts: str) -> str:
    return _SPACE.sub(" ", " ".join(part for part in parts if part)).strip()
