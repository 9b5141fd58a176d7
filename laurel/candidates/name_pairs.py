"""How two names compare, part against part: the same words, a translation, a misspelling,
one inside the other, the same letters in another script; or what keeps them apart (other
places, other scopes, another body of a network). Pure functions, no database: `evidence`
weighs two records with them, and the confidences below are what each finding gives on its own.
"""

import functools
import re
from collections.abc import Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from laurel.candidates.letters import skeleton, token
from laurel.candidates.spelling import Part, is_network, network_home

# Confidence each kind of name evidence gives on its own.
SAME_NAME = 0.97  # the same words, in any order, legal forms aside, in the same country
TRANSLATION = 0.9  # the same name in another language: not joined without asking
SOUNDS_ALIKE = 0.86  # a name spelt by its sound in another script
SHORT_NAME = 0.9  # one word of the field's vocabulary, written alike
GENERIC_TRANSLATION = 0.86  # the same two words of the field's vocabulary in another language
NAME_WITH_TYPOS = 0.9  # the same words, a letter or two apart in long words
MISSPELT = 0.86  # …a syllable apart: still suggested, after the closer ones
TYPO_LIKENESS = (86, 96)  # letter likeness (0–100) from which MISSPELT rises to NAME_WITH_TYPOS
NAME_WITH_EXTRA_WORD = 0.7  # one name has one word more: not enough on its own
CONTAINS_NAME = 0.9  # every distinctive word of one in the other, the rest the field's words
CONTAINS_PLACE = 0.92  # the same name with a city or country added


def _word_edits(word: str, other: str) -> int | None:
    """Letters apart, if two words can be one word misspelt; short words must be equal."""
    if word == other:
        return 0
    if min(len(word), len(other)) < 5 or word[0] in "#~" or other[0] in "#~":
        return None  # short words, concepts and networks match only exactly
    limit = 1 if max(len(word), len(other)) < 9 else 2
    distance = OSA.distance(word, other, score_cutoff=limit)
    if distance <= limit:
        return distance
    return limit if _cognates(word, other) else None


def _cognates(word: str, other: str) -> bool:
    """One word in two languages, its stem alike: "autonomna", "autonomous"; "socijalni"
    (its skeleton "socialni"), "social". Counted as a word misspelt, never as the same word."""
    shorter = min(len(word), len(other))
    if shorter < 6:
        return False
    stem = 0
    for mine, theirs in zip(word, other, strict=False):
        if mine != theirs:
            break
        stem += 1
    return stem >= 6 and stem >= 0.7 * shorter


def compare_names(words: Sequence[str], others: Sequence[str]) -> tuple[float, str] | None:
    """Word by word: every word matched (maybe misspelt), or all but one extra word. A
    compound of the field's words is compared by its letters too ("Kinderskyddsnätat")."""
    remaining = list(others)
    unmatched = 0
    edits = 0
    for word in words:
        best = None
        for position, other in enumerate(remaining):
            found = _word_edits(word, other)
            if found is not None and (best is None or found < best[1]):
                best = (position, found)
                if found == 0:
                    break
        if best is None:
            unmatched += 1
        else:
            edits += best[1]
            remaining.pop(best[0])
    extra = unmatched + len(remaining)
    matched = len(words) - unmatched
    if extra == 0:
        return (SAME_NAME, "same-name") if edits == 0 else (NAME_WITH_TYPOS, "similar-name")
    if extra == 1 and matched >= 2:
        return NAME_WITH_EXTRA_WORD, "similar-name"
    return None


def spelt(part: Part) -> list[str]:
    """The part's words, a compound of the field's words by its skeleton (a misspelt compound
    is no compound any more)."""
    compounds = {token(word): skeleton(word) for word in part.plain if "+" in token(word)}
    return [compounds.get(word, word) for word in part.words]


def _identifies(part: Part) -> bool:
    """Whether the part alone can name one organisation: an own word of four letters or more,
    or at least two words of the field's vocabulary ("Rädda Barnen")."""
    return any(len(word) >= 4 for word in part.distinctive) or len(part.words) >= 2


def compare_parts(
    part: Part, other: Part, shared_names: frozenset[tuple[str, ...]] = frozenset()
) -> tuple[float, str] | None:
    if different_places(part.around, other.around):
        return None  # two different cities, regions or countries
    if scopes_conflict(part.scope, other.scope):
        return None
    if part.numbers and other.numbers and part.numbers.isdisjoint(other.numbers):
        return None
    if _numbered_branch(part, other) or _numbered_branch(other, part):
        return None
    generic = not part.distinctive and not other.distinctive
    if generic and (part.scope != other.scope or _kinds_differ(part, other)):
        # The field's vocabulary only: "Children's Centre" is not "Children's Foundation",
        # "Child Helpline International" is not the Dutch one.
        return None
    if part.words == other.words:
        if not _identifies(part):
            if _kinds_differ(part, other):
                return None  # "Mouvement du Nid", "Amicale du Nid": a short word, two bodies
            # One word of the field's vocabulary: the same if written the same ("Licht"),
            # for staff to look at if spelt a little differently ("Pro Juventute").
            if sorted(part.plain) == sorted(other.plain):
                if part.places == other.places:
                    return SAME_NAME, "same-name"
                return SHORT_NAME, "contains-name"  # "Çocuk Vakfı", "Çocuk Vakfı Türkiye"
            alike = len(part.squashed) >= 6 or _squashed_alike(part, other, 10)
            if part.places == other.places and _same_spelling(part, other) and alike:
                return SHORT_NAME, "same-name"  # "Udružene žene", "Удружене жене"
            same_kind = bool(part.kinds) and part.kinds == other.kinds
            if part.places and part.places == other.places and same_kind:
                # One word of the field's and the same kind of body, in one country, in two
                # languages: "Azərbaycan Uşaqlar Birliyi", "Azerbaijan Children's Union".
                return GENERIC_TRANSLATION, "translation"
            return None
        if _translated(part, other):
            # Two words of the field's vocabulary ("Kinder telefoon", "Child Helpline") name
            # many organisations: staff look, nothing more.
            if not part.distinctive and len(part.words) <= 2:
                if part.scope != other.scope:
                    return None  # "Kindertelefoon", "Child Helpline International"
                return GENERIC_TRANSLATION, "translation"
            return TRANSLATION, "translation"
        if part.places != other.places:
            if part.words in shared_names or _network_apart(part, other):
                # A name local organisations share ("Wildwasser Berlin", "… Marburg"); a
                # network's members, or its international body and a member.
                return None
            return CONTAINS_PLACE, "contains-name"
        return SAME_NAME, "same-name"
    if _squashed_alike(part, other, 6):
        return SAME_NAME, "same-name"  # a compound written as one word or as two
    smaller, larger = sorted((set(part.words), set(other.words)), key=len)
    if smaller < larger:
        small = part if set(part.words) == smaller else other
        large = other if small is part else part
        extra = larger - smaller
        own = len(small.distinctive) == len(small.words) and _identifies(small)
        # Only the field's words added: an own word added may be a place the gazetteer does
        # not know ("Skåne Stadsmission" is not "Stockholms Stadsmission").
        if own and all(word.startswith("#") for word in extra):
            if _network_apart(small, large) or any(word[0] == "~" for word in small.words):
                # A network's name with the field's words added is another body of it: "Red
                # Barnet Ungdom", "Diakonie Flüchtlingsdienst".
                return None
            # "Atina" in "Udruženje građana Atina": a name of its own, the rest the field's words
            return CONTAINS_NAME, "contains-name"
    if _inside(part, other) or _inside(other, part):
        return CONTAINS_NAME, "contains-name"
    found = compare_names(spelt(part), spelt(other))
    if (
        found is not None
        and found[0] >= NAME_WITH_TYPOS
        and not (_identifies(part) or _identifies(other))
    ):
        return None
    sounds = _sounds(part.plain)
    if part.script != other.script and sounds == _sounds(other.plain) and len("".join(sounds)) >= 4:
        return SOUNDS_ALIKE, "similar-name"  # spelt by its sound: "Сейв Юкрейн", "Save Ukraine"
    long_enough = len(part.squashed) >= 10 and len(other.squashed) >= 10
    networks = "~" in part.squashed or "~" in other.squashed
    if (
        found is None
        and long_enough
        and not networks
        and fuzz.ratio(part.squashed, other.squashed) >= 92
    ):
        return _misspelt(part, other)
    if found == (NAME_WITH_TYPOS, "similar-name"):
        return _misspelt(part, other)
    return found


def _misspelt(part: Part, other: Part) -> tuple[float, str]:
    """A name a few letters apart weighs what its letters say: one letter in a long name is
    likely a typo ("Kinderschutzbnd"), a syllable changed may be another organisation
    ("Vänskapsbron", "Vänskapsbyn"). Both are suggested; the closer comes first."""
    ratio = fuzz.token_sort_ratio(" ".join(part.plain), " ".join(other.plain))
    closeness = min(
        1.0, max(0.0, (ratio - TYPO_LIKENESS[0]) / (TYPO_LIKENESS[1] - TYPO_LIKENESS[0]))
    )
    return MISSPELT + (NAME_WITH_TYPOS - MISSPELT) * closeness, "similar-name"


def _numbered_branch(part: Part, other: Part) -> bool:
    """A national or federal body and a branch known by its number ("Fédération nationale des
    CIDFF", "CIDFF 69"): a number on one name only is otherwise a helpline's ("Awel 102")."""
    return bool(part.scope & NATIONAL) and bool(other.numbers) and not other.scope


NATIONAL = frozenset({"national"})


def _squashed_alike(part: Part, other: Part, length: int) -> bool:
    """Written together, the same letters in any transliteration: "SaveUkraine", "Save
    Ukraine"; "Udruženježene", "Удруженежене"."""
    shared = _skeletons(part.squashes) & _skeletons(other.squashes)
    return any(len(squash) >= length for squash in shared)


@functools.lru_cache(maxsize=65536)
def _skeletons(squashes: frozenset[str]) -> frozenset[str]:
    return frozenset(skeleton(squash) for squash in squashes)


def _inside(small: Part, large: Part) -> bool:
    """A name of two own words or more, every word of it in the longer name, maybe misspelt:
    "Detska ambasada Megjaši" in "Prva detska ambasada vo svetot Meǵaši"."""
    if len(small.distinctive) < 2:
        return False
    own = [word for word in small.distinctive if not word.startswith("~")]
    if len(own) < 2 or sum(len(word) for word in own) < 10:
        return False
    if any(word.startswith("~") for word in (*small.words, *large.words)):
        return False  # a network's members are weighed by the network rules
    remaining = list(large.words)
    for word in small.words:
        match = next((o for o in remaining if _word_edits(word, o) is not None), None)
        if match is None:
            return False
        remaining.remove(match)
    return True


def scopes_conflict(scope: frozenset[str] | set[str], other: frozenset[str] | set[str]) -> bool:
    """A federal association and a regional one; a regional one and the name all the others
    share ("Kinderschutzbund", "Kinderschutzbund Landesverband Bayern")."""
    if scope and other and scope.isdisjoint(other):
        return True
    return ("regional" in scope) != ("regional" in other)


@functools.lru_cache(maxsize=65536)
def _sounds(words: tuple[str, ...]) -> tuple[str, ...]:
    """The consonants of each word, as transliterations keep them."""
    return tuple(sorted(_VOWELS.sub("", skeleton(word)) for word in words))


_VOWELS = re.compile(r"[aeiouyhjw]+")


def _network_apart(part: Part, other: Part) -> bool:
    """A network's bare name and the name with a place: in another town or region, two
    members; with its own country, the same national member ("Red Barnet", "Save the Children
    Denmark"), unless that country is where the international body sits too ("Fondation Terre
    des hommes", "Terre des hommes Schweiz")."""
    if not is_network(part):
        return False
    places = part.places ^ other.places
    if any(not place.startswith("country-") for place in places):
        return True
    home = network_home(part)
    return bool(home) and f"country-{home.lower()}" in places


def _kinds_differ(part: Part, other: Part) -> bool:
    return bool(part.kinds and other.kinds and part.kinds.isdisjoint(other.kinds))


def _translated(part: Part, other: Part) -> bool:
    """The same concepts in other words: another language, unless only the spelling differs."""
    if part.plain == other.plain or sorted(part.plain) == sorted(other.plain):
        return False
    return any(word.startswith("#") for word in part.words) and not _same_spelling(part, other)


def _same_spelling(part: Part, other: Part) -> bool:
    """The same words in another transliteration: each word a letter or two from the other's."""
    if len(part.plain) != len(other.plain):
        return False
    return all(
        skeleton(word) == skeleton(match) or _word_edits(word, match) is not None
        for word, match in zip(sorted(part.plain), sorted(other.plain), strict=True)
    )


def different_places(mine: frozenset[str] | set[str], theirs: frozenset[str] | set[str]) -> bool:
    """Towns and regions, if both name one, else countries: "… Deutschland Bayern" and
    "… Deutschland Nordrhein-Westfalen" are apart though both say Germany."""
    if not mine or not theirs:
        return False
    for local in (True, False):
        here = {place for place in mine if place.startswith("country-") != local}
        there = {place for place in theirs if place.startswith("country-") != local}
        if here and there:
            return here.isdisjoint(there)
    # One names only its country, the other only a town or region: most often the national
    # body and a local one ("Caritas Österreich", "Caritas Wien"; "Zveza prijateljev mladine
    # Slovenije", "… Maribor"), now and then one organisation ("IAC Portugal", "IAC Lisboa").
    return bool(mine and theirs)
