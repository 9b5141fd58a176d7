"""The UK Sanctions List (FCDO), its XML: the UK's one official list since 28 January 2026, when
OFSI's consolidated list (`ConList.csv`, read by `uk`) was retired.

Root `Designations`, its first child `DateGenerated` (dd/mm/yyyy), then one `Designation` a
person, entity or ship: `UniqueID` (the reference, "RUS0001"), `RegimeName`,
`IndividualEntityShip`, `DateDesignated`, `OtherInformation`; `Names/Name` with `Name1` to
`Name6` (`Name6` the surname, an entity's whole name), `NameType` ("Primary Name", "Primary name
variation", "Alias", written in any case) and `AliasStrength` ("Good quality a.k.a", "Low
quality a.k.a"); `NonLatinNames/NonLatinName/NameNonLatinScript`; for a person
`IndividualDetails/Individual` with `DOBs/DOB` (dd/mm/yyyy, "dd" and "mm" where the day or month
is not known) and `Nationalities/Nationality`. The structure follows fragments of the published
file (2026); the project's fixture holds fictional entries in it."""

import re
from datetime import date
from xml.etree.ElementTree import Element

from laurel.sanctions.parsers.common import (
    ORGANISATION,
    PERSON,
    Kind,
    ListFormatError,
    ParsedBirthDate,
    ParsedEntry,
    ParsedList,
    ParsedName,
    birth_date,
    child,
    children,
    dmy_date,
    joined,
    short,
    text_of,
    xml_elements,
)

ROOT = "Designations"
KINDS: dict[str, Kind | None] = {"individual": PERSON, "entity": ORGANISATION, "ship": None}
NAME_PARTS = ("Name1", "Name2", "Name3", "Name4", "Name5", "Name6")
# A birth date with what is not known masked: "dd/mm/1945", "dd/03/1958", "00/00/1969".
_BIRTH = re.compile(r"(\d{1,2}|dd|00?)/(\d{1,2}|mm|00?)/(\d{4})", re.IGNORECASE)


def parse(data: bytes) -> ParsedList:
    entries: list[ParsedEntry] = []
    seen: set[str] = set()
    published_on: date | None = None
    skipped = 0
    for _root, element in xml_elements(data, ROOT, {"DateGenerated", "Designation"}):
        if element.tag.rpartition("}")[2] == "DateGenerated":
            published_on = dmy_date(text_of(element), "<DateGenerated>")
            continue
        entry = _entry(element)
        if entry is None:
            skipped += 1
            continue
        if entry.reference in seen:
            raise ListFormatError(f"two Designation elements have the UniqueID {entry.reference}.")
        seen.add(entry.reference)
        entries.append(entry)
    if published_on is None:
        raise ListFormatError(f"<{ROOT}> has no DateGenerated: when it was published is unknown.")
    if not entries and not skipped:
        raise ListFormatError("the file has no Designation: it lists nobody.")
    return ParsedList(published_on=published_on, entries=entries, skipped=skipped)


def _entry(element: Element) -> ParsedEntry | None:
    """The designation as an entry; None for a ship (not screened: counted as skipped)."""
    reference = text_of(element, "UniqueID")
    if not reference:
        raise ListFormatError("a Designation has no UniqueID.")
    where = f"Designation {reference}"
    written_kind = text_of(element, "IndividualEntityShip")
    if written_kind.lower() not in KINDS:
        raise ListFormatError(
            f"{where}: IndividualEntityShip “{written_kind}” is not Individual, Entity or Ship."
        )
    kind = KINDS[written_kind.lower()]
    if kind is None:
        return None
    designated = text_of(element, "DateDesignated")
    entry = ParsedEntry(
        reference=reference,
        kind=kind,
        regime=short(text_of(element, "RegimeName"), 300),
        listed_on=dmy_date(designated, f"{where} DateDesignated") if designated else None,
        remarks=short(text_of(element, "OtherInformation")),
    )
    for name in within(element, "Names", "Name"):
        _add_name(entry, name)
    if not entry.names:
        raise ListFormatError(f"{where} has no name (no Name with Name1 to Name6).")
    if not any(name.primary for name in entry.names):
        first = entry.names[0]
        entry.names[0] = ParsedName(first.whole_name, primary=True, weak=first.weak)
    for original in within(element, "NonLatinNames", "NonLatinName"):
        if written := text_of(original, "NameNonLatinScript"):
            script = text_of(original, "NonLatinScriptLanguage") or text_of(
                original, "NonLatinScriptType"
            )
            entry.add_name(ParsedName(short(written), script=short(script or "non-Latin", 60)))
    if kind == PERSON:
        _read_person(element, where, entry)
    return entry


def within(element: Element, outer: str, inner: str) -> list[Element]:
    """The children `inner` of the child `outer` ("Names", "Name"); none if it is absent."""
    found = child(element, outer)
    return children(found, inner) if found is not None else []


def _add_name(entry: ParsedEntry, name: Element) -> None:
    whole = joined(*(text_of(name, part) for part in NAME_PARTS))
    if not whole:
        return
    name_type = text_of(name, "NameType").lower()
    strength = text_of(name, "AliasStrength").lower()
    entry.add_name(
        ParsedName(
            whole_name=short(whole),
            primary=name_type == "primary name",
            weak=strength.startswith(("low", "weak")),
        )
    )


def _read_person(element: Element, where: str, entry: ParsedEntry) -> None:
    for details in within(element, "IndividualDetails", "Individual"):
        for born in within(details, "DOBs", "DOB"):
            if parsed := _birth_date(text_of(born), f"{where} DOB"):
                entry.add_birth_date(parsed)
        for country in within(details, "Nationalities", "Nationality"):
            entry.add_country(text_of(country))


def _birth_date(written: str, where: str) -> ParsedBirthDate | None:
    if not written:
        return None
    match = _BIRTH.fullmatch(written.strip())
    if match is None:
        raise ListFormatError(f"{where}: “{written}” is not a date (dd/mm/yyyy).")
    day, month, year = (part if part.isdigit() else "" for part in match.groups())
    return birth_date(where, year=year, month=month, day=day)
