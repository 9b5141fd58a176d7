"""Bring each public-only language's catalogue up to date with the public sources.

`make messages` runs this after makemessages: locale/<code>/LC_MESSAGES/django.po of every
language in PUBLIC_LANGUAGES but not in WORKING_LANGUAGES gains the new public texts (empty, for
a translator), loses those no public source uses any more, and is compiled.
"""

import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from laurel.cycles.catalogue import ROOT, public_template


class Command(BaseCommand):
    help = "Update the public-only languages' catalogues from the public sources."

    def handle(self, *args, **options):
        languages = [
            code for code in settings.PUBLIC_LANGUAGES if code not in settings.WORKING_LANGUAGES
        ]
        with tempfile.TemporaryDirectory() as directory:
            template = public_template(Path(directory))
            for code in languages:
                catalogue = ROOT / "locale" / code / "LC_MESSAGES" / "django.po"
                catalogue.parent.mkdir(parents=True, exist_ok=True)
                if catalogue.exists():
                    subprocess.run(
                        [
                            "msgmerge",
                            "--quiet",
                            "--update",
                            "--backup=none",
                            "--no-location",
                            str(catalogue),
                            str(template),
                        ],
                        check=True,
                    )
                    subprocess.run(
                        [
                            "msgattrib",
                            "--no-obsolete",
                            f"--output-file={catalogue}",
                            str(catalogue),
                        ],
                        check=True,
                    )
                else:
                    subprocess.run(
                        [
                            "msginit",
                            "--no-translator",
                            f"--locale={code}",
                            f"--input={template}",
                            f"--output-file={catalogue}",
                        ],
                        check=True,
                        capture_output=True,
                    )
                subprocess.run(
                    [
                        "msgfmt",
                        "--check-format",
                        "-o",
                        str(catalogue.with_suffix(".mo")),
                        str(catalogue),
                    ],
                    check=True,
                )
                self.stdout.write(f"{code}: {catalogue.relative_to(ROOT)}")
