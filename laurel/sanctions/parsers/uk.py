"""The UK's consolidated list of financial sanctions targets, OFSI's ConList.csv: a first line
`Last Updated,dd/mm/yyyy`, then the header, then one row a name, the rows of one target sharing
its Group ID ("Primary name", then "AKA", "FKA", "Primary name variation"). Name 6 is the
surname (an entity's whole name); dates are dd/mm/yyyy with 00 for what is not known."""

import csv
import io
import re
from dataclasses import replace
from datetime import date

from laurel.sanctions.parsers.common import (
    DMY_DATE,
    ORGANISATION,
    PERSON,
    Kind,
    ListFormatError,
    ParsedEntry,
    ParsedList,
    ParsedName,
    birth_date,
    dmy_date,
    joined,
    short,
)

KINDS: dict[str, Kind | None] = {"individual": PERSON, "entity": ORGANISATION, "ship": None}
REQUIRED = ["Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Group Type", "Group ID"]
GIVEN_NAMES = ["Name 1", "Name 2", "Name 3", "Name 4", "Name 5"]
# "(1) Russia (2) Cyprus": several countries in one cell.
_NUMBERED = re.compile(r"\(\d+\)")


def parse(data: bytes) -> ParsedList:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ListFormatError(
            f"the file is not UTF-8 text (byte {error.start + 1} cannot be read)."
        ) from None
    rows = csv.reader(io.StringIO(text, newline=""))
    entries: dict[str, ParsedEntry] = {}
    ships: set[str] = set()
    try:
        published_on = _published_on(next(rows, []))
        header = [cell.strip() for cell in next(rows, [])]
        if missing := [column for column in REQUIRED if column not in header]:
            raise ListFormatError(
                f"line 2 is not ConList.csv's header: it lacks {', '.join(missing)}."
            )
        for cells in rows:
            if any(cell.strip() for cell in cells):
                row = dict(zip(header, (cell.strip() for cell in cells), strict=False))
                _read_row(row, rows.line_num, entries, ships)  # the line the row ends on
    except csv.Error as error:
        raise ListFormatError(f"line {rows.line_num} is not CSV: {error}.") from None
    if not entries and not ships:
        raise ListFormatError("the file has no rows after its header: it lists nobody.")
    for group, entry in entries.items():
        if not entry.names:
            raise ListFormatError(f"Group ID {group} has no row with a name.")
        if not any(name.primary for name in entry.names):
            entry.names[0] = replace(entry.names[0], primary=True)
    return ParsedList(published_on=published_on, entries=list(entries.values()), skipped=len(ships))


def _published_on(first: list[str]) -> date:
    cells = [cell.strip() for cell in first if cell.strip()]
    if len(cells) < 2 or cells[0].rstrip(":").lower() != "last updated":
        raise ListFormatError(
            "line 1 should read “Last Updated,dd/mm/yyyy”: it is not ConList.csv."
        )
    return dmy_date(cells[1], "line 1 (Last Updated)")


def _read_row(
    row: dict[str, str], line: int, entries: dict[str, ParsedEntry], ships: set[str]
) -> None:
    group = row.get("Group ID", "")
    if not group:
        raise ListFormatError(f"line {line} has no Group ID.")
    written_kind = row.get("Group Type", "")
    if written_kind.lower() not in KINDS:
        raise ListFormatError(
            f"line {line} (Group ID {group}): Group Type “{written_kind}” is not Individual, "
            "Entity or Ship."
        )
    kind = KINDS[written_kind.lower()]
    if kind is None:
        ships.add(group)
        return
    entry = entries.get(group)
    if entry is None:
        listed = row.get("Listed On", "")
        entry = entries[group] = ParsedEntry(
            reference=group,
            kind=kind,
            regime=short(row.get("Regime", ""), 300),
            listed_on=dmy_date(listed, f"line {line} (Listed On)") if listed else None,
            remarks=short(row.get("Other Information", "")),
        )
    elif entry.kind != kind:
        raise ListFormatError(
            f"line {line}: Group ID {group} is an {written_kind} here but was not before."
        )
    name = joined(*(row.get(part, "") for part in GIVEN_NAMES), row.get("Name 6", ""))
    alias_type = row.get("Alias Type", "").lower()
    weak = row.get("Alias Quality", "").lower() in {"low", "weak"}
    if name:
        entry.add_name(
            ParsedName(whole_name=short(name), primary=alias_type == "primary name", weak=weak)
        )
    if original := row.get("Name Non-Latin Script", ""):
        script = row.get("Non-Latin Script Language", "") or row.get("Non-Latin Script Type", "")
        entry.add_name(ParsedName(whole_name=short(original), weak=weak, script=short(script, 60)))
    if kind == PERSON:
        _read_person(row, line, group, entry)


def _read_person(row: dict[str, str], line: int, group: str, entry: ParsedEntry) -> None:
    where = f"line {line} (Group ID {group}) DOB"
    written = row.get("DOB", "")
    found = DMY_DATE.findall(written)
    if written and not found:
        raise ListFormatError(f"{where}: “{written}” is not a date (dd/mm/yyyy).")
    for day, month, year in found:
        entry.add_birth_date(birth_date(where, year=year, month=month, day=day))
    for country in _NUMBERED.split(row.get("Nationality", "")):
        entry.add_country(country.strip(" ,;"))
