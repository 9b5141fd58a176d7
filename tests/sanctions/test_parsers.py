"""Each official format is read whole from its fixture, and each malformed file is refused
with a reason that says where and what (laurel.sanctions.parsers)."""

from datetime import date

import pytest

from laurel.sanctions.enums import SubjectKind
from laurel.sanctions.parsers import ListFormatError, ParsedBirthDate, ParsedName, parse
from tests.sanctions.helpers import edited, fixture


def by_reference(source: str, data: bytes | None = None):
    parsed = parse(source, fixture(source) if data is None else data)
    return parsed, {entry.reference: entry for entry in parsed.entries}


def test_the_eu_file_is_read_with_every_field():
    parsed, entries = by_reference("eu")

    assert parsed.published_on == date(2026, 11, 30)
    assert parsed.skipped == 0
    assert list(entries) == ["90011", "90012", "90013"]
    person = entries["90011"]
    assert (person.kind, person.regime, person.listed_on) == ("person", "RUS", date(2022, 3, 15))
    assert person.remarks == "Fictional entry for Laurel's tests. Former head of a shell company."
    assert person.names == [
        ParsedName("Oleksandr Petrovych Verbytskyi", primary=True),
        ParsedName("Александр Петрович Вербицкий", script="RU"),
        ParsedName("Sasha Verba", weak=True),
    ]
    assert person.birth_dates == [
        ParsedBirthDate(1968, 4, 9),
        ParsedBirthDate(1969, circa=True),
    ]
    assert (person.citizenships, person.citizenships_unmapped) == (["RU", "CY"], [])
    company = entries["90012"]
    assert (company.kind, company.regime, company.listed_on) == (
        "organisation", "CYB", date(2019, 5, 17),
    )  # fmt: skip
    assert company.names == [
        ParsedName("Nordlicht Handels GmbH", primary=True, script="DE"),
        ParsedName("Northern Light Trading", script="EN"),
    ]
    assert (company.citizenships, company.citizenships_unmapped) == ([], ["Freedonia"])
    # No wholeName: the name is made of its parts; a year range and a year and month.
    third = entries["90013"]
    assert third.listed_on == date(2011, 10, 6)  # its designationDate, before the regulation
    assert third.names == [
        ParsedName("Yusuf Al-Hamdani", primary=True),
        ParsedName("يوسف الهمداني", script="AR"),
    ]
    assert third.birth_dates == [
        ParsedBirthDate(1975, year_to=1978),
        ParsedBirthDate(1976, 7),
    ]


def test_the_un_file_is_read_with_every_field():
    parsed, entries = by_reference("un")

    assert parsed.published_on == date(2026, 12, 1)
    assert parsed.skipped == 0
    assert list(entries) == ["QDi.990", "KPi.990", "QDe.990"]
    person = entries["QDi.990"]
    assert (person.kind, person.regime) == ("person", "Al-Qaida")
    assert person.listed_on == date(2011, 10, 6)
    assert person.remarks == "Fictional entry for Laurel's tests."
    assert person.names == [
        ParsedName("ABDUL RAHIM MOHAMMED QASIMI", primary=True),
        ParsedName("عبد الرحيم محمد القاسمي", script="original script"),
        ParsedName("Abdurrahim Qasimi"),
        ParsedName("Abu Hamza", weak=True),
    ]
    assert person.birth_dates == [
        ParsedBirthDate(1962, circa=True),
        ParsedBirthDate(1960, year_to=1963),
    ]
    assert person.citizenships == ["AF", "PK"]
    korean = entries["KPi.990"]
    assert korean.names[:2] == [
        ParsedName("KIM SONG NAM", primary=True),
        ParsedName("김송남", script="original script"),
    ]
    # The full date; the second DATE_OF_BIRTH holds only a note, which is no date.
    assert korean.birth_dates == [ParsedBirthDate(1966, 1, 12)]
    assert (korean.citizenships, korean.remarks) == (["KP"], "")
    entity = entries["QDe.990"]
    assert (entity.kind, entity.listed_on) == ("organisation", date(2002, 10, 22))
    assert [name.whole_name for name in entity.names] == [
        "SUNRISE RELIEF FOUNDATION",
        "Mu'assasat al-Shuruq al-Khayriyya",
        "Sunrise Charitable Trust",
    ]
    assert (entity.birth_dates, entity.citizenships) == ([], [])


def test_the_uk_file_is_read_with_every_field_and_its_ship_skipped():
    parsed, entries = by_reference("uk")

    assert parsed.published_on == date(2026, 12, 1)
    assert parsed.skipped == 1  # SEA FALCON, two rows of one Group ID
    assert list(entries) == ["91001", "91002", "91004"]
    person = entries["91001"]
    assert (person.kind, person.regime, person.listed_on) == ("person", "Russia", date(2022, 3, 15))
    assert person.remarks.startswith("(UK Sanctions List Ref):RUS9901. Fictional entry")
    assert person.names == [
        ParsedName("Oleksandr Petrovych VERBYTSKYI", primary=True),
        ParsedName("Олександр Петрович Вербицький", script="Ukrainian"),
        ParsedName("Aleksandr VERBITSKY"),
        ParsedName("Sasha VERBA", weak=True),
    ]
    # dd/mm/yyyy, and 00/00/yyyy for a year only; "(1) Russia (2) Ukraine" is two countries.
    assert person.birth_dates == [ParsedBirthDate(1968, 4, 9), ParsedBirthDate(1969)]
    assert (person.citizenships, person.citizenships_unmapped) == (["RU", "UA"], [])
    company = entries["91002"]
    assert company.kind == "organisation"
    assert [(n.whole_name, n.primary) for n in company.names] == [
        ("NORDLICHT HANDELS GMBH", True),
        ("NORTHERN LIGHT TRADING", False),
        ("NORDLICHT IMPORT-EXPORT", False),
    ]
    third = entries["91004"]
    assert third.birth_dates == [ParsedBirthDate(1976, 7)]
    assert (third.citizenships, third.citizenships_unmapped) == ([], ["Freedonia"])
    assert third.names[1] == ParsedName("يوسف الهمداني", script="Arabic")
    assert third.remarks == 'UN Ref QDi.990b. Fictional, "quoted", with commas, and a line break.'


def test_the_uk_sanctions_list_xml_is_read_with_every_field_and_its_ship_skipped():
    """The UK's one official list since OFSI's ConList.csv was retired (28 January 2026)."""
    parsed = parse("uk", fixture("uk_list"))
    entries = {entry.reference: entry for entry in parsed.entries}

    assert parsed.published_on == date(2026, 12, 1)
    assert parsed.skipped == 1  # SEA FALCON
    assert list(entries) == ["RUS9901", "CYB9902", "AQD9904"]
    person = entries["RUS9901"]
    assert (person.kind, person.listed_on) == ("person", date(2022, 3, 15))
    assert person.regime == "The Russia (Sanctions) (EU Exit) Regulations 2019"
    assert person.remarks == (
        "Fictional entry for Laurel's tests & nothing else: director of a shell company."
    )
    # The primary name's variation in other capitals, the "ALias" written so, the low alias weak.
    assert person.names == [
        ParsedName("Oleksandr Petrovych VERBYTSKYI", primary=True),
        ParsedName("Oleksandr Petrovych Verbytskyi"),
        ParsedName("Aleksandr VERBITSKY"),
        ParsedName("Sasha VERBA", weak=True),
        ParsedName("Олександр Петрович Вербицький", script="Ukrainian"),
    ]
    # dd/mm/yyyy, and "dd/mm/1969" for a year only.
    assert person.birth_dates == [ParsedBirthDate(1968, 4, 9), ParsedBirthDate(1969)]
    assert (person.citizenships, person.citizenships_unmapped) == (["RU", "UA"], [])
    company = entries["CYB9902"]
    assert company.kind == "organisation"
    assert [(n.whole_name, n.primary) for n in company.names] == [
        ("NORDLICHT HANDELS GMBH", True),
        ("NORTHERN LIGHT TRADING", False),
    ]
    third = entries["AQD9904"]
    # "Primary name" in lower case is the primary name too; "dd/07/1976" a month and year.
    assert third.names[0] == ParsedName("Yusuf AL-HAMDANI", primary=True)
    assert third.names[1] == ParsedName("يوسف الهمداني", script="non-Latin")
    assert third.birth_dates == [ParsedBirthDate(1976, 7)]
    assert (third.citizenships, third.citizenships_unmapped) == ([], ["Freedonia"])
    assert third.remarks == 'Fictional, "quoted", with a line break.'


def test_a_byte_order_mark_before_the_uk_xml_is_read_as_xml():
    parsed = parse("uk", b"\xef\xbb\xbf" + fixture("uk_list"))

    assert [entry.reference for entry in parsed.entries] == ["RUS9901", "CYB9902", "AQD9904"]


@pytest.mark.parametrize("source", ["eu", "un", "uk"])
def test_every_kind_a_parser_gives_is_a_kind_of_the_model(source):
    kinds = {entry.kind for entry in parse(source, fixture(source)).entries}

    assert kinds == set(SubjectKind.values)


def test_a_group_without_a_primary_name_row_has_its_first_name_as_primary():
    data = edited("uk", "Ship,Primary name,", "Entity,AKA,").replace(b",Ship,FKA,", b",Entity,FKA,")

    parsed, entries = by_reference("uk", data)

    assert parsed.skipped == 0
    assert [(n.whole_name, n.primary) for n in entries["91003"].names] == [
        ("SEA FALCON", True),
        ("SEA FALCON II", False),
    ]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE export [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-11-30">&lol2;</export>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<CONSOLIDATED_LIST dateGenerated="2026-12-01"><INDIVIDUALS><INDIVIDUAL>
<FIRST_NAME>&secret;</FIRST_NAME><REFERENCE_NUMBER>X</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS>
</CONSOLIDATED_LIST>"""
REFUSED = [
    ("eu", fixture("un"), "the file's root element is <CONSOLIDATED_LIST>, not <export>"),
    ("eu", BILLION_LAUGHS, "declares a DTD or XML entities"),
    ("un", EXTERNAL, "declares a DTD or XML entities"),
    ("eu", edited("eu", "</sanctionEntity>\n  <sanctionEntity", "<sanctionEntity"),
     "the XML is malformed at line"),
    ("eu", edited("eu", ' generationDate="2026-11-30T17:02:11.531+01:00"', ""),
     "the root element <export> has no generationDate"),
    ("eu", edited("eu", 'generationDate="2026-11-30', 'generationDate="30/11/2026'),
     "<export generationDate>: “30/11/2026T17:02:11.531+01:00” is not a date"),
    ("eu", edited("eu", ' logicalId="90012"', ""),
     "a sanctionEntity (EU.9002.12) has no logicalId"),
    ("eu", edited("eu", 'logicalId="90012"', 'logicalId="90011"'),
     "two sanctionEntity elements have the reference 90011"),
    ("eu", edited("eu", 'code="enterprise"', 'code="vessel"'),
     "sanctionEntity logicalId=90012: subjectType code “vessel” is neither"),
    ("eu", edited("eu", 'firstName="Yusuf" middleName="" lastName="Al-Hamdani"', ""),
     "sanctionEntity logicalId=90013: a nameAlias has neither wholeName nor a first or last name"),
    ("eu", edited("eu", 'birthdate="1968-04-09"', 'birthdate="1968-02-30"'),
     "sanctionEntity logicalId=90011 birthdate: “1968-02-30” is not a date"),
    ("eu", edited("eu", 'monthOfYear="7" year="1976"', 'monthOfYear="13" year="1976"'),
     "sanctionEntity logicalId=90013 birthdate: 1976-13-00 is not a date"),
    ("eu", edited("eu", 'year="1969"', 'year="19x9"'),
     "sanctionEntity logicalId=90011 birthdate: the birth date “19x9” is not made of numbers"),
    ("eu", edited("eu", 'publicationDate="2019-05-17"', 'publicationDate="17.05.2019"'),
     "sanctionEntity logicalId=90012 regulation: “17.05.2019” is not a date"),
    ("eu", b"", "the XML is malformed at line 1"),
    ("un", fixture("eu"), "the file's root element is <export>, not <CONSOLIDATED_LIST>"),
    ("un", edited("un", ' dateGenerated="2026-12-01T00:00:09.554Z"', ""),
     "the root element <CONSOLIDATED_LIST> has no dateGenerated"),
    ("un", edited("un", "<REFERENCE_NUMBER>KPi.990</REFERENCE_NUMBER>", ""),
     "INDIVIDUAL (DATAID 9900002) has no REFERENCE_NUMBER"),
    ("un", edited("un", "<REFERENCE_NUMBER>QDe.990", "<REFERENCE_NUMBER>QDi.990"),
     "two ENTITY elements have the reference QDi.990"),
    ("un", edited("un", "<LISTED_ON>2017-06-02", "<LISTED_ON>2 June 2017"),
     "INDIVIDUAL KPi.990 LISTED_ON: “2 June 2017” is not a date"),
    ("un", edited("un", "<YEAR>1962</YEAR>", "<YEAR>62 or 63</YEAR>"),
     "INDIVIDUAL QDi.990 INDIVIDUAL_DATE_OF_BIRTH: the birth date “62 or 63” is not made of"),
    ("un", edited("un", "<TO_YEAR>1963</TO_YEAR>", "<TO_YEAR>1950</TO_YEAR>"),
     "INDIVIDUAL QDi.990 INDIVIDUAL_DATE_OF_BIRTH: the birth year “1960” is not a year"),
    ("un", edited("un", "<FIRST_NAME>SUNRISE RELIEF FOUNDATION</FIRST_NAME>", ""),
     "ENTITY QDe.990 has no name (FIRST_NAME is empty)"),
    ("un", b'<CONSOLIDATED_LIST dateGenerated="2026-12-01"><INDIVIDUALS/></CONSOLIDATED_LIST>',
     "the file has no ENTITY and no INDIVIDUAL: it lists nobody"),
    ("uk", fixture("eu"), "the file's root element is <export>, not <Designations>"),
    ("uk", b"Name 6,Name 1\r\n", "line 1 should read “Last Updated,dd/mm/yyyy”"),
    ("uk", edited("uk", "Last Updated,01/12/2026", "Last Updated,2026-12-01"),
     "line 1 (Last Updated): “2026-12-01” is not a date (dd/mm/yyyy)"),
    ("uk", edited("uk", "Group Type,Alias Type", "Type,Alias Type"),
     "line 2 is not ConList.csv's header: it lacks Group Type"),
    ("uk", edited("uk", "Individual,Primary name,,Russia,15/03/2022,15/03/2022,01/12/2026,91001",
                  "Person,Primary name,,Russia,15/03/2022,15/03/2022,01/12/2026,91001"),
     "line 3 (Group ID 91001): Group Type “Person” is not Individual, Entity or Ship"),
    ("uk", edited("uk", ",FKA,,Cyber,31/12/2020,,,91002", ",FKA,,Cyber,31/12/2020,,,"),
     "line 8 has no Group ID"),
    ("uk", edited("uk", "09/04/1968", "9 April 1968"),
     "line 3 (Group ID 91001) DOB: “9 April 1968” is not a date (dd/mm/yyyy)"),
    ("uk", edited("uk", "00/00/1969", "31/02/1969"),
     "line 4 (Group ID 91001) DOB: 1969-02-31 is not a date"),
    ("uk", edited("uk", "Cyber,31/12/2020", "Cyber,2020"),
     "line 6 (Listed On): “2020” is not a date (dd/mm/yyyy)"),
    ("uk", edited("uk", ",Entity,AKA,,Cyber", ",Individual,AKA,,Cyber"),
     "line 7: Group ID 91002 is an Individual here but was not before"),
    ("uk", b"Last Updated,01/12/2026\r\nName 6,Name 1\r\n", "it lacks Name 2"),
    ("uk", fixture("uk").split(b"VERBYTSKYI")[0].rsplit(b"\r\n", 1)[0] + b"\r\n",
     "the file has no rows after its header"),
    ("uk", "Last Updated,01/12/2026\r\nÅ".encode("latin-1"),
     "the file is not UTF-8 text (byte 26 cannot"),
    ("uk", edited("uk", "Hafenstrasse 1", "x" * 140_000), "line 6 is not CSV: field larger than"),
    ("uk", edited("uk_list", "<DateGenerated>01/12/2026</DateGenerated>", ""),
     "<Designations> has no DateGenerated"),
    ("uk", edited("uk_list", "<DateGenerated>01/12/2026", "<DateGenerated>2026-12-01"),
     "<DateGenerated>: “2026-12-01” is not a date (dd/mm/yyyy)"),
    ("uk", edited("uk_list", "<UniqueID>CYB9902</UniqueID>", ""), "a Designation has no UniqueID"),
    ("uk", edited("uk_list", "<UniqueID>CYB9902", "<UniqueID>RUS9901"),
     "two Designation elements have the UniqueID RUS9901"),
    ("uk", edited("uk_list", "<IndividualEntityShip>Entity", "<IndividualEntityShip>Firm"),
     "Designation CYB9902: IndividualEntityShip “Firm” is not Individual, Entity or Ship"),
    ("uk", edited("uk_list", "<DOB>09/04/1968", "<DOB>9 April 1968"),
     "Designation RUS9901 DOB: “9 April 1968” is not a date (dd/mm/yyyy)"),
    ("uk", edited("uk_list", "<DOB>dd/mm/1969", "<DOB>31/02/1969"),
     "Designation RUS9901 DOB: 1969-02-31 is not a date"),
    ("uk", edited("uk_list", "<DateDesignated>31/12/2020", "<DateDesignated>2020"),
     "Designation CYB9902 DateDesignated: “2020” is not a date (dd/mm/yyyy)"),
    ("uk", edited("uk_list", "<Name><Name1>Yusuf</Name1><Name6>AL-HAMDANI</Name6>", "<Name>"),
     "Designation AQD9904 has no name"),
    ("uk", b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "y">]><Designations/>',
     "the file declares a DTD or XML entities"),
    ("uk", b"<Designations><DateGenerated>01/12/2026</DateGenerated></Designations>",
     "the file has no Designation: it lists nobody"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "data", "reason"), REFUSED, ids=lambda v: str(v)[:40])
def test_a_malformed_file_is_refused_with_its_reason(source, data, reason):
    with pytest.raises(ListFormatError) as refused:
        parse(source, data)

    assert reason in str(refused.value)
