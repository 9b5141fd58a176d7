"""Documents the programme makes as PDFs (WeasyPrint): the visa invitation letter."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

STYLESHEET = settings.BASE_DIR / "static" / "css" / "report.css"


def visa_letter(visa, summit) -> bytes:
    """In English, the language consulates read; the data comes decrypted from `visa`."""
    from weasyprint import CSS, HTML  # a heavy import, needed only here

    delegate = visa.delegate
    with translation.override("en"):
        html = render_to_string(
            "laureates/visa_letter.html",
            {
                "visa": visa,
                "delegate": delegate,
                "organisation": delegate.laureate.candidate,
                "summit": summit,
                "today": timezone.localdate(),
            },
        )
    return HTML(string=html).write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))])
