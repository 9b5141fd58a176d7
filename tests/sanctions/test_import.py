"""Importing a list: a snapshot with its entries, names and birth dates; a file that cannot be
read, or that was just imported, changes nothing; a newer one becomes current and the old stays
(laurel.sanctions.services.import_list, manage.py import_sanctions_list)."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from laurel.core.models import AuditEntry
from laurel.sanctions.models import EntryBirthDate, EntryName, ListEntry, ListSnapshot
from laurel.sanctions.services import AlreadyImported, SanctionsError, import_list
from tests.factories import UserFactory
from tests.sanctions.helpers import FILES, FIXTURES, edited, fixture

pytestmark = pytest.mark.django_db


def rows() -> dict[str, int]:
    """How many of each table there are, the audit log's too."""
    return {
        model.__name__: model.objects.count()
        for model in (ListSnapshot, ListEntry, EntryName, EntryBirthDate, AuditEntry)
    }


def test_an_eu_import_writes_the_snapshot_and_every_entry_and_makes_it_current():
    staff = UserFactory(staff=True)

    snapshot = import_list(source="eu", data=fixture("eu"), file_name="eu.xml", actor=staff)

    snapshot.refresh_from_db()
    assert (snapshot.source, snapshot.published_on) == ("eu", date(2026, 11, 30))
    assert (snapshot.entry_count, snapshot.skipped_count, snapshot.current) == (3, 0, True)
    assert snapshot.imported_by == staff and snapshot.file_name == "eu.xml"
    assert len(snapshot.sha256) == 64
    person = snapshot.entries.get(reference="90011")
    assert (person.kind, person.regime, person.listed_on) == ("person", "RUS", date(2022, 3, 15))
    assert (person.citizenships, person.citizenships_unmapped) == (["RU", "CY"], [])
    assert person.remarks.startswith("Fictional entry")
    names = list(person.names.values_list("whole_name", "keys", "primary", "weak", "script"))
    # Each name stored with what screening looks it up by: its words' skeletons, consonants and
    # consonants as Arabic script writes them, the Ukrainian and the Russian spelling meeting in
    # "verbiki", "~vrbk" and "=_rbk".
    assert names == [
        ("Oleksandr Petrovych Verbytskyi",
         "=_lksndr =_lksndrptrc =_rbk =ptrc "
         "oleksandr oleksandrpetrovic petrovic verbiki ~olksndr ~olksndrptrvc ~ptrvc ~vrbk",
         True, False, ""),
        ("Александр Петрович Вербицкий",
         "=_lksndr =_lksndrptrc =_rbk =ptrc "
         "aleksandr aleksandrpetrovic petrovic verbiki ~alksndr ~alksndrptrvc ~ptrvc ~vrbk",
         False, False, "RU"),
        ("Sasha Verba", "sasa verba ~ss ~vrb", False, True, ""),
    ]  # fmt: skip
    born = list(person.birth_dates.values_list("year", "month", "day", "year_to", "circa"))
    assert born == [(1968, 4, 9, None, False), (1969, None, None, None, True)]
    ranged = snapshot.entries.get(reference="90013").birth_dates.first()
    assert (ranged.year, ranged.year_to, str(ranged)) == (1975, 1978, "1975–1978")
    entry = AuditEntry.objects.get(key="sanctions.list_imported")
    assert entry.actor == staff and entry.subject_id == str(snapshot.pk)
    assert entry.data["entries"] == 3 and entry.data["sha256"] == snapshot.sha256


@pytest.mark.parametrize(("source", "entries", "skipped", "names"), [
    ("un", 3, 0, 10), ("uk", 3, 1, 9),
])  # fmt: skip
def test_the_un_and_uk_imports_count_their_entries_names_and_skipped_ships(
    source, entries, skipped, names
):
    snapshot = import_list(source=source, data=fixture(source), file_name=FILES[source])

    assert (snapshot.entry_count, snapshot.skipped_count) == (entries, skipped)
    assert snapshot.entries.count() == entries
    assert EntryName.objects.filter(entry__snapshot=snapshot).count() == names
    assert snapshot.imported_by is None  # the system imported it
    assert snapshot.entries.filter(kind="organisation").count() == 1


def test_a_file_that_cannot_be_read_leaves_the_current_list_and_writes_nothing():
    first = import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    before = rows()
    broken = edited("eu", 'code="enterprise"', 'code="vessel"')

    with pytest.raises(SanctionsError) as refused:
        import_list(source="eu", data=broken, file_name="eu-broken.xml")

    assert refused.value.message == (
        "eu-broken.xml is not a readable EU consolidated financial sanctions list: "
        "sanctionEntity logicalId=90012: subjectType code “vessel” is neither “person” nor "
        "“enterprise”."
    )
    assert rows() == before
    assert ListSnapshot.objects.get(source="eu", current=True) == first


def test_the_same_file_again_is_refused_as_already_imported_and_changes_nothing():
    first = import_list(source="uk", data=fixture("uk"), file_name="ConList.csv")
    before = rows()

    with pytest.raises(AlreadyImported) as refused:
        import_list(source="uk", data=fixture("uk"), file_name="ConList (1).csv")

    assert "ConList (1).csv was imported already" in refused.value.message
    assert "Nothing changed" in refused.value.message
    assert rows() == before
    assert ListSnapshot.objects.get(source="uk", current=True) == first


def test_a_newer_file_becomes_current_and_the_old_snapshot_stays_whole():
    old = import_list(source="un", data=fixture("un"), file_name="un-1.xml")
    newer = edited("un", 'dateGenerated="2026-12-01', 'dateGenerated="2026-12-05').replace(
        b"<ALIAS_NAME>Abu Hamza</ALIAS_NAME>", b"<ALIAS_NAME>Abu Hamza al-Qasimi</ALIAS_NAME>"
    )
    other = import_list(source="eu", data=fixture("eu"), file_name="eu.xml")

    new = import_list(source="un", data=newer, file_name="un-2.xml")

    old.refresh_from_db()
    other.refresh_from_db()
    assert (new.current, old.current, other.current) == (True, False, True)
    assert new.published_on == date(2026, 12, 5) and new.sha256 != old.sha256
    assert old.entries.count() == new.entries.count() == 3
    assert EntryName.objects.filter(entry__snapshot=old, whole_name="Abu Hamza").exists()
    assert EntryName.objects.filter(entry__snapshot=new, whole_name="Abu Hamza al-Qasimi").exists()
    assert AuditEntry.objects.filter(key="sanctions.list_imported").count() == 3


def test_a_file_published_before_the_current_one_is_refused():
    import_list(source="un", data=fixture("un"), file_name="un.xml")
    before = rows()
    older = edited("un", 'dateGenerated="2026-12-01', 'dateGenerated="2026-11-01')

    with pytest.raises(SanctionsError) as refused:
        import_list(source="un", data=older, file_name="un-old.xml")

    assert refused.value.message.startswith(
        "un-old.xml was published on 2026-11-01, before the current UN Security Council "
        "consolidated list (2026-12-01)"
    )
    assert rows() == before


def test_an_unknown_source_is_refused():
    with pytest.raises(SanctionsError, match="“ofac” is not a list Laurel imports"):
        import_list(source="ofac", data=fixture("eu"), file_name="eu.xml")
    assert ListSnapshot.objects.count() == 0


def test_many_entries_are_written_in_batches(settings):
    """More entries than one batch: every one is written with its own names."""
    from bench.sanctions_lists import eu_xml

    snapshot = import_list(source="eu", data=eu_xml(2_345), file_name="eu-big.xml")

    assert snapshot.entries.count() == snapshot.entry_count == 2_345
    without_name = snapshot.entries.filter(names__isnull=True).count()
    assert without_name == 0
    assert EntryName.objects.filter(entry__snapshot=snapshot, primary=True).count() == 2_345


def test_the_command_prints_what_it_imported():
    out = StringIO()

    path = str(FIXTURES / FILES["uk_list"])
    call_command("import_sanctions_list", "--source", "uk", path, stdout=out)

    snapshot = ListSnapshot.objects.get(source="uk", current=True)
    assert out.getvalue() == (
        "Imported the UK Sanctions List (uk) from uk_sanctions_list.xml: published "
        f"2026-12-01, 3 entries, 1 skipped (ships), sha256 {snapshot.sha256}. "
        "It is now the current list.\n"
    )


def run(*argv: str) -> tuple[int, str]:
    """The command's refusal: the exit code manage.py ends with (a CommandError's returncode,
    through BaseCommand.run_from_argv) and the reason it prints."""
    with pytest.raises(CommandError) as refused:
        call_command("import_sanctions_list", *argv, stdout=StringIO())
    return refused.value.returncode, str(refused.value)


def test_the_command_exits_non_zero_with_the_reason(tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_bytes(edited("uk", "Last Updated,01/12/2026", "Last Updated,never"))

    code, said = run("--source", "uk", str(broken))

    assert code == 1
    assert said.startswith(
        "broken.csv is not a readable UK Sanctions List: line 1 (Last Updated): "
    )
    assert ListSnapshot.objects.count() == 0


def test_the_command_refuses_the_same_file_twice_and_a_missing_file(tmp_path):
    path = str(FIXTURES / FILES["eu"])
    call_command("import_sanctions_list", "--source", "eu", path, stdout=StringIO())

    code, said = run("--source", "eu", path)
    assert code == 1 and said.startswith("eu_fsf.xml was imported already")

    code, said = run("--source", "eu", str(tmp_path / "none.xml"))
    assert code == 1 and said.endswith("none.xml cannot be read: No such file or directory.")
    assert ListSnapshot.objects.count() == 1
