"""Template helpers every page uses; loaded as a builtin."""

from urllib.parse import urlsplit

from django import template
from django.urls import translate_url
from django.utils import dateformat, formats, translation
from django.utils.html import format_html

from laurel.core import texts
from laurel.core.texts import in_language

register = template.Library()


@register.filter
def tr(value: dict | None) -> str:
    """The text of a {"sv": ..., "en": ...} field in the page's language (or the other one)."""
    return in_language(value, translation.get_language())


# The country of each language's Open Graph locale (og:locale is language_TERRITORY).
OG_TERRITORIES = {
    "sv": "SE",
    "en": "GB",
    "de": "DE",
    "fr": "FR",
    "es": "ES",
    "it": "IT",
    "pl": "PL",
    "ro": "RO",
    "uk": "UA",
}


@register.filter
def og_locale(language: str) -> str:
    code = (language or "en").split("-")[0]
    return f"{code}_{OG_TERRITORIES.get(code, code.upper())}"


@register.filter
def tr_inline(value: dict | None) -> str:
    """|tr for a text inside a sentence: where it is shown in another language than the page's
    (its translation is missing), wrapped in a span that says which (WCAG 3.1.2)."""
    return texts.marked(value, translation.get_language())


@register.filter
def language_name(code: str) -> str:
    """A language's name in the page's language ("polska" on a Swedish page), or its code
    where Django does not know it."""
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return code


@register.filter
def lang_attr(value: dict | None) -> str:
    """` lang="sv"` where a {"sv": ..., "en": ...} text is shown in a language other than the
    page's (its translation is missing), for the element that holds it (WCAG 3.1.2)."""
    shown = _fallen_back_to(value)
    return format_html(' lang="{}"', shown) if shown else ""


def _fallen_back_to(value: dict | None) -> str:
    """The language a text is shown in where that is not the page's (its translation missing)."""
    return texts.fallen_back_to(value, translation.get_language())


@register.simple_tag(takes_context=True)
def page_in_language(context, language: str) -> str:
    """The address of the current page in another language, query string kept. A page that
    answers a POST to an address taking only POST (a confirmation step) names the page to go
    back to instead (`language_base`): a GET there would be a dead end, and nothing is done
    before the second post anyway."""
    request = context.get("request")
    if request is None:
        return f"/{language}/"
    # A page names each language three times (the switcher, the alternates, x-default), and
    # each address costs a resolve of the path (a refused page's 404 tries every pattern): one
    # answer per language and page, kept on the request.
    known = request.__dict__.setdefault("_laurel_page_in_language", {})
    key = (language, context.get("language_base"))
    if key not in known:
        known[key] = _page_in_language(context, request, language)
    return known[key]


def _page_in_language(context, request, language: str) -> str:
    if context.get("language_base"):
        return translate_url(context["language_base"], language)
    if request.method == "POST":
        # A form sent back with a mistake is shown at the address it posted to, which may take
        # only POST: the language link goes to the page the form was on (same site only).
        referer = urlsplit(request.headers.get("referer", ""))
        local = referer.path.startswith("/") and not referer.path.startswith("//")
        if local and referer.netloc == request.get_host():
            query = f"?{referer.query}" if referer.query else ""
            return translate_url(referer.path + query, language)
    url = translate_url(request.path, language)
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


@register.filter
def get_item(mapping: dict, key):
    """mapping[key], trying the key as text too (JSON objects have text keys)."""
    if not mapping:
        return None
    return mapping.get(key, mapping.get(str(key)))


@register.filter
def is_optional(field) -> bool:
    """Whether a form field may be left empty in the end (a draft form marks what submitting
    will need with `needed`, although it requires nothing yet). A question asked only on a
    condition and required then (`required_if_shown`) is not marked optional: whoever sees it
    asked must answer it."""
    if getattr(field, "required_if_shown", False):
        return False
    return not getattr(field, "needed", field.required)


# The languages that write a month's name with a capital letter. Every other language Laurel
# speaks writes it small, although Django's catalogues give some of its names as a calendar's
# heading ("Czerwiec", "Березень", "Marzo", "Iunie").
CAPITALISED_MONTHS = {"de", "en"}


@register.filter(expects_localtime=True)
def month_year(value) -> str:
    """{{ when|month_year }}: the month and year in the page's language ("June 2027",
    "czerwiec 2027", "junio de 2027"), written as in running text."""
    if not value:
        return ""
    text = formats.date_format(value, "YEAR_MONTH_FORMAT")
    if (translation.get_language() or "").split("-")[0] in CAPITALISED_MONTHS:
        return text
    month = dateformat.format(value, "F")
    return text.replace(month, month[:1].lower() + month[1:], 1)


@register.filter
def unbroken(value) -> str:
    """{{ reference|unbroken }}: kept on one line ("C10-2022-RRPN" never splits at a hyphen on a
    phone); a page's text around it still wraps."""
    return format_html('<span class="nowrap">{}</span>', value)


@register.filter
def absolute(value):
    """abs(value), for a difference worded by its sign ("above" or "below")."""
    return abs(value) if value is not None else value


# Currencies a Swedish reader writes with their own word after the number ("100 000 kr").
@register.filter
def money(amount, currency: str = "") -> str:
    """{{ amount|money:currency }}: the one format of every amount (laurel.core.texts.money)."""
    return texts.money(amount, currency)


@register.filter
def iban_groups(value: str) -> str:
    """An IBAN (or any account number) in groups of four, as banks print it:
    "SE45 5000 0000 0583 9825 7466"."""
    compact = "".join((value or "").split())
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
