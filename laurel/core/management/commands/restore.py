"""`manage.py restore ARCHIVE --yes`: replace the database and the uploads with a backup's."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from laurel.core.backup import BackupError, read_manifest, restore_backup
from laurel.core.services import record


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup`: the database and the uploaded files are "
        "replaced. Stop the web and task processes first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="confirm: the present data is replaced"
        )

    def handle(self, *args, archive: Path, yes: bool, **options):
        if not archive.is_file():
            raise CommandError(f"{archive} does not exist")
        try:
            manifest = read_manifest(archive)
            if not yes:
                raise CommandError(
                    f"{archive.name} was made {manifest['created_at']} "
                    f"({manifest['database']}, {len(manifest['files'])} files). "
                    "Restoring replaces the present database and uploads: add --yes."
                )
            summary = restore_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from None
        record(
            "backup.restored",
            summary=archive.name,
            data={"database": summary.vendor, "files": summary.files},
        )
        self.stdout.write(f"Restored {archive.name}: {summary.files} uploaded files.")
