"""The EU's consolidated list of persons, groups and entities subject to EU financial sanctions:
the Financial Sanctions Files' XML export (root `export` in the namespace
http://eu.europa.ec/fpi/fsd/export, with `generationDate`; one `sanctionEntity` an entry)."""

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
    iso_date,
    joined,
    short,
    text_of,
    xml_list,
)

KINDS: dict[str, Kind] = {"person": PERSON, "enterprise": ORGANISATION}


def parse(data: bytes) -> ParsedList:
    return xml_list(
        data,
        root="export",
        wanted={"sanctionEntity"},
        generated="generationDate",
        read_entry=_entry,
    )


def _entry(element: Element) -> ParsedEntry:
    reference = (element.get("logicalId") or "").strip()
    if not reference:
        name = element.get("euReferenceNumber") or "without a reference"
        raise ListFormatError(f"a sanctionEntity ({name}) has no logicalId.")
    where = f"sanctionEntity logicalId={reference}"
    subject = child(element, "subjectType")
    code = subject.get("code", "") if subject is not None else ""
    if code not in KINDS:
        raise ListFormatError(
            f"{where}: subjectType code “{code}” is neither “person” nor “enterprise”."
        )
    regulations = children(element, "regulation")
    entry = ParsedEntry(
        reference=reference,
        kind=KINDS[code],
        regime=short(next((r.get("programme", "") for r in regulations), ""), 300),
        listed_on=_listed_on(element, regulations, where),
        remarks=short(" ".join(text_of(remark) for remark in children(element, "remark"))),
    )
    for alias in children(element, "nameAlias"):
        _add_alias(entry, alias, where)
    if not entry.names:
        raise ListFormatError(f"{where} has no nameAlias with a name.")
    for born in children(element, "birthdate"):
        if parsed := _birth_date(born, where):
            entry.add_birth_date(parsed)
    for citizenship in children(element, "citizenship"):
        code = (citizenship.get("countryIso2Code") or "").strip().upper()
        if len(code) == 2 and code.isalpha():
            if code not in entry.citizenships:
                entry.citizenships.append(code)
        elif (written := citizenship.get("countryDescription") or "").upper() != "UNKNOWN":
            entry.add_country(written)  # "00": no code given; the country as it is written
    return entry


def _add_alias(entry: ParsedEntry, alias: Element, where: str) -> None:
    whole = joined(alias.get("wholeName") or "") or joined(
        *(alias.get(part) or "" for part in ("firstName", "middleName", "lastName"))
    )
    if not whole:
        raise ListFormatError(
            f"{where}: a nameAlias has neither wholeName nor a first or last name."
        )
    entry.add_name(
        ParsedName(
            whole_name=short(whole),
            primary=not entry.names,
            weak=(alias.get("strong") or "").strip().lower() == "false",
            script=(alias.get("nameLanguage") or "").strip(),
        )
    )


def _listed_on(element: Element, regulations: list[Element], where: str) -> date | None:
    """The designation date, else the earliest publication (or entry into force) of its
    regulations."""
    if designated := (element.get("designationDate") or "").strip():
        return iso_date(designated, f"{where} designationDate")
    dates = [
        iso_date(written, f"{where} regulation")
        for regulation in regulations
        if (written := regulation.get("publicationDate") or regulation.get("entryIntoForceDate"))
    ]
    return min(dates, default=None)


def _birth_date(born: Element, where: str) -> ParsedBirthDate | None:
    circa = (born.get("circa") or "").strip().lower() == "true"
    where = f"{where} birthdate"
    if whole := (born.get("birthdate") or "").strip():
        written = iso_date(whole, where)
        return ParsedBirthDate(written.year, written.month, written.day, circa=circa)
    if born.get("yearRangeFrom"):
        return birth_date(
            where, year=born.get("yearRangeFrom", ""), year_to=born.get("yearRangeTo", ""),
            circa=circa,
        )  # fmt: skip
    if not (born.get("year") or "").strip():
        return None  # a place of birth only
    return birth_date(
        where, year=born.get("year", ""), month=born.get("monthOfYear", ""),
        day=born.get("dayOfMonth", ""), circa=circa,
    )  # fmt: skip
