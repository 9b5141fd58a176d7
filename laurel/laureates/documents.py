"""Documents the programme makes as PDFs (WeasyPrint): the visa invitation letter, and a
prize payment's sanctions screening record for the funder's auditors."""

from datetime import date

from django.conf import settings
from django.utils import timezone, translation
from django_countries import countries

from laurel.core.pdf import render_pdf
from laurel.core.texts import in_language

# The languages a letter can be made in (a Swedish consulate reads both).
LETTER_LANGUAGES = list(settings.WORKING_LANGUAGES)


def stored_date(value: str) -> date | None:
    """A date stored as ISO text (the encrypted visa fields), as a date to format."""
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def nationality_country(code: str) -> str:
    """The country's name in the active language, for "a national of …"; "" when what is
    stored is not a country code (a text typed before the country was asked)."""
    return countries.name(code) if code and code in countries else ""


def visa_letter(visa, summit, *, language: str = "en") -> bytes:
    """The letter in `language` (English, the language consulates read, unless asked); the
    data comes decrypted from `visa`. Every date in one spelled-out format."""
    delegate = visa.delegate
    cycle = delegate.laureate.cycle
    if language not in LETTER_LANGUAGES:
        language = "en"
    with translation.override(language):
        return render_pdf(
            "laureates/visa_letter.html",
            {
                "visa": visa,
                "delegate": delegate,
                "organisation": delegate.laureate.candidate,
                "summit": summit,
                "cycle": cycle,
                "language": language,
                "title": in_language(summit.title, language),
                "accommodation": in_language(summit.accommodation, language),
                "costs": in_language(summit.costs, language),
                "nationality": nationality_country(visa.nationality),
                "date_of_birth": stored_date(visa.date_of_birth),
                "passport_expires_on": stored_date(visa.passport_expires_on),
                "ceremony_on": timezone.localtime(summit.ceremony_at, cycle.zone).date(),
                "today": timezone.localdate(timezone=cycle.zone),
            },
        )


def screening_record_pdf(payment, records, history, *, reader) -> bytes:
    """Whom the payment pays, each screened against which lists, when, by whom, and what was
    decided about every hit, and the payment's history with every screening in it: the
    evidence for the funder's auditors (issue 21)."""
    return render_pdf(
        "laureates/screening_record.html",
        {
            "payment": payment,
            "records": records,
            "history": history,
            "reader": reader,
            "printed_at": timezone.localtime(),
        },
    )
