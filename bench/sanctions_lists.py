"""Generated sanctions lists: N fictional entries written in each official format (the EU's FSF
XML export, the UN Security Council's consolidated XML, the UK's ConList.csv), for the screening
benchmark and the import's tests.

    .venv/bin/python bench/sanctions_lists.py [--entries 20000] [--seed 21]
                                              [--out var/bench/sanctions]

Every name is made up from the pools below: persons (about seven in ten) with a Latin primary
name, a Cyrillic or Arabic spelling of it for some, and aliases (another transliteration, the
names in another order, a nickname marked weak); organisations with a legal form and a former
name for some. Birth dates are full dates, years only, or ranges; citizenships one or two
countries. The UK file adds a ship every 40 entries (the import skips ships). The same seed
writes the same files.
"""

import argparse
import csv
import io
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

GIVEN = [
    ("Oleksandr", "Олександр"), ("Dmitri", "Дмитрий"), ("Sergei", "Сергей"), ("Nikolai", "Николай"),
    ("Yuri", "Юрий"), ("Igor", "Игорь"), ("Pavel", "Павел"), ("Viktor", "Виктор"),
    ("Anatoli", "Анатолий"), ("Mikhail", "Михаил"), ("Olga", "Ольга"), ("Tatiana", "Татьяна"),
    ("Yelena", "Елена"), ("Irina", "Ирина"), ("Svetlana", "Светлана"), ("Natalia", "Наталья"),
    ("Yusuf", "يوسف"), ("Karim", "كريم"), ("Hassan", "حسن"), ("Omar", "عمر"), ("Ali", "علي"),
    ("Samir", "سمير"), ("Layla", "ليلى"), ("Amina", "أمينة"), ("Tariq", "طارق"), ("Nabil", "نبيل"),
]  # fmt: skip
FAMILY = [
    ("Verbytskyi", "Вербицкий"), ("Sokolov", "Соколов"), ("Zhukov", "Жуков"),
    ("Khrushchenko", "Хрущенко"), ("Tsvetkov", "Цветков"), ("Shcherbakov", "Щербаков"),
    ("Kozlov", "Козлов"), ("Yakovlev", "Яковлев"), ("Belousov", "Белоусов"),
    ("Gromov", "Громов"), ("Orlov", "Орлов"), ("Panteleev", "Пантелеев"),
    ("Al-Hamdani", "الهمداني"), ("Haddad", "حداد"), ("Al-Masri", "المصري"), ("Nasser", "ناصر"),
    ("Al-Khatib", "الخطيب"), ("Qasimi", "القاسمي"), ("Saleh", "صالح"), ("Darwish", "درويش"),
]  # fmt: skip
# Another usual transliteration of some Latin spellings above ("Verbytskyi" / "Verbitsky").
OTHER_SPELLINGS = [("ytskyi", "itsky"), ("kh", "h"), ("shch", "sch"), ("Yu", "Iu"), ("Ye", "E"),
                   ("ts", "tz"), ("Al-", "El "), ("y", "i")]  # fmt: skip
NICKNAMES = ["The Accountant", "Sasha", "Abu Hamza", "The Engineer", "Kostya", "Abu Omar"]
ORG_WORDS = ["Nordlicht", "Sunrise", "Baltic", "Crescent", "Polar", "Volga", "Aurora",
             "Horizon", "Meridian", "Cedar", "Falcon", "Granite", "Amber", "Delta", "Summit",
             "Zenith"]  # fmt: skip
ORG_KINDS = ["Trading", "Logistics", "Relief Foundation", "Holdings", "Shipping", "Industries",
             "Consulting", "Charitable Trust", "Import-Export", "Finance"]  # fmt: skip
LEGAL = ["LLC", "GmbH", "Ltd", "OOO", "JSC", "FZE", "S.A.", ""]
COUNTRIES = [("RU", "Russia"), ("BY", "Belarus"), ("IR", "Iran"), ("SY", "Syria"),
             ("KP", "North Korea"), ("AF", "Afghanistan"), ("IQ", "Iraq"), ("LY", "Libya"),
             ("CY", "Cyprus"), ("AE", "United Arab Emirates"), ("TR", "Turkey")]  # fmt: skip
REGIMES = [("RUS", "Russia", "Al-Qaida"), ("SYR", "Syria", "Al-Qaida"), ("IRN", "Iran", "Iran"),
           ("PRK", "DPRK", "DPRK"), ("CYB", "Cyber", "Al-Qaida")]  # fmt: skip


@dataclass
class Entry:
    number: int
    person: bool
    primary: str
    script_name: str = ""
    script: str = ""
    aliases: list[tuple[str, bool]] = field(default_factory=list)  # (name, weak)
    born: tuple[int, int, int] | tuple[int, int] | None = None  # (y, m, d), (y, 0, 0), (from, to)
    countries: list[tuple[str, str]] = field(default_factory=list)
    regime: int = 0
    listed: tuple[int, int, int] = (2022, 3, 15)


def entries(n: int, seed: int = 21) -> list[Entry]:
    """`n` fictional entries, the same for the same seed."""
    rng = random.Random(seed)
    made = []
    for number in range(n):
        if rng.random() < 0.7:
            made.append(_person(rng, number))
        else:
            made.append(_organisation(rng, number))
    return made


def _person(rng: random.Random, number: int) -> Entry:
    (given, given_script), (family, family_script) = rng.choice(GIVEN), rng.choice(FAMILY)
    arabic = family_script[0] >= "\u0600"
    # A number in the name keeps 20,000 made-up people apart, as real lists' people are.
    middle = f"{rng.choice(GIVEN)[0]}{'ovich' if not arabic else ''} {number}"
    entry = Entry(number, True, f"{given} {middle} {family}")
    if rng.random() < 0.5:
        entry.script_name = f"{given_script} {family_script} {number}"
        entry.script = "AR" if arabic else "RU"
    other = entry.primary
    for latin, variant in OTHER_SPELLINGS:
        other = other.replace(latin, variant)
    if other != entry.primary:
        entry.aliases.append((other, False))
    if rng.random() < 0.3:
        entry.aliases.append((f"{family} {given} {number}", False))
    if rng.random() < 0.15:
        entry.aliases.append((f"{rng.choice(NICKNAMES)} {number}", True))
    year = rng.randint(1940, 1995)
    kind = rng.random()
    entry.born = (
        (year, rng.randint(1, 12), rng.randint(1, 28)) if kind < 0.6
        else (year, 0, 0) if kind < 0.85
        else (year, year + rng.randint(1, 4))
    )  # fmt: skip
    entry.countries = rng.sample(COUNTRIES, rng.choice([1, 1, 1, 2]))
    entry.regime = rng.randrange(len(REGIMES))
    entry.listed = (rng.randint(2001, 2026), rng.randint(1, 12), rng.randint(1, 28))
    return entry


def _organisation(rng: random.Random, number: int) -> Entry:
    words = f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_KINDS)} {number}"
    legal = rng.choice(LEGAL)
    entry = Entry(number, False, f"{words} {legal}".strip())
    if rng.random() < 0.4:
        entry.aliases.append((f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_KINDS)} {number}", False))
    entry.regime = rng.randrange(len(REGIMES))
    entry.listed = (rng.randint(2001, 2026), rng.randint(1, 12), rng.randint(1, 28))
    return entry


def _iso(day: tuple[int, int, int]) -> str:
    return f"{day[0]:04d}-{day[1]:02d}-{day[2]:02d}"


def eu_xml(n: int, seed: int = 21) -> bytes:
    """The EU's FSF XML export with `n` entries."""
    out = io.StringIO()
    out.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')
    out.write('<export xmlns="http://eu.europa.ec/fpi/fsd/export" '
              'generationDate="2026-12-01T10:00:00.000+01:00" globalFileId="1">\n')  # fmt: skip
    for entry in entries(n, seed):
        programme = REGIMES[entry.regime][0]
        out.write(f'  <sanctionEntity euReferenceNumber="EU.{entry.number}.1" '
                  f'logicalId="{100000 + entry.number}">\n'
                  f'    <regulation regulationType="regulation" programme="{programme}" '
                  f'publicationDate="{_iso(entry.listed)}" '
                  f'entryIntoForceDate="{_iso(entry.listed)}"/>\n'
                  f'    <subjectType code="{"person" if entry.person else "enterprise"}" '
                  f'classificationCode="{"P" if entry.person else "E"}"/>\n'
                  f"    <nameAlias wholeName={quoteattr(entry.primary)} "
                  'nameLanguage="" strong="true"/>\n')  # fmt: skip
        if entry.script_name:
            out.write(f"    <nameAlias wholeName={quoteattr(entry.script_name)} "
                      f'nameLanguage="{entry.script}" strong="true"/>\n')  # fmt: skip
        for alias, weak in entry.aliases:
            out.write(f"    <nameAlias wholeName={quoteattr(alias)} "
                      f'strong="{"false" if weak else "true"}"/>\n')  # fmt: skip
        if entry.born and len(entry.born) == 2:
            out.write(
                f'    <birthdate yearRangeFrom="{entry.born[0]}" yearRangeTo="{entry.born[1]}"/>\n'
            )
        elif entry.born and entry.born[1]:
            out.write(f'    <birthdate birthdate="{_iso(entry.born)}" year="{entry.born[0]}"/>\n')
        elif entry.born:
            out.write(f'    <birthdate year="{entry.born[0]}"/>\n')
        for code, name in entry.countries:
            out.write(f'    <citizenship countryIso2Code="{code}" '
                      f"countryDescription={quoteattr(name.upper())}/>\n")  # fmt: skip
        out.write("  </sanctionEntity>\n")
    out.write("</export>\n")
    return out.getvalue().encode()


def un_xml(n: int, seed: int = 21) -> bytes:
    """The UN Security Council's consolidated list XML with `n` entries."""
    people, organisations = [], []
    for entry in entries(n, seed):
        (people if entry.person else organisations).append(entry)
    out = io.StringIO()
    out.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<CONSOLIDATED_LIST dateGenerated="2026-12-01T00:00:00.000Z">\n'
              "<INDIVIDUALS>\n")  # fmt: skip
    for entry in people:
        out.write(_un_entry(entry, "INDIVIDUAL"))
    out.write("</INDIVIDUALS>\n<ENTITIES>\n")
    for entry in organisations:
        out.write(_un_entry(entry, "ENTITY"))
    out.write("</ENTITIES>\n</CONSOLIDATED_LIST>\n")
    return out.getvalue().encode()


def _un_entry(entry: Entry, tag: str) -> str:
    parts = [f"<{tag}><DATAID>{entry.number}</DATAID>"]
    names = entry.primary.split(" ", 3) if entry.person else [entry.primary]
    for part, name in zip(
        ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"), names, strict=False
    ):
        parts.append(f"<{part}>{escape(name)}</{part}>")
    parts.append(f"<UN_LIST_TYPE>{REGIMES[entry.regime][2]}</UN_LIST_TYPE>"
                 f"<REFERENCE_NUMBER>{'QDi' if entry.person else 'QDe'}.{entry.number}"
                 "</REFERENCE_NUMBER>"
                 f"<LISTED_ON>{_iso(entry.listed)}</LISTED_ON>")  # fmt: skip
    if entry.script_name:
        parts.append(f"<NAME_ORIGINAL_SCRIPT>{escape(entry.script_name)}</NAME_ORIGINAL_SCRIPT>")
    if entry.countries:
        values = "".join(f"<VALUE>{escape(name)}</VALUE>" for _code, name in entry.countries)
        parts.append(f"<NATIONALITY>{values}</NATIONALITY>")
    for alias, weak in entry.aliases:
        parts.append(f"<{tag}_ALIAS><QUALITY>{'Low' if weak else 'Good'}</QUALITY>"
                     f"<ALIAS_NAME>{escape(alias)}</ALIAS_NAME></{tag}_ALIAS>")  # fmt: skip
    if entry.born and len(entry.born) == 2:
        parts.append("<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE>"
                     f"<FROM_YEAR>{entry.born[0]}</FROM_YEAR><TO_YEAR>{entry.born[1]}</TO_YEAR>"
                     "</INDIVIDUAL_DATE_OF_BIRTH>")  # fmt: skip
    elif entry.born and entry.born[1]:
        parts.append("<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE>"
                     f"<DATE>{_iso(entry.born)}</DATE></INDIVIDUAL_DATE_OF_BIRTH>")  # fmt: skip
    elif entry.born:
        parts.append("<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE>"
                     f"<YEAR>{entry.born[0]}</YEAR></INDIVIDUAL_DATE_OF_BIRTH>")  # fmt: skip
    parts.append(f"</{tag}>\n")
    return "".join(parts)


UK_HEADER = [
    "Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Title", "Name Non-Latin Script",
    "Non-Latin Script Type", "Non-Latin Script Language", "DOB", "Town of Birth",
    "Country of Birth", "Nationality", "Passport Number", "Passport Details",
    "National Identification Number", "National Identification Details", "Position",
    "Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6",
    "Post/Zip Code", "Country", "Other Information", "Group Type", "Alias Type",
    "Alias Quality", "Regime", "Listed On", "UK Sanctions List Date Designated", "Last Updated",
    "Group ID",
]  # fmt: skip


def uk_csv(n: int, seed: int = 21) -> bytes:
    """OFSI's ConList.csv with `n` entries (and a ship every 40, which the import skips)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Last Updated", "01/12/2026"])
    writer.writerow(UK_HEADER)
    for entry in entries(n, seed):
        listed = f"{entry.listed[2]:02d}/{entry.listed[1]:02d}/{entry.listed[0]}"
        common = {"Regime": REGIMES[entry.regime][1], "Listed On": listed,
                  "Group ID": str(200000 + entry.number),
                  "Group Type": "Individual" if entry.person else "Entity"}  # fmt: skip
        first = {**common, "Alias Type": "Primary name", **_uk_name(entry.primary, entry.person)}
        if entry.script_name:
            first["Name Non-Latin Script"] = entry.script_name
            first["Non-Latin Script Type"] = "Arabic" if entry.script == "AR" else "Cyrillic"
        if entry.born and len(entry.born) == 2:
            first["DOB"] = f"00/00/{entry.born[0]}"
        elif entry.born:
            first["DOB"] = f"{entry.born[2]:02d}/{entry.born[1]:02d}/{entry.born[0]}"
        if entry.countries:
            written = [name for _code, name in entry.countries]
            first["Nationality"] = (
                written[0] if len(written) == 1
                else " ".join(f"({i}) {name}" for i, name in enumerate(written, start=1))
            )  # fmt: skip
        writer.writerow([first.get(column, "") for column in UK_HEADER])
        for alias, weak in entry.aliases:
            row = {**common, "Alias Type": "AKA", "Alias Quality": "Low" if weak else "Good",
                   **_uk_name(alias, entry.person)}  # fmt: skip
            writer.writerow([row.get(column, "") for column in UK_HEADER])
        if entry.number % 40 == 39:
            vessel = ORG_WORDS[entry.number % len(ORG_WORDS)].upper()
            ship = {"Name 6": f"SEA {vessel} {entry.number}",
                    "Group Type": "Ship", "Alias Type": "Primary name", "Regime": "Russia",
                    "Group ID": str(900000 + entry.number)}  # fmt: skip
            writer.writerow([ship.get(column, "") for column in UK_HEADER])
    return out.getvalue().encode()


def _uk_name(name: str, person: bool) -> dict[str, str]:
    """Name 6 is the surname (an organisation's whole name), Name 1… the given names."""
    if not person:
        return {"Name 6": name.upper()}
    *given, family = name.split(" ")
    return {"Name 6": family.upper(), **{f"Name {i}": part for i, part in enumerate(given[:5], 1)}}


def uk_xml(n: int, seed: int = 21) -> bytes:
    """The UK Sanctions List's XML with `n` entries (and a ship every 40, which the import
    skips): the UK's list since OFSI's ConList.csv was retired in January 2026."""
    out = io.StringIO()
    out.write('<?xml version="1.0" encoding="utf-8"?>\n<Designations>\n'
              "<DateGenerated>01/12/2026</DateGenerated>\n")  # fmt: skip
    for entry in entries(n, seed):
        out.write(_uk_designation(entry))
        if entry.number % 40 == 39:
            vessel = ORG_WORDS[entry.number % len(ORG_WORDS)].upper()
            out.write(f"<Designation><UniqueID>SHP{entry.number}</UniqueID><Names><Name>"
                      f"<Name6>SEA {vessel} {entry.number}</Name6><NameType>Primary Name"
                      "</NameType></Name></Names><IndividualEntityShip>Ship"
                      "</IndividualEntityShip></Designation>\n")  # fmt: skip
    out.write("</Designations>\n")
    return out.getvalue().encode()


def _uk_designation(entry: Entry) -> str:
    listed = f"{entry.listed[2]:02d}/{entry.listed[1]:02d}/{entry.listed[0]}"
    names = [_uk_xml_name(entry.primary, entry.person, "Primary Name", "")]
    names += [_uk_xml_name(alias, entry.person, "Alias", "Low" if weak else "Good")
              for alias, weak in entry.aliases]  # fmt: skip
    parts = [f"<Designation><DateDesignated>{listed}</DateDesignated>"
             f"<UniqueID>{REGIMES[entry.regime][0]}{entry.number}</UniqueID>"
             f"<Names>{''.join(names)}</Names>"]  # fmt: skip
    if entry.script_name:
        parts.append("<NonLatinNames><NonLatinName><NameNonLatinScript>"
                     f"{escape(entry.script_name)}</NameNonLatinScript></NonLatinName>"
                     "</NonLatinNames>")  # fmt: skip
    kind = "Individual" if entry.person else "Entity"
    parts.append(f"<RegimeName>{escape(REGIMES[entry.regime][1])}</RegimeName>"
                 f"<IndividualEntityShip>{kind}</IndividualEntityShip>")  # fmt: skip
    if entry.person:
        born = ""
        if entry.born and len(entry.born) == 2:
            born = f"<DOBs><DOB>dd/mm/{entry.born[0]}</DOB></DOBs>"
        elif entry.born:
            born = (
                f"<DOBs><DOB>{entry.born[2]:02d}/{entry.born[1]:02d}/{entry.born[0]}</DOB></DOBs>"
            )
        countries = "".join(
            f"<Nationality>{escape(name)}</Nationality>" for _code, name in entry.countries
        )
        parts.append(f"<IndividualDetails><Individual>{born}"
                     f"<Nationalities>{countries}</Nationalities></Individual>"
                     "</IndividualDetails>")  # fmt: skip
    return "".join(parts) + "</Designation>\n"


def _uk_xml_name(name: str, person: bool, kind: str, strength: str) -> str:
    parts = "".join(f"<{k.replace(' ', '')}>{escape(v)}</{k.replace(' ', '')}>"
                    for k, v in _uk_name(name, person).items())  # fmt: skip
    quality = f"<AliasStrength>{strength} quality a.k.a</AliasStrength>" if strength else ""
    return f"<Name>{parts}<NameType>{kind}</NameType>{quality}</Name>"


# By file: "uk" is OFSI's retired ConList.csv, "uk_list" the UK Sanctions List (both source uk).
WRITERS = {"eu": (eu_xml, "eu_fsf.xml"), "un": (un_xml, "un_consolidated.xml"),
           "uk": (uk_csv, "uk_conlist.csv"),
           "uk_list": (uk_xml, "uk_sanctions_list.xml")}  # fmt: skip


def write_lists(directory: Path, n: int, seed: int = 21) -> dict[str, Path]:
    """The three files, each with `n` entries, under `directory`; their paths by source."""
    directory.mkdir(parents=True, exist_ok=True)
    written = {}
    for source, (write, name) in WRITERS.items():
        path = directory / name
        path.write_bytes(write(n, seed))
        written[source] = path
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--out", type=Path, default=Path("var/bench/sanctions"))
    arguments = parser.parse_args()
    for source, path in write_lists(arguments.out, arguments.entries, arguments.seed).items():
        print(f"{source}: {path} ({path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
