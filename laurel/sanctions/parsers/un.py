"""The UN Security Council's consolidated list, its XML (root `CONSOLIDATED_LIST` with
`dateGenerated`; `INDIVIDUALS/INDIVIDUAL` and `ENTITIES/ENTITY`, no namespace)."""

from xml.etree.ElementTree import Element

from laurel.sanctions.parsers.common import (
    ORGANISATION,
    PERSON,
    ListFormatError,
    ParsedBirthDate,
    ParsedEntry,
    ParsedList,
    ParsedName,
    birth_date,
    children,
    iso_date,
    joined,
    short,
    text_of,
    xml_list,
)

NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")


def parse(data: bytes) -> ParsedList:
    return xml_list(
        data,
        root="CONSOLIDATED_LIST",
        wanted={"INDIVIDUAL", "ENTITY"},
        generated="dateGenerated",
        read_entry=_entry,
    )


def _entry(element: Element) -> ParsedEntry:
    person = element.tag == "INDIVIDUAL"
    reference = text_of(element, "REFERENCE_NUMBER")
    if not reference:
        dataid = text_of(element, "DATAID") or "?"
        raise ListFormatError(f"{element.tag} (DATAID {dataid}) has no REFERENCE_NUMBER.")
    where = f"{element.tag} {reference}"
    listed = text_of(element, "LISTED_ON")
    entry = ParsedEntry(
        reference=reference,
        kind=PERSON if person else ORGANISATION,
        regime=short(text_of(element, "UN_LIST_TYPE"), 300),
        listed_on=iso_date(listed, f"{where} LISTED_ON") if listed else None,
        remarks=short(text_of(element, "COMMENTS1")),
    )
    name = joined(*(text_of(element, part) for part in NAME_PARTS))
    if not name:
        raise ListFormatError(f"{where} has no name (FIRST_NAME is empty).")
    entry.add_name(ParsedName(whole_name=short(name), primary=True))
    if original := text_of(element, "NAME_ORIGINAL_SCRIPT"):
        entry.add_name(ParsedName(whole_name=short(original), script="original script"))
    for alias in children(element, "INDIVIDUAL_ALIAS" if person else "ENTITY_ALIAS"):
        if written := text_of(alias, "ALIAS_NAME"):
            quality = text_of(alias, "QUALITY").lower()
            entry.add_name(ParsedName(whole_name=short(written), weak=quality in {"low", "weak"}))
    for nationality in children(element, "NATIONALITY"):
        for value in children(nationality, "VALUE"):
            entry.add_country(text_of(value))
    for born in children(element, "INDIVIDUAL_DATE_OF_BIRTH"):
        if parsed := _birth_date(born, f"{where} INDIVIDUAL_DATE_OF_BIRTH"):
            entry.add_birth_date(parsed)
    return entry


def _birth_date(born: Element, where: str) -> ParsedBirthDate | None:
    """DATE, or YEAR, or FROM_YEAR and TO_YEAR; none when it holds only a TYPE_OF_DATE or a
    NOTE (the list's words, not a date)."""
    circa = text_of(born, "TYPE_OF_DATE").upper() == "APPROXIMATELY"
    if whole := text_of(born, "DATE"):
        written = iso_date(whole, where)
        return ParsedBirthDate(written.year, written.month, written.day, circa=circa)
    if year := text_of(born, "YEAR"):
        return birth_date(where, year=year, circa=circa)
    if start := text_of(born, "FROM_YEAR"):
        return birth_date(where, year=start, year_to=text_of(born, "TO_YEAR"), circa=circa)
    return None
