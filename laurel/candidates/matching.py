"""Finding the same organisation across languages, spellings, aliases and transliterations.

Pure functions over plain records, no database: the screening services feed them candidates
(with every name their nominations used), conflict detection feeds them members' ties, the
benchmark feeds them ten thousand generated nominations and the real-names set. A suggestion
names a pair, a confidence between 0 and 1, the reasons (codes staff see in words) and the two
names that matched.

How: `spelling` reads names and websites (with `letters` and `places`); pairs that may be one
organisation are found here through keys they share — a domain, a registration number, a
distinctive word, an acronym, a name written together — and names close enough for rapidfuzz,
within a country; `evidence` weighs each pair part by part:

- the same website (any country) or registration number (same country);
- the same name, in any order, legal form, kind word ("Foundation X"/"X") and spelling aside;
  the same name in another language ("translation"); a letter or two apart ("similar-name");
- one name containing the other's distinctive words, the rest being the field's vocabulary or a
  place ("contains-name": "Atina" and "Udruženje građana Atina Beograd");
- one name the acronym of the other ("acronym": "BRIS" and "Barnens Rätt i Samhället");
- the website's name being the other's name or acronym written together ("domain-name");
- an international network's name in any language ("Rotes Kreuz", "Red Cross");
- and against: two different places ("Wildwasser Berlin", "Wildwasser Marburg"), a federal
  association and a regional one, a network's bare name and a member elsewhere, two different
  websites or registration numbers (which leave only the plainest name evidence).

Evidence together is combined as independent signals: 1 - Π(1 - c). Only the same website,
registration number or the very same name reach the automatic join (`JOIN_FROM`). Records that
would be joined are one organisation: what one matches, the others match through it.
"""

import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from rapidfuzz import fuzz, process

from laurel.candidates.evidence import (
    Evidence,
    Prepared,
    Record,
    apart,
    different,
    names_of_several_places,
    prepare,
    weigh,
)
from laurel.candidates.identifiers import Website, normalise_registration, normalise_website
from laurel.candidates.letters import likeness, skeleton
from laurel.candidates.name_pairs import spelt
from laurel.candidates.spelling import name_words

__all__ = [
    "Record",
    "Suggestion",
    "Website",
    "clusters",
    "compare",
    "find_duplicates",
    "name_similarity",
    "normalise_name",
    "normalise_registration",
    "normalise_website",
]


@dataclass
class Suggestion:
    first: int
    second: int
    confidence: float
    reasons: list[str] = field(default_factory=list)
    name_score: int = 0
    # The two names (or a name and a website) that matched, as written: what staff compare.
    matched: tuple[str, str] = ("", "")


# Names this similar (0–100) are compared word by word; less similar are not (75 and 85 found
# the same real-set pairs; 80 keeps a margin for misspellings: 33,000 pairs weighed for 10,000
# generated nominations instead of 54,000).
COMPARE_FROM = 80
# From here on, a pair is shown to staff as a likely duplicate.
SUGGEST_FROM = 0.85
# From here on, a nomination joins a candidate without asking (services.common.JOIN_FROM).
JOIN_FROM = 0.95
# A key (a word, an acronym) shared by more records than this is no evidence of anything.
COMMON_KEY = 40


def normalise_name(name: str) -> str:
    """What identifies the organisation in its name: `Stiftelsen Barnens Rätt` → `barnens rat`."""
    return " ".join(name_words(name))


def name_similarity(name: str, other: str) -> int:
    """How alike the letters of two names are, 0–100, legal forms, case, accents and word
    order aside: the likeness staff see beside a suggestion, not a probability (a translation
    is the same name with letters nothing alike, "Pelastakaa Lapset" and "Save the Children"
    too, though the glossary knows them for one network)."""
    return likeness(name, other)


@functools.lru_cache(maxsize=32768)
def _keys(record: Record) -> frozenset[str]:
    """What a record may share with its duplicates, for finding pairs worth weighing (kept, as
    records are: every nomination is compared with the same candidates)."""
    item = prepare(record)
    country = item.record.country
    keys = {f"d:{domain}" for domain in item.domains}
    if len(item.registration) >= 4:
        keys.add(f"r:{country}:{item.registration}")
    for part, _main in item.parts:
        keys.add(f"n:{country}:{' '.join(part.words)}")
        keys |= {f"w:{country}:{word}" for word in part.distinctive}
        # A word's stem, for the same word in another language ("autonomna", "autonomous").
        keys |= {f"p:{country}:{word[:6]}" for word in part.distinctive if len(word) >= 6}
        # Initials meet acronyms, never other initials: two names with the same initials are
        # no evidence of anything, and weighing them all costs most of the time.
        keys |= {f"i:{country}:{initials}" for initials in part.initials}
        if len(part.squashed) >= 4:
            keys.add(f"a:{country}:{part.squashed}")
        # A compound written as one word or as two: "SaveUkraine", "Kinderschutz-Zentrum".
        keys |= {f"s:{country}:{skeleton(squash)}" for squash in part.squashes if len(squash) >= 6}
    keys |= {f"a:{country}:{acronym}" for acronym in item.acronyms}
    keys |= {f"a:{country}:{label.replace('-', '')}" for label in item.labels}
    keys |= {f"l:{label}" for label in item.labels if len(label) >= 4}
    return frozenset(keys)


@functools.lru_cache(maxsize=32768)
def _fuzzy_names(record: Record) -> frozenset[str]:
    """Every name of the record as the fuzzy pass compares it."""
    item = prepare(record)
    return frozenset({" ".join(sorted(spelt(part))) for part, _main in item.parts} or {item.main})


def _keys_of(wanted: set[int], prepared: list[Prepared]) -> set[str]:
    """The keys whose groups can hold a pair with one of the `wanted` records: their own keys,
    and for their initials the acronym keys those meet (an initials key forms no group)."""
    keys: set[str] = set()
    for index in wanted:
        for key in _keys(prepared[index].record):
            keys.add(f"a:{key[2:]}" if key.startswith("i:") else key)
    return keys


def _candidate_pairs(prepared: list[Prepared], wanted: set[int] | None) -> set[tuple[int, int]]:
    # With `wanted` (a new nomination against the cycle's candidates), only the groups of the
    # keys a wanted record has can give a pair with it: the others are neither collected nor
    # walked (the same pairs; each nomination no longer walks every key of every candidate).
    groups = None if wanted is None else _keys_of(wanted, prepared)
    collected = (
        None
        if groups is None
        else groups | {f"i:{key[2:]}" for key in groups if key.startswith("a:")}
    )
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(prepared):
        for key in _keys(item.record):
            if collected is None or key in collected:
                by_key[key].append(index)
    pairs: set[tuple[int, int]] = set()

    def pair(a: int, b: int) -> None:
        if a != b and (wanted is None or a in wanted or b in wanted):
            pairs.add((min(a, b), max(a, b)))

    for key, members in by_key.items():
        if key.startswith("i:") or (groups is not None and key not in groups):
            continue
        initials = by_key.get(f"i:{key[2:]}", []) if key.startswith("a:") else []
        if 1 < len(members) + len(initials) <= COMMON_KEY:
            for a, b in combinations(members, 2):
                pair(a, b)
            for a in members:
                for b in initials:
                    pair(a, b)
    # Names close in letters, within a country: misspellings no key catches. Every name of a
    # record takes part, its other names too.
    by_country: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for index, item in enumerate(prepared):
        names = _fuzzy_names(item.record)
        by_country[item.record.country] += [(index, name) for name in names]
    for entries in by_country.values():
        spellings = [name for _index, name in entries]
        for index, name in entries:
            if wanted is not None and index not in wanted:
                continue
            matches = process.extract(
                name, spellings, scorer=fuzz.ratio, score_cutoff=COMPARE_FROM, limit=None
            )
            for _name, _score, other_position in matches:
                other = entries[other_position][0]
                if other != index:
                    pairs.add((min(index, other), max(index, other)))
    return pairs


def find_duplicates(
    records: Sequence[Record], *, only: Iterable[int] | None = None, generous: bool = False
) -> list[Suggestion]:
    """Likely duplicates among `records`, most confident first.

    With `only` (record keys), just the pairs that involve one of those records: what a new
    candidate adds, without comparing all the others again.

    `generous` is for conflicts of interest, where a wrong suggestion costs the member one
    click and a missed one costs the committee its integrity: two names sharing a distinctive
    word are suggested, and different websites weaken evidence rather than discard it.
    """
    prepared = [prepare(record) for record in records]
    wanted = None
    if only is not None:
        keys = set(only)
        wanted = {index for index, item in enumerate(prepared) if item.record.key in keys}
    found: dict[tuple[int, int], Evidence] = {}
    shared_names = names_of_several_places(prepared)
    for a, b in _candidate_pairs(prepared, wanted):
        evidence = weigh(prepared[a], prepared[b], generous, shared_names)
        if evidence.confidence >= SUGGEST_FROM:
            found[(a, b)] = evidence
    _through_joined(prepared, found)
    suggestions = [_suggestion(prepared[a], prepared[b], found[(a, b)]) for a, b in found]
    suggestions.sort(key=lambda suggestion: (-suggestion.confidence, suggestion.first))
    return suggestions


def _through_joined(prepared: list[Prepared], found: dict[tuple[int, int], "Evidence"]) -> None:
    """Records joined without asking are one organisation with all their names, as
    nominations joined to one candidate are: what one of them matches, the others match
    through it ("KOK e.V." is "KOK – Bundesweiter Koordinierungskreis …", whose long name is
    "Bundesweiter Koordinierungskreis gegen Menschenhandel")."""
    strong = [pair for pair, e in found.items() if e.confidence >= JOIN_FROM]
    if not strong:
        return
    members = {index for pair in strong for index in pair}
    groups = clusters(members, strong)
    group_of = {index: group for group in groups for index in group}
    for (a, b), evidence in list(found.items()):
        for one, other in ((a, b), (b, a)):
            for joined in group_of.get(one, ()):
                pair = (min(joined, other), max(joined, other))
                if joined == one or other in group_of.get(joined, ()) or pair in found:
                    continue
                if different(prepared[joined], prepared[other]) or apart(
                    prepared[joined], prepared[other]
                ):
                    continue
                through = Evidence(dict(evidence.found), evidence.matched, True, evidence.best)
                through.score, through.joinable = evidence.score, evidence.joinable
                found[pair] = through


def _suggestion(a: Prepared, b: Prepared, evidence: "Evidence") -> Suggestion:
    confidence = evidence.confidence
    reasons = sorted(evidence.found, key=lambda reason: -evidence.found[reason])
    if evidence.alias and "alias" not in reasons:
        reasons.append("alias")
    first, second = a.record, b.record
    matched = evidence.matched
    if first.key > second.key:
        first, second = second, first
        matched = matched[::-1]
    return Suggestion(
        first=first.key,
        second=second.key,
        confidence=confidence,
        reasons=reasons,
        name_score=evidence.score or name_similarity(first.name, second.name),
        matched=matched,
    )


def compare(first: Record, second: Record) -> Suggestion | None:
    """Whether two records are likely one organisation (None if not even a suggestion)."""
    found = find_duplicates([first, second])
    return found[0] if found else None


def clusters(keys: Iterable[int], pairs: Iterable[tuple[int, int]]) -> list[set[int]]:
    """Groups that pairs join (union-find): what the suggestions would make, merged."""
    parent = {key: key for key in keys}

    def root(key: int) -> int:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in pairs:
        parent[root(a)] = root(b)
    groups: dict[int, set[int]] = defaultdict(set)
    for key in parent:
        groups[root(key)].add(key)
    return list(groups.values())
