"""`manage.py backup [--output DIR]`: the database and the uploads in one archive (core.backup)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from laurel.core.backup import BackupError, make_backup
from laurel.core.services import record


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into one .tar.gz archive, online"

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=None,
            help="directory for the archive (default: $LAUREL_DATA_DIR/backups)",
        )

    def handle(self, *args, output: Path | None, **options):
        directory = output or Path(settings.DATA_DIR) / "backups"
        try:
            summary = make_backup(directory)
        except BackupError as error:
            raise CommandError(str(error)) from None
        record(
            "backup.created",
            summary=summary.path.name,
            data={"database": summary.vendor, "files": summary.files},
        )
        self.stdout.write(
            f"{summary.path} ({summary.vendor} database, {summary.files} uploaded files, "
            f"{summary.bytes} bytes of uploads)"
        )
