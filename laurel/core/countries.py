"""Country names in the page's language, in the order a reader of that language expects.

The names are django-countries' (CLDR-based gettext catalogues), with the few its Swedish leaves
English or dated given in our catalogue through COUNTRIES_OVERRIDE (settings). The order is the
language's alphabet: in Swedish Å, Ä and Ö are letters of their own after Z (Österrike last; Æ and
Ø sort as Ä and Ö, Ü as Y), in English accents do not count (Åland among the A's). django-countries
sorts every list of countries (nomination form, bank form, staff pages) with its module-level
`sort_key`; `use_page_collation` replaces it with one that follows the active language.
"""

import unicodedata

from django.utils import translation

# Swedish letters after Z, and the foreign letters the Swedish alphabet files with them (CLDR sv).
_AFTER_Z = ord("z")
SWEDISH_LETTERS = {
    "å": (_AFTER_Z + 1,),
    "ä": (_AFTER_Z + 2,),
    "æ": (_AFTER_Z + 2,),
    "ö": (_AFTER_Z + 3,),
    "ø": (_AFTER_Z + 3,),
    "ü": (ord("y"),),
}


def _base_letters(char: str) -> tuple[int, ...]:
    """The letters of `char` without accents (é → e, ç → c, ß → ss): their code points."""
    decomposed = unicodedata.normalize("NFKD", char)
    return tuple(ord(part) for part in decomposed if not unicodedata.combining(part))


def collation_key(text: str, language: str | None = None) -> tuple:
    """A sort key for `text` in `language` (default: the active one): letters first, then case
    and accents only to break ties."""
    language = (language or translation.get_language() or "en").split("-")[0]
    primary: list[int] = []
    for char in text.casefold():
        if language == "sv" and char in SWEDISH_LETTERS:
            primary.extend(SWEDISH_LETTERS[char])
        else:
            primary.extend(_base_letters(char))
    return (tuple(primary), text.casefold(), text)


def sort_key(item) -> tuple:
    """django-countries' sort key (a (code, name) pair), in the active language's order."""
    return collation_key(str(item[1]))


def use_page_collation() -> None:
    """Make django-countries sort its lists by the active language's alphabet."""
    import django_countries

    django_countries.sort_key = sort_key


def sorted_by_name(pairs, language: str) -> list[tuple[str, str]]:
    """(code, name) pairs sorted by name in `language`."""
    return sorted(pairs, key=lambda pair: collation_key(pair[1], language))
