"""Texts kept in several languages as {"sv": "...", "en": "..."}."""

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils import translation
from django.utils.formats import number_format
from django.utils.html import conditional_escape, format_html


def language_codes() -> list[str]:
    """The working languages (settings.WORKING_LANGUAGES): every text staff write is in each."""
    return list(settings.WORKING_LANGUAGES)


def working_choices() -> list[tuple[str, str]]:
    """(code, name) of each working language, for a form's choices."""
    return [(code, name) for code, name in settings.LANGUAGES if code in settings.WORKING_LANGUAGES]


def native_names(codes) -> list[tuple[str, str]]:
    """(code, the language's name in itself), as a choice list: Django's own table of names."""
    return [(code, _capitalised(LANG_INFO[code]["name_local"])) for code in codes]


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


def in_language(value: dict | None, language: str | None) -> str:
    """The text of a {"sv": …, "en": …} value in `language`, or else in the first language that
    has it (settings.LANGUAGES: the working languages first)."""
    if not value:
        return ""
    if isinstance(value, str):
        return value
    code = shown_language(value, language)
    return value[code] if code else ""


def shown_language(value: dict | str | None, language: str | None) -> str:
    """The language in_language shows `value` in ("" for a text with none)."""
    if not value or isinstance(value, str):
        return ""
    code = (language or settings.LANGUAGE_CODE).split("-")[0]
    if value.get(code):
        return code
    for other in language_codes():
        if value.get(other):
            return other
    return ""


def fallen_back_to(value: dict | str | None, language: str | None) -> str:
    """The language `value` is shown in where that is not `language` (its translation is
    missing), else ""."""
    page = (language or "").split("-")[0]
    shown = shown_language(value, page)
    return shown if shown and shown != page else ""


def marked(value: dict | str | None, language: str | None) -> str:
    """The text in `language`, escaped; where it falls back to another language, wrapped in a
    span that says which (WCAG 3.1.2). For a text inside a sentence or a form's label."""
    text = in_language(value, language)
    shown = fallen_back_to(value, language)
    return (
        format_html('<span lang="{}">{}</span>', shown, text) if shown else conditional_escape(text)
    )


SWEDISH_UNITS = {"SEK": "kr"}


def money(amount, currency: str = "", language: str | None = None) -> str:
    """An amount as a language writes money, the one format of every amount Laurel shows
    (pages, letters, emails): "100,000 SEK" in English, "100 000 kr" in Swedish; öre or cents
    only when there are some ("1 234,50 kr"). A no-break space keeps number and unit together.
    Without `language`, the active one."""
    if amount is None or amount == "":
        return ""
    try:
        amount = Decimal(amount)
    except (InvalidOperation, TypeError, ValueError):
        return str(amount)
    places = 0 if amount == amount.to_integral_value() else 2
    code = (language or translation.get_language() or "en").split("-")[0]
    with translation.override(code):
        number = number_format(amount, decimal_pos=places, force_grouping=True)
    unit = SWEDISH_UNITS.get(currency, currency) if code == "sv" else currency
    return f"{number}\u00a0{unit}" if unit else number


def one_full_stop(sentence: str) -> str:
    """A sentence ending in a name that ends in a full stop ("… merged into Verein e.V.") keeps
    one full stop, not two."""
    return sentence[:-1] if sentence.endswith("..") else sentence
