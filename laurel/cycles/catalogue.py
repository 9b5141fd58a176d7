"""Which of Laurel's texts the public reads, and whether a language's catalogue gives them all.

Laurel speaks two kinds of language (settings):
- WORKING_LANGUAGES have a catalogue for every page (staff, committee, laureates' space):
  locale/<code> is kept complete by `make messages` and tests/test_translations.py.
- PUBLIC_LANGUAGES are offered on the public pages and in the emails to nominators,
  organisations and laureates' contacts only. Their catalogues hold the texts of the public
  sources below and nothing else, so that a translator works on what the public reads.

An award offers a language only where Laurel's catalogue for it is complete (cycles.definition
refuses the others), and tests/test_public_languages.py renders every public page and email in
every public language and fails on any text the catalogue does not give.

`public_template()` extracts the texts of the public sources as `makemessages` does (xgettext,
Django's own template conversion); `make messages` merges them into each public catalogue
(cycles/management/commands/public_messages.py).
"""

import subprocess
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# The public pages' templates and code, and the emails whose readers are the public.
PUBLIC_SOURCES = (
    "config/settings.py",  # language names, country names our catalogue gives
    "templates/base.html",
    "templates/400.html",
    "templates/404.html",
    "templates/413.html",
    "templates/500.html",
    "templates/forms/*.html",
    "templates/includes/error_summary.html",
    "templates/includes/form.html",
    "laurel/core/confirm.py",
    "laurel/core/forms.py",
    "laurel/core/limits.py",
    "laurel/core/views.py",
    "laurel/core/templates/core/confirm.html",
    "laurel/cycles/phases.py",
    "laurel/nominations/enums.py",
    "laurel/nominations/form_fields.py",
    "laurel/nominations/forms.py",
    "laurel/nominations/question_fields.py",
    "laurel/nominations/public_views.py",
    "laurel/nominations/submission_views.py",
    "laurel/nominations/views.py",
    "laurel/nominations/uploads.py",
    "laurel/nominations/active_content.py",
    "laurel/nominations/services/*.py",
    "laurel/nominations/templates/nominations/call.html",
    "laurel/nominations/templates/nominations/closed.html",
    "laurel/nominations/templates/nominations/confirm.html",
    "laurel/nominations/templates/nominations/confirmed.html",
    "laurel/nominations/templates/nominations/form.html",
    "laurel/nominations/templates/nominations/manage.html",
    "laurel/nominations/templates/nominations/no_call.html",
    "laurel/nominations/templates/nominations/privacy.html",
    "laurel/nominations/templates/nominations/review.html",
    "laurel/nominations/templates/nominations/slow_down.html",
    "laurel/nominations/templates/nominations/submitted.html",
    "laurel/nominations/templates/nominations/too_large.html",
    "laurel/nominations/templates/nominations/includes/*.html",
    "laurel/nominations/safeguarding.py",  # what the check before sending finds, and asks
    "laurel/nominations/findings.py",
    "laurel/cycles/enums.py",  # phase names, in a refusal's words
    "laurel/candidates/views.py",
    "laurel/candidates/forms/*.py",  # the organisation's consent form (claim), staff's others
    "laurel/candidates/enums.py",  # the kinds of its documents, its answer's states
    "laurel/selection/forms.py",  # what a laureate lets be published (MediaConsentForm)
    "laurel/candidates/services/consent.py",
    "laurel/candidates/templates/candidates/claim*.html",
    "laurel/privacy/policy.py",
    "laurel/privacy/templatetags/privacy_notice.py",
    "laurel/selection/public_views.py",
    "laurel/selection/templates/selection/laureates.html",
    "laurel/selection/templates/selection/answer*.html",
    "laurel/selection/templates/selection/letter_texts/*.txt",
    "templates/notifications/email/base.*",
    "templates/notifications/email/includes/*",
)


def public_email_templates() -> list[str]:
    """The templates of every email whose readers are the public (notifications.catalogue)."""
    from laurel.notifications.catalogue import CATALOGUE

    return [
        f"templates/notifications/email/{kind.key}.{part}"
        for kind in CATALOGUE.values()
        if kind.public
        for part in ("subject.txt", "txt", "html")
    ]


def public_source_files() -> list[Path]:
    files: set[Path] = set()
    for pattern in (*PUBLIC_SOURCES, *public_email_templates()):
        found = sorted(ROOT.glob(pattern))
        if not found:
            raise FileNotFoundError(f"No file matches the public source {pattern!r}.")
        files.update(found)
    return sorted(files)


# As makemessages calls xgettext (django.core.management.commands.makemessages).
XGETTEXT = [
    "xgettext",
    "--language=Python",
    "--from-code=UTF-8",
    "--keyword=gettext_noop",
    "--keyword=gettext_lazy",
    "--keyword=ngettext_lazy:1,2",
    "--keyword=pgettext:1c,2",
    "--keyword=npgettext:1c,2,3",
    "--keyword=pgettext_lazy:1c,2",
    "--keyword=npgettext_lazy:1c,2,3",
    "--add-comments=Translators",
    "--no-location",
    "--sort-output",
]


def public_template(directory: Path) -> Path:
    """Write the texts of every public source to one .pot in `directory`; return its path."""
    from django.utils.translation.template import templatize

    sources = []
    for number, path in enumerate(public_source_files()):
        if path.suffix == ".py":
            sources.append(str(path))
            continue
        converted = directory / f"{number}.py"
        converted.write_text(templatize(path.read_text(encoding="utf-8"), origin=str(path)))
        sources.append(str(converted))
    output = directory / "public.pot"
    subprocess.run([*XGETTEXT, f"--output={output}", *sources], check=True)
    # xgettext leaves the header's charset to be filled in; the sources are UTF-8.
    text = output.read_text(encoding="utf-8")
    output.write_text(text.replace("charset=CHARSET", "charset=UTF-8"), encoding="utf-8")
    return output
