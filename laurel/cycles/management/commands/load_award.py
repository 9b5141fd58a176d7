from django.core.management.base import BaseCommand, CommandError

from laurel.cycles.definition import DefinitionError, read_file
from laurel.cycles.services import load_award


class Command(BaseCommand):
    help = "Create or update an award cycle from an award definition file (TOML)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the award definition, e.g. awards/child10-2022.toml")
        parser.add_argument(
            "--create-only",
            action="store_true",
            help="leave an existing cycle as it is (staff may have edited it)",
        )
        parser.add_argument(
            "--open-now",
            action="store_true",
            help="if the file's nomination window is past, open it from today for eight weeks",
        )

    def handle(self, *args, path, create_only, open_now, **options):
        try:
            definition = read_file(path)
        except DefinitionError as error:
            lines = [f"  {key}: {message}" for key, message in error.errors]
            raise CommandError(
                f"{path} was not loaded; {len(lines)} problem(s):\n" + "\n".join(lines)
            ) from None
        cycle, outcome = load_award(definition, create_only=create_only, open_now=open_now)
        closes = cycle.nominations_close_at.astimezone(cycle.zone)
        self.stdout.write(
            f"{cycle.slug}: {outcome}; phase {cycle.get_phase_display()}; "
            f"nominations close {closes:%Y-%m-%d %H:%M} {cycle.time_zone}"
        )
