"""The evidence that two records are one organisation, and against it.

Pure functions, no database (`matching` finds the pairs worth weighing and turns evidence into
suggestions). A record is read once (`prepare`): every name it is known by cut into parts
(`spelling`), its websites and registration number. Two records are weighed part by part; one
pair of names is one piece of evidence however many ways it matches, different pieces combine as
independent signals. The confidences below are what each piece gives on its own.
"""

import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from laurel.candidates.identifiers import Website, normalise_registration, normalise_website
from laurel.candidates.letters import ascii_lower, likeness
from laurel.candidates.name_pairs import (
    NATIONAL,
    compare_parts,
    different_places,
    scopes_conflict,
)
from laurel.candidates.spelling import (
    Part,
    acronyms_of,
    is_network,
    mark_prefixed,
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
# Confidence each kind of evidence about the records gives on its own (a pair of names gives
# what name_pairs says).
SAME_DOMAIN = 0.96
SAME_DOMAIN_OTHER_COUNTRY = 0.85
SAME_REGISTRATION = 0.95
SIMILAR_DOMAIN = 0.6  # the same name under another ending: ecpat.se and ecpat.org
SHARED_WORD = 0.86  # a distinctive word in both names: for conflicts only (`generous`)
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


@functools.lru_cache(maxsize=32768)
def _label_squashed(label: str) -> str:
    """A website's name as a name written together: "kein-taeter-werden" → "keintaeterwerden"."""
    return ascii_lower(mark_prefixed(label)).replace(" ", "")


def _local_namesake(part: Part, shared_names: frozenset[tuple[str, ...]]) -> bool:
    """A name local organisations share: written with two towns or more in one country
    ("Kinderschutzbund Köln", "Kinderschutzbund Dresden")."""
    return part.words in shared_names


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
            found = compare_parts(part, other, shared_names)
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
    return different_places(a.places, b.places)


def apart(a: Prepared, b: Prepared) -> bool:
    return (
        _places_apart(a, b)
        or scopes_conflict(a.scope, b.scope)
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
            if not scopes_conflict(part.scope, other.scope):
                names.add("similar-name", SHARED_WORD, (part.written, other.written))
