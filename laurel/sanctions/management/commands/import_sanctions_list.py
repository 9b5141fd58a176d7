"""manage.py import_sanctions_list --source eu FILE: one official list file, imported as the
list's new current snapshot (laurel.sanctions.services.lists.import_list)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from laurel.sanctions.enums import Source
from laurel.sanctions.services import SanctionsError, import_list


class Command(BaseCommand):
    help = (
        "Import an official sanctions list (EU FSF XML, UN consolidated XML, the UK Sanctions "
        "List XML, or OFSI's retired ConList.csv)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", required=True, choices=Source.values)
        parser.add_argument("file", type=Path)

    def handle(self, *args, source: str, file: Path, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"{file} cannot be read: {error.strerror}.") from None
        try:
            snapshot = import_list(source=source, data=data, file_name=file.name)
        except SanctionsError as error:
            raise CommandError(error.message) from None
        self.stdout.write(
            f"Imported the {snapshot.get_source_display()} ({source}) from {file.name}: "
            f"published {snapshot.published_on:%Y-%m-%d}, {snapshot.entry_count} entries, "
            f"{snapshot.skipped_count} skipped (ships), sha256 {snapshot.sha256}. "
            "It is now the current list."
        )
