"""Documents the programme makes as PDFs (WeasyPrint): the visa invitation letter."""

from django.utils import timezone, translation

from laurel.core.pdf import render_pdf


def visa_letter(visa, summit) -> bytes:
    """In English, the language consulates read; the data comes decrypted from `visa`."""
    delegate = visa.delegate
    with translation.override("en"):
        return render_pdf(
            "laureates/visa_letter.html",
            {
                "visa": visa,
                "delegate": delegate,
                "organisation": delegate.laureate.candidate,
                "summit": summit,
                "today": timezone.localdate(),
            },
        )
