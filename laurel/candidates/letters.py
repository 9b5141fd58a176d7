"""Words as names are compared: transliterated, lower case, in a skeleton that transliterations
share, and read against the glossary (the field's vocabulary as concepts, kind words, legal forms,
words of scope). Pure functions, no database; the glossary is `glossary.py`."""

import functools
import re
import unicodedata

from anyascii import anyascii
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from laurel.candidates.glossary import LEGAL_FORMS, ORG_KINDS, concept_of
from laurel.core.characters import spaced

_PUNCTUATION = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def ascii_lower(text: str) -> str:
    """Transliterated to ASCII, lower case, punctuation and characters that do not show as single
    spaces (`core.characters.spaced`: a zero-width space between two words parts them)."""
    text = anyascii(unicodedata.normalize("NFKC", spaced(text or ""))).lower()
    text = text.replace("&", " and ")
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", text)).strip()


# Greek is written in Latin letters in several ways ("Chamogelo", "Hamogelo", "Xamogelo";
# "tou", "toy"): the name is read in each of the usual ones. Cyrillic schemes (ISO 9, BGN/PCGN,
# passport) differ in what `skeleton` reduces to one spelling ("zh"/"z", "kh"/"h", "ts"/"c").
_GREEK_SCHEMES = [
    {"ου": "ou", "ΟΥ": "OU", "Ου": "Ou", "αυ": "av", "ευ": "ev", "μπ": "b", "ντ": "d"},
    {"ου": "ou", "ΟΥ": "OU", "Ου": "Ou", "χ": "h", "Χ": "H", "υ": "i", "η": "i", "β": "v"},
    # Greeklish, as typed on a Latin keyboard: "Paidika Xwria", "Xamogelo tou Paidiou".
    {"ου": "ou", "ΟΥ": "OU", "Ου": "Ou", "χ": "x", "Χ": "X", "ω": "w", "Ω": "W"},
]
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
# Armenian as it is usually written in Latin letters: "ու" is "u" and "ռ" an "r" (anyascii writes
# "ow" and "rr"), aspirates without their apostrophe ("Hasarakutyun" for Հասարակություն, where
# anyascii gives "Hasarakowt'yown").
_ARMENIAN_SCHEME = {"ու": "u", "Ու": "U", "ՈՒ": "U", "ռ": "r", "Ռ": "R"}
_ARMENIAN = re.compile(r"[\u0530-\u058f]")
# Greek, Cyrillic, Armenian, Georgian.
NON_LATIN = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f\u0530-\u058f\u10a0-\u10ff]")


def latin_forms(text: str) -> list[str]:
    """The name in Latin letters, in every scheme a nominator may have used."""
    forms = [ascii_lower(text)]
    if _GREEK.search(text or ""):
        plain = unicodedata.normalize("NFD", text)
        plain = "".join(c for c in plain if unicodedata.category(c) != "Mn")
        for scheme in _GREEK_SCHEMES:
            written = plain
            for letters, latin in scheme.items():
                written = written.replace(letters, latin)
            forms.append(ascii_lower(written))
    if _ARMENIAN.search(text or ""):
        written = text
        for letters, latin in _ARMENIAN_SCHEME.items():
            written = written.replace(letters, latin)
        forms.append(ascii_lower(anyascii(written).replace("'", "")))
    return list(dict.fromkeys(forms))


# Spellings that differ between transliterations and languages, reduced to one.
_SKELETON = [
    ("shch", "s"),
    ("sht", "s"),  # Bulgarian щ ("selishta"), which other schemes write "shch"
    ("sch", "s"),
    ("sh", "s"),
    ("ch", "c"),
    ("zh", "z"),
    ("kh", "h"),
    ("ts", "c"),
    ("tz", "c"),
    ("ph", "f"),
    ("th", "t"),
    ("ck", "k"),
    ("qu", "k"),
    ("q", "k"),
    ("w", "v"),
    ("x", "ks"),
    ("y", "i"),
    ("j", "i"),
    ("dj", "d"),
    # German and Scandinavian umlauts written out: "Taeter", "Boerns", "Vilkaar".
    ("ae", "a"),
    ("oe", "o"),
    ("ue", "u"),
    # Greek αι written "ai" or "e" ("Paidiou", "Pediou").
    ("ai", "e"),
]
_DOUBLED = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=1 << 17)
def skeleton(word: str) -> str:
    for spelling, common in _SKELETON:
        word = word.replace(spelling, common)
    return _DOUBLED.sub(r"\1", word).replace("ii", "i").replace("ie", "i")


CONCEPTS_BY_WORD = concept_of(kinds=False)
_CONCEPT_WORDS = sorted(CONCEPTS_BY_WORD)
CONCEPTS_BY_SKELETON = {skeleton(word): concept for word, concept in CONCEPTS_BY_WORD.items()}
_CONCEPT_SKELETONS = sorted(CONCEPTS_BY_SKELETON)


def _kinds() -> dict[str, str]:
    table: dict[str, str] = {}
    for kind, words in ORG_KINDS.items():
        for word in words:
            table.setdefault(word, kind)
    return table


# Words that say how far an organisation reaches, present on one variant only ("Plan
# International Sverige", "Plan Sverige"; "Deutscher Kinderschutzbund Bundesverband").
SCOPE_WORDS = {
    **dict.fromkeys(
        [
            "international",
            "internationale",
            "internacional",
            "internazionale",
            "internationaal",
            "miedzynarodowy",
            "miedzynarodowa",
            "mezinarodni",
            "medzinarodna",
            "nemzetkozi",
            "kansainvalinen",
            "world",
            "worldwide",
            "global",
            "mondial",
            "mondiale",
        ],
        "international",
    ),
    **dict.fromkeys(
        ["european", "europe", "europa", "europeenne", "europeen", "europaische", "europaischer"],
        "europe",
    ),
    **dict.fromkeys(
        [
            "national",
            "nationale",
            "nacional",
            "nazionale",
            "bundesverband",
            "bundesweit",
            "bundesweiter",
            "federal",
            "federale",
            "riksforbund",
            "riksforbundet",
            "riksforening",
            "riksforeningen",
            "landsforening",
            "landsforbund",
            "keskusliitto",
        ],
        "national",
    ),
    **dict.fromkeys(
        [
            "landesverband",
            "lv",
            "kreisverband",
            "kv",
            "ortsverband",
            "ov",
            "bezirksverband",
            "regional",
            "regionale",
        ],
        "regional",
    ),
}
KINDS = _kinds()
KIND_SKELETONS = {skeleton(word) for word in KINDS if " " not in word}

# The legal forms and the kind words of several words ("ideell förening", "sp z o o"),
# removed from the text before it is cut into words.
_PHRASES = sorted(
    {form for form in LEGAL_FORMS if " " in form} | {kind for kind in KINDS if " " in kind},
    key=len,
    reverse=True,
)
LEGAL_PHRASES = re.compile(r"(?:^| )(?:{})(?= |$)".format("|".join(re.escape(p) for p in _PHRASES)))
FORMS = {skeleton(form) for form in LEGAL_FORMS if " " not in form}
_LONG_FORMS = sorted(form for form in FORMS | KIND_SKELETONS if len(form) >= 6)


@functools.lru_cache(maxsize=1 << 17)
def is_form(word: str) -> bool:
    """A legal form or kind word, in any transliteration or with a typo ("foundtaion"); never
    a word of the vocabulary ("centre" is a kind, "contre" is not)."""
    shape = skeleton(word)
    if shape in FORMS or shape in KIND_SKELETONS:
        return True
    if word in CONCEPTS_BY_WORD or shape in CONCEPTS_BY_SKELETON or len(shape) < 6:
        return False
    limit = 1 if len(shape) < 9 else 2
    return (
        process.extractOne(shape, _LONG_FORMS, scorer=OSA.distance, score_cutoff=limit) is not None
    )


# Numbers written out, as digits: "One in Four" and "1 in 4", "Five Rights" and "5Rights".
NUMBER_WORDS = dict(
    zip(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
        map(str, range(1, 11)),
        strict=True,
    )
)


@functools.lru_cache(maxsize=65536)
def vocabulary(word: str) -> bool:
    return word in CONCEPTS_BY_WORD or skeleton(word) in CONCEPTS_BY_SKELETON or is_form(word)


@functools.lru_cache(maxsize=65536)
def token(word: str) -> str:
    """A word as names are compared: its concept ("#child") if the glossary knows it, even
    misspelt by a letter, else its skeleton."""
    if word.startswith("~") or any(letter.isdigit() for letter in word):
        return word  # a network ("~red-cross"); "5rights", "116111": never vocabulary
    if word in CONCEPTS_BY_WORD:
        return f"#{CONCEPTS_BY_WORD[word]}"
    if skeleton(word) in CONCEPTS_BY_SKELETON:
        return f"#{CONCEPTS_BY_SKELETON[skeleton(word)]}"
    if len(word) >= 5:
        # A typo, not another word: the first letter stays ("eenfance" is not "enfance").
        match = process.extractOne(word, _CONCEPT_WORDS, scorer=OSA.distance, score_cutoff=1)
        if match is not None and match[0][0] == word[0]:
            return f"#{CONCEPTS_BY_WORD[match[0]]}"
        shape = skeleton(word)
        match = process.extractOne(shape, _CONCEPT_SKELETONS, scorer=OSA.distance, score_cutoff=1)
        if match is not None and len(shape) >= 5 and match[0][0] == shape[0]:
            return f"#{CONCEPTS_BY_SKELETON[match[0]]}"
    return _compound(word) or skeleton(word)


@functools.lru_cache(maxsize=65536)
def _compound(word: str) -> str:
    """A compound of the field's words is one of them ("Kinderschutzzentren": child,
    protection, centre; "Gyermekkrízis"): its concepts joined, as a word of the vocabulary."""
    if len(word) < 8:
        return ""
    found = _pieces(word, 3)
    return "#" + "+".join(sorted(found)) if found else ""


def _pieces(word: str, depth: int) -> list[str] | None:
    """The concepts and kinds `word` is made of, or None; linking letters allowed."""
    known = _known(word)
    if known:
        return [known]
    if depth == 1:
        return None
    for cut in range(len(word) - 3, 2, -1):
        head = _known(word[:cut])
        if not head:
            continue
        for link in ("", "s", "n", "e", "en", "er", "o", "i"):
            if word[cut:].startswith(link) and len(word) - cut - len(link) >= 3:
                rest = _pieces(word[cut + len(link) :], depth - 1)
                if rest:
                    return [head, *rest]
    return None


@functools.lru_cache(maxsize=65536)
def compound_letters(word: str) -> str:
    """The first letters of a compound's pieces, as German acronyms take them
    ("Kinderschutzbund" → "ksb" in DKSB; "Jugendschutz" → "js" in LJS), or ""."""
    if len(word) < 8:
        return ""
    found = _starts(word, 3)
    return found if found and len(found) > 1 else ""


def _starts(word: str, depth: int) -> str:
    if _known(word):
        return word[0]
    if depth == 1:
        return ""
    for cut in range(len(word) - 3, 2, -1):
        if not _known(word[:cut]):
            continue
        for link in ("", "s", "n", "e", "en", "er", "o", "i"):
            if word[cut:].startswith(link) and len(word) - cut - len(link) >= 3:
                rest = _starts(word[cut + len(link) :], depth - 1)
                if rest:
                    return word[0] + rest
    return ""


def _known(word: str) -> str:
    if word in CONCEPTS_BY_WORD:
        return CONCEPTS_BY_WORD[word]
    shape = skeleton(word)
    if shape in CONCEPTS_BY_SKELETON:
        return CONCEPTS_BY_SKELETON[shape]
    return KINDS.get(word, "")


def is_legal(word: str) -> bool:
    """A legal form (not a kind word), in any transliteration or with a typo."""
    shape = skeleton(word)
    return shape in FORMS and shape not in KIND_SKELETONS


def join_phrases(words: list[str], phrases: dict[tuple[str, ...], str]) -> list[str]:
    """Words that together are one known phrase ("den haag", "rotes kreuz") read as the one
    word `phrases` gives, longest first; phrases are keyed by their words' skeletons."""
    known = _SIZES.get(id(phrases))
    if known is None or known[0] is not phrases:  # each table is built once, never changed
        known = _SIZES[id(phrases)] = (phrases, sorted({len(p) for p in phrases}, reverse=True))
    sizes = known[1]
    shapes = [skeleton(word) for word in words]
    joined: list[str] = []
    position = 0
    while position < len(words):
        for size in sizes:
            shape = tuple(shapes[position : position + size])
            if len(shape) == size and shape in phrases:
                joined.append(phrases[shape])
                position += size
                break
        else:
            joined.append(words[position])
            position += 1
    return joined


_SIZES: dict[int, tuple[dict[tuple[str, ...], str], list[int]]] = {}


def likeness(name: str, other: str) -> int:
    """How alike the letters of two names are as written, 0–100: case, accents, word order and
    legal forms aside, nothing else (a network's name in another language is not alike)."""
    return round(fuzz.token_sort_ratio(_written_letters(name), _written_letters(other)))


def _written_letters(name: str) -> str:
    text = LEGAL_PHRASES.sub(" ", f" {ascii_lower(name)} ").strip()
    words = [word for word in text.split() if not is_legal(word)]
    return " ".join(words) or ascii_lower(name)
