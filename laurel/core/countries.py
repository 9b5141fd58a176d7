"""Country names in the page's language, in the order a reader of that language expects.

The names are django-countries' (CLDR-based gettext catalogues), with the few its Swedish leaves
English or dated given in our catalogue through COUNTRIES_OVERRIDE (settings). The order is the
language's alphabet: in Swedish Å, Ä and Ö are letters of their own after Z (Österrike last; Æ and
Ø sort as Ä and Ö, Ü as Y), in Polish Ł after L, in English accents do not count (Åland among
the A's): TAILORINGS. django-countries
sorts every list of countries (nomination form, bank form, staff pages) with its module-level
`sort_key`; `use_page_collation` replaces it with one that follows the active language.
"""

import unicodedata

from django.utils import translation

# Where a language's alphabet differs from "a letter with an accent is that letter" (CLDR's
# tailorings): each such letter sorts as (its base letter, then rank): rank 0 is the base letter
# itself, so ("z", 1) comes after every z. Swedish files Å, Ä and Ö after Z (Æ and Ø as Ä and Ö,
# Ü as Y); Polish has Ą after A, Ł after L…; Romanian Ă and Â after A; Spanish Ñ after N;
# Ukrainian Ґ after Г, Є after Е, І, Ї and Й after И. German, French, Italian and English
# ignore accents: they have no entry.
TAILORINGS: dict[str, dict[str, tuple[str, int]]] = {
    "sv": {
        "å": ("z", 1), "ä": ("z", 2), "æ": ("z", 2), "ö": ("z", 3), "ø": ("z", 3), "ü": ("y", 0),
    },
    "pl": {
        "ą": ("a", 1), "ć": ("c", 1), "ę": ("e", 1), "ł": ("l", 1), "ń": ("n", 1),
        "ó": ("o", 1), "ś": ("s", 1), "ź": ("z", 1), "ż": ("z", 2),
    },
    "ro": {
        "ă": ("a", 1), "â": ("a", 2), "î": ("i", 1),
        "ș": ("s", 1), "ş": ("s", 1), "ț": ("t", 1), "ţ": ("t", 1),
    },
    "es": {"ñ": ("n", 1)},
    "uk": {"ґ": ("г", 1), "є": ("е", 1), "і": ("и", 1), "ї": ("и", 2), "й": ("и", 3)},
}  # fmt: skip
# Letters Unicode does not decompose into a base letter and an accent: where no tailoring
# places them, they sort as these letters (Łódź among the L's in English).
FOLDS = {"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ð": "d"}


def _base_letters(char: str) -> list[tuple[int, int]]:
    """The letters of `char` without accents (é → e, ç → c, ß → ss), each at rank 0."""
    decomposed = unicodedata.normalize("NFKD", FOLDS.get(char, char))
    return [(ord(part), 0) for part in decomposed if not unicodedata.combining(part)]


def collation_key(text: str, language: str | None = None) -> tuple:
    """A sort key for `text` in `language` (default: the active one): letters first, then case
    and accents only to break ties."""
    language = (language or translation.get_language() or "en").split("-")[0]
    tailoring = TAILORINGS.get(language, {})
    primary: list[tuple[int, int]] = []
    for char in unicodedata.normalize("NFC", text.casefold()):
        if char in tailoring:
            base, rank = tailoring[char]
            primary.append((ord(base), rank))
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
