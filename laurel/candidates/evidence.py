"""The evidence that two records are one organisation, and against it.

Pure functions, no database (`matching` finds the pairs worth weighing and turns evidence into
suggestions). A record is read once (`prepare`): every name it is known by cut into parts
(`spelling`), its websites and registration number. Two records are weighed part by part; one
pair of names is one piece of evidence however many ways it matches, different pieces combine as
independent signals. The confidences below are what each piece gives on its own.
"""

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from laurel.candidates.letters import ascii_lower, likeness, skeleton, token
from laurel.candidates.spelling import (
    Part,
    Website,
    acronyms_of,
    is_network,
    mark_prefixed,
    network_home,
    normalise_registration,
    normalise_website,
    parts_of,
)


@dataclass(frozen=True)
class Record:
    """What matching needs to know of one candidate (or one nomination, or one tie)."""

    key: int
    name: str
    country: str = ""
    website: str = ""
    registration: str = ""
    # Other names and websites it is known by: nominations merged into it, a name it corrected.
    aliases: tuple[str, ...] = ()
    websites: tuple[str, ...] = ()


NAME_REASONS = {"same-name", "translation", "similar-name", "contains-name"}
# Confidence each kind of evidence gives on its own.
SAME_DOMAIN = 0.96
SAME_DOMAIN_OTHER_COUNTRY = 0.85
SAME_REGISTRATION = 0.95
SIMILAR_DOMAIN = 0.6  # the same name under another ending: ecpat.se and ecpat.org
SAME_NAME = 0.97  # the same words, in any order, legal forms aside, in the same country
TRANSLATION = 0.9  # the same name in another language: not joined without asking
SHARED_WORD = 0.86  # a distinctive word in both names: for conflicts only (`generous`)
SOUNDS_ALIKE = 0.86  # a name spelt by its sound in another script
SHORT_NAME = 0.9  # one word of the field's vocabulary, written alike
GENERIC_TRANSLATION = 0.86  # the same two words of the field's vocabulary in another language
NAME_WITH_TYPOS = 0.9  # the same words, a letter or two apart in long words
MISSPELT = 0.86  # …a syllable apart: still suggested, after the closer ones
TYPO_LIKENESS = (86, 96)  # letter likeness (0–100) from which MISSPELT rises to NAME_WITH_TYPOS
NAME_WITH_EXTRA_WORD = 0.7  # one name has one word more: not enough on its own
CONTAINS_NAME = 0.9  # every distinctive word of one in the other, the rest the field's words
CONTAINS_PLACE = 0.92  # the same name with a city or country added
ACRONYM = 0.92  # an acronym of four letters or more
SHORT_ACRONYM = 0.86  # three letters
DOMAIN_NAME = 0.9  # the website's name is the other's name or acronym
# Name evidence left when the two have different websites or registration numbers.
DIFFERENT_SITES_CAP = 0.86
# Below the automatic join (matching.JOIN_FROM): where nothing but the same website, the same
# registration number or the very same whole name says so, staff confirm, however much
# lesser evidence adds up ("Niebieska Linia" in two organisations' longer names).
ASKED_AT_MOST = 0.94


@dataclass
class Prepared:
    record: Record
    parts: list[tuple[Part, bool]]  # each name, and whether it is the record's main name
    acronyms: set[str]
    websites: list[Website]
    registration: str
    main: str  # the main name's words, for the fuzzy pass
    domains: set[str] = field(init=False)
    # The websites' names; a page on a shared host is named by its path ("raddabarnen").
    labels: set[str] = field(init=False)
    # What keeps records apart, read once: the places and scopes their names name; whether a
    # name says it is a national body, and whether one is known by a number.
    places: set[str] = field(init=False)
    scope: set[str] = field(init=False)
    national: bool = field(init=False)
    numbered: bool = field(init=False)

    def __post_init__(self) -> None:
        self.domains = {site.domain for site in self.websites}
        self.labels = {site.label.rsplit("/", 1)[-1] for site in self.websites}
        self.places = {place for part, _main in self.parts for place in part.around}
        self.scope = {word for part, _main in self.parts for word in part.scope}
        self.national = any(part.scope & NATIONAL for part, _main in self.parts)
        self.numbered = any(part.numbers and not part.scope for part, _main in self.parts)


@functools.lru_cache(maxsize=32768)
def prepare(record: Record) -> Prepared:
    """A record read for comparing (kept: the same candidates are read for every nomination)."""
    parts: list[tuple[Part, bool]] = []
    seen = set()
    acronyms: set[str] = set()
    for position, name in enumerate([record.name, *record.aliases]):
        for part in parts_of(name):
            key = (part.words, part.places, part.scope, part.squashed)
            if key not in seen:
                seen.add(key)
                parts.append((part, position == 0 and part.written == name.strip()))
        acronyms |= acronyms_of(name)
    websites = [
        site
        for site in (normalise_website(url) for url in [record.website, *record.websites])
        if site is not None
    ]
    main = next((part for part, is_main in parts if is_main), None)
    return Prepared(
        record=record,
        parts=parts,
        acronyms=acronyms,
        websites=list({site.domain: site for site in websites}.values()),
        registration=normalise_registration(record.registration),
        main=" ".join(main.words) if main else ascii_lower(record.name),
    )


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


def _compare_parts(
    part: Part, other: Part, shared_names: frozenset[tuple[str, ...]] = frozenset()
) -> tuple[float, str] | None:
    if _different_places(part.around, other.around):
        return None  # two different cities, regions or countries
    if _scopes_conflict(part.scope, other.scope):
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


@functools.lru_cache(maxsize=32768)
def _label_squashed(label: str) -> str:
    """A website's name as a name written together: "kein-taeter-werden" → "keintaeterwerden"."""
    return ascii_lower(mark_prefixed(label)).replace(" ", "")


def _local_namesake(part: Part, shared_names: frozenset[tuple[str, ...]]) -> bool:
    """A name local organisations share: written with two towns or more in one country
    ("Kinderschutzbund Köln", "Kinderschutzbund Dresden")."""
    return part.words in shared_names


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


def _scopes_conflict(scope: frozenset[str] | set[str], other: frozenset[str] | set[str]) -> bool:
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


@dataclass
class Evidence:
    found: dict[str, float] = field(default_factory=dict)
    matched: tuple[str, str] = ("", "")
    alias: bool = False
    best: float = 0.0
    score: int = 0
    # The same website or registration number, or the very same whole name: may join unasked.
    joinable: bool = False

    @property
    def confidence(self) -> float:
        found = combine(self.found.values())
        return found if self.joinable else min(found, ASKED_AT_MOST)

    def add(
        self,
        reason: str,
        confidence: float,
        matched: tuple[str, str] | None = None,
        alias: bool = False,
    ) -> None:
        self.found[reason] = max(confidence, self.found.get(reason, 0))
        if matched and confidence > self.best:
            self.best, self.matched, self.alias = confidence, matched, alias


def weigh(
    a: Prepared,
    b: Prepared,
    generous: bool = False,
    shared_names: frozenset[tuple[str, ...]] = frozenset(),
) -> Evidence:
    evidence = Evidence()
    same_country = a.record.country == b.record.country
    shared = a.domains & b.domains
    if shared and not same_country and _places_apart(a, b):
        shared = set()  # a network's site its members share: "World Vision Georgia", "… Armenia"
    if shared:
        evidence.add(
            "same-domain",
            SAME_DOMAIN if same_country else SAME_DOMAIN_OTHER_COUNTRY,
            (sorted(shared)[0],) * 2,
        )
        evidence.joinable = same_country
    elif a.labels & b.labels and min(len(label) for label in a.labels & b.labels) >= 4:
        # The same name under another ending (ecpat.se, ecpat.org), or the organisation's page
        # on a shared host named like its site (facebook.com/raddabarnen, raddabarnen.se).
        evidence.add("similar-domain", SIMILAR_DOMAIN)
    if same_country and len(a.registration) >= 4 and a.registration == b.registration:
        evidence.add("same-registration", SAME_REGISTRATION)
        evidence.joinable = True
    if not same_country:
        return evidence
    names = Evidence()
    for part, a_main in a.parts:
        for other, b_main in b.parts:
            found = _compare_parts(part, other, shared_names)
            if found is not None:
                # Not a name both only hold inside longer ones, nor one with a number the
                # other lacks ("CIDFF 69", the Rhône's, and the federation "des CIDFF").
                if (
                    found[1] == "same-name"
                    and not (part.piece and other.piece)
                    and part.numbers == other.numbers
                ):
                    names.joinable = True
                names.add(
                    found[1], found[0], (part.written, other.written), not (a_main and b_main)
                )
                if names.best == found[0] and names.matched == (part.written, other.written):
                    names.score = likeness(part.written, other.written)
    kept_apart = apart(a, b)
    if generous and not kept_apart:
        _shared_words(a, b, names)
    for first, second, flip in ((a, b, False), (b, a, True)):
        for acronym in first.acronyms if not kept_apart else ():
            weight = ACRONYM if len(acronym) >= 4 else SHORT_ACRONYM
            for other, _main in second.parts:
                if acronym == other.squashed and len(other.plain) > 1:
                    continue  # the same name: weighed as names
                if _local_namesake(other, shared_names):
                    continue  # "DKSB" is not "Kinderschutzbund Köln", one of many
                # "BRIS" and "Barnens Rätt i Samhället"; "ATINA" inside a long name and "Atina"
                if acronym in other.initials or acronym == other.squashed:
                    pair = (acronym.upper(), other.written)
                    names.add("acronym", weight, pair[::-1] if flip else pair)
            if acronym in second.acronyms and not flip:
                names.add("acronym", weight, (acronym.upper(), acronym.upper()))
        for label in first.labels if not kept_apart else ():
            squashed = _label_squashed(label)
            if len(squashed) < 3:
                continue
            for other, _main in second.parts:
                local = any(not place.startswith("country-") for place in other.places)
                if _local_namesake(other, shared_names) or (local and is_network(other)):
                    # The site of "Zartbitter" is not that of "Zartbitter Münster", nor
                    # caritas.at that of "Caritas Wien".
                    continue
                if squashed in other.squashes or (
                    len(squashed) >= 4 and squashed in other.initials
                ):
                    pair = (label, other.written)
                    names.add("domain-name", DOMAIN_NAME, pair[::-1] if flip else pair)
    sites_differ = different(a, b)
    # One pair of names is one piece of evidence, however many ways it matches: only the
    # strongest way counts; an acronym and a website's name are other pieces.
    strongest = max((c for r, c in names.found.items() if r in NAME_REASONS), default=0)
    for reason, confidence in names.found.items():
        if reason in NAME_REASONS and confidence < strongest:
            continue
        if sites_differ:
            if reason not in ("same-name", "translation") and not generous:
                continue
            confidence = min(confidence, DIFFERENT_SITES_CAP)
        elif reason == "same-name" and names.joinable:
            evidence.joinable = True
        evidence.add(reason, confidence)
    if names.matched[0]:
        evidence.matched, evidence.alias = names.matched, names.alias
        evidence.score = names.score
    return evidence


def _places_apart(a: Prepared, b: Prepared) -> bool:
    """Two records whose names name different places ("SOS telefon Podgorica", "… Nikšić"):
    an acronym they share is no evidence; nor is it between a federal association and one of
    its regional ones ("DKSB", "DKSB LV Bayern")."""
    return _different_places(a.places, b.places)


def _different_places(mine: frozenset[str] | set[str], theirs: frozenset[str] | set[str]) -> bool:
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


def apart(a: Prepared, b: Prepared) -> bool:
    return (
        _places_apart(a, b)
        or _scopes_conflict(a.scope, b.scope)
        or (a.national and b.numbered)
        or (b.national and a.numbered)
    )


def different(a: Prepared, b: Prepared) -> bool:
    """Two websites, or two registration numbers, that are not the same."""
    sites = a.domains and b.domains and not (a.domains & b.domains) and not (a.labels & b.labels)
    numbers = len(a.registration) >= 4 and len(b.registration) >= 4
    return bool(sites or (numbers and a.registration != b.registration))


def combine(confidences: Iterable[float]) -> float:
    remaining = 1.0
    for confidence in confidences:
        remaining *= 1 - confidence
    return round(1 - remaining, 3)


def names_of_several_places(prepared: list[Prepared]) -> frozenset[tuple[str, ...]]:
    """Names written with two or more different towns in one country: local organisations
    sharing a name, whose bare name may be any of them."""
    towns: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    for item in prepared:
        for part, _main in item.parts:
            local = {place for place in part.places if not place.startswith("country-")}
            # Scotland's, Wales's, a Land's: regions are local too.
            if local:
                towns[(item.record.country, part.words)] |= local
    return frozenset(words for (_country, words), places in towns.items() if len(places) >= 2)


def _shared_words(a: Prepared, b: Prepared, names: "Evidence") -> None:
    """A distinctive word of five letters or more in a name of each ("Meter Onlus",
    "Associazione Meter ETS Avola"): enough to ask, when asking costs one click."""
    for part, _main in a.parts:
        for other, _other_main in b.parts:
            # A network's name is weighed by the network rules, never as a shared word.
            mine = {word for word in part.distinctive if not word.startswith("~")}
            theirs = {word for word in other.distinctive if not word.startswith("~")}
            if not any(len(word) >= 5 for word in mine & theirs):
                continue
            # One name's own words all in the other's; the shorter does not name a place the
            # longer may name in a word nobody listed ("Wildwasser Berlin", "… Marburg").
            smaller = part if mine <= theirs else other if theirs <= mine else None
            if smaller is None or (smaller.around and mine != theirs):
                continue
            if not _scopes_conflict(part.scope, other.scope):
                names.add("similar-name", SHARED_WORD, (part.written, other.written))
