"""Finding the same organisation across languages, spellings and transliterations.

Pure functions over plain records, no database: the screening services feed them candidates,
the benchmark feeds them ten thousand generated nominations. A suggestion names a pair, a
confidence between 0 and 1, and the reasons (codes staff see translated, with the name score).

How: names are normalised (transliterated to ASCII, lower case, punctuation and legal forms such
as e.V., GmbH, Sp. z o.o., stiftelse, fundación, udruga removed); websites are reduced to the
registrable domain (no scheme, `www.`, path or port) and to its name without the country ending;
registration numbers to their letters and digits. Exact keys are joined through dictionaries;
names are compared fuzzily with rapidfuzz only within a country, which is where two records can
be the same organisation by name alone.
"""

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from anyascii import anyascii
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from laurel.candidates.glossary import (
    COMPOUND_ENDINGS,
    FILLER_WORDS,
    LEGAL_FORMS,
    SHARED_HOSTS,
    concept_of,
)

_PUNCTUATION = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def _legal_form_pattern() -> re.Pattern:
    forms = sorted(set(LEGAL_FORMS), key=len, reverse=True)
    alternatives = "|".join(re.escape(form).replace(r"\ ", " ") for form in forms)
    return re.compile(rf"(?:^| )(?:{alternatives})(?= |$)")


_LEGAL_FORMS = _legal_form_pattern()


def ascii_lower(text: str) -> str:
    """Transliterated to ASCII, lower case, punctuation as single spaces."""
    text = anyascii(unicodedata.normalize("NFKC", text or "")).lower()
    text = text.replace("&", " and ")
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", text)).strip()


# Spellings that differ between transliterations and languages, reduced to one: "shchyt" and
# "ščyt" (→ "scyt"), "asociacija" and "asotsiatsiia" meet in "asocacia"-like skeletons.
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
]
_DOUBLED = re.compile(r"(.)\1+")
_CONCEPTS = concept_of()
_CONCEPT_WORDS = sorted(_CONCEPTS)


def skeleton(word: str) -> str:
    for spelling, common in _SKELETON:
        word = word.replace(spelling, common)
    return _DOUBLED.sub(r"\1", word).replace("ii", "i").replace("ie", "i")


_FORMS = {skeleton(form) for form in LEGAL_FORMS if " " not in form}
_LONG_FORMS = sorted(form for form in _FORMS if len(form) >= 5)
# The glossary's words as skeletons too: "dity" and "diti" are one word, in two spellings.
_CONCEPTS_BY_SKELETON = {skeleton(word): concept for word, concept in _CONCEPTS.items()}


def _is_form(word: str) -> bool:
    """A legal form in another transliteration, or with a typo ("foundtaion", "assocation")."""
    word = skeleton(word)
    if word in _FORMS:
        return True
    if len(word) < 5:
        return False
    limit = 1 if len(word) < 9 else 2
    return (
        process.extractOne(word, _LONG_FORMS, scorer=OSA.distance, score_cutoff=limit) is not None
    )


@functools.lru_cache(maxsize=65536)
def _token(word: str) -> str:
    """A word as names are compared: its concept ("#child") if the glossary knows it, even
    misspelt by a letter, else its skeleton."""
    if word in _CONCEPTS:
        return f"#{_CONCEPTS[word]}"
    if skeleton(word) in _CONCEPTS_BY_SKELETON:
        return f"#{_CONCEPTS_BY_SKELETON[skeleton(word)]}"
    if len(word) >= 5:
        match = process.extractOne(word, _CONCEPT_WORDS, scorer=OSA.distance, score_cutoff=1)
        if match is not None:
            return f"#{_CONCEPTS[match[0]]}"
    return skeleton(word)


def name_words(name: str) -> list[str]:
    """The words that identify the organisation, in a spelling every variant shares:
    legal forms and filler words dropped, known words as concepts, others as skeletons."""
    text = ascii_lower(name)
    # Twice: "Fundacja … Sp. z o.o." loses both; a removed form can uncover another.
    for _round in range(2):
        text = _LEGAL_FORMS.sub(" ", f" {text} ").strip()
    words = [word for word in text.split() if word not in FILLER_WORDS]
    words = [word for word in words if not _is_form(word)] or words
    return sorted(_token(word) for word in words) or [ascii_lower(name)]


def normalise_name(name: str) -> str:
    """What identifies the organisation in its name: `Stiftelsen Barnens Rätt` → `barnens rat`."""
    return " ".join(name_words(name))


def normalise_registration(number: str) -> str:
    """Letters and digits only, upper case: `556 123-4567` and `5561234567` are the same."""
    return re.sub(r"[^A-Z0-9]", "", anyascii(number or "").upper())


@dataclass(frozen=True)
class Website:
    domain: str  # registrable domain, or shared host plus first path segment: "ecpat.se"
    label: str  # the domain without its ending, for country-code variants: "ecpat"


def normalise_website(url: str) -> Website | None:
    """`https://www.Ecpat.se/om-oss` → domain `ecpat.se`, label `ecpat`; None if not a site."""
    url = (url or "").strip().lower()
    if not url:
        return None
    if "://" not in url:
        url = f"http://{url}"
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return None
    host = anyascii(host)
    labels = [label for label in host.split(".") if label]
    while labels and re.fullmatch(r"www\d*|m", labels[0]):
        labels = labels[1:]
    if len(labels) < 2:
        return None
    host = ".".join(labels)
    for shared in SHARED_HOSTS:
        if host == shared or host.endswith(f".{shared}"):
            segment = (parts.path.strip("/").split("/") or [""])[0]
            if host != shared:  # someone.wordpress.com: the subdomain is the identity
                return Website(domain=host, label=host)
            if not segment:
                return None
            return Website(domain=f"{shared}/{segment}", label=f"{shared}/{segment}")
    ending_size = 2 if ".".join(labels[-2:]) in COMPOUND_ENDINGS and len(labels) > 2 else 1
    registrable = labels[-(ending_size + 1) :]
    return Website(domain=".".join(registrable), label=registrable[0])


@dataclass(frozen=True)
class Record:
    """What matching needs to know of one candidate (or one nomination)."""

    key: int
    name: str
    country: str = ""
    website: str = ""
    registration: str = ""
    # Other names and websites it is known by: nominations merged into it, a name it corrected.
    aliases: tuple[str, ...] = ()
    websites: tuple[str, ...] = ()


@dataclass
class Suggestion:
    first: int
    second: int
    confidence: float
    reasons: list[str] = field(default_factory=list)
    name_score: int = 0
    # The two names (or a name and a website) that matched, as written: what staff compare.
    matched: tuple[str, str] = ("", "")


@dataclass
class _Prepared:
    record: Record
    words: list[str]
    name: str
    website: Website | None
    registration: str


# Confidence each kind of evidence gives on its own; evidence together is combined as
# independent signals: 1 - Π(1 - c).
SAME_DOMAIN = 0.96
SAME_DOMAIN_OTHER_COUNTRY = 0.85
SAME_REGISTRATION = 0.95
SIMILAR_DOMAIN = 0.6  # the same name under another ending: ecpat.se and ecpat.org
SAME_NAME = 0.97  # the same words, in any order, legal forms aside, in the same country
NAME_WITH_TYPOS = 0.9  # the same words, a letter or two apart
NAME_WITH_EXTRA_WORD = 0.7  # one name has one word more: not enough on its own
# Names this similar (0–100, words sorted) are compared word by word; less similar are not.
COMPARE_FROM = 75
# From here on, a pair is shown to staff as a likely duplicate.
SUGGEST_FROM = 0.85


def _word_edits(word: str, other: str) -> int | None:
    """Letters apart, if two words can be one word misspelt; short words must be equal."""
    if word == other:
        return 0
    if min(len(word), len(other)) < 5 or word.startswith("#") or other.startswith("#"):
        return None  # short words, and concepts, match only exactly
    limit = 1 if max(len(word), len(other)) < 9 else 2
    distance = OSA.distance(word, other, score_cutoff=limit)
    return distance if distance <= limit else None


def compare_names(words: list[str], others: list[str]) -> tuple[float, str] | None:
    """Word by word: every word matched (maybe misspelt), or all but one extra word."""
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


def name_similarity(name: str, other: str) -> int:
    """How alike two names are, 0–100, once normalised (legal forms, case, accents and word
    order aside): the similarity staff see beside a suggestion."""
    return round(fuzz.ratio(normalise_name(name), normalise_name(other)))


def _combine(confidences: Iterable[float]) -> float:
    remaining = 1.0
    for confidence in confidences:
        remaining *= 1 - confidence
    return round(1 - remaining, 3)


def prepare(records: Sequence[Record]) -> list[_Prepared]:
    return [
        _Prepared(
            record=record,
            words=(words := name_words(record.name)),
            name=" ".join(words),
            website=normalise_website(record.website),
            registration=normalise_registration(record.registration),
        )
        for record in records
    ]


def _pairs_by_key(prepared, key_of) -> set[tuple[int, int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(prepared):
        key = key_of(item)
        if key:
            groups[key].append(index)
    pairs = set()
    for members in groups.values():
        # A key shared by very many records (a shared host nobody listed) is no evidence.
        if 1 < len(members) <= 50:
            pairs.update(
                (a, b) for position, a in enumerate(members) for b in members[position + 1 :]
            )
    return pairs


def _similar_names(prepared, only: set[int] | None) -> dict[tuple[int, int], tuple]:
    """Pairs in the same country whose names are the same organisation's: (confidence,
    reason, similarity 0–100). rapidfuzz finds the near names; their words decide."""
    by_country: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(prepared):
        by_country[item.record.country].append(index)
    found: dict[tuple[int, int], tuple] = {}
    for members in by_country.values():
        names = [prepared[index].name for index in members]
        for position, index in enumerate(members):
            if only is not None and index not in only:
                continue
            matches = process.extract(
                names[position], names, scorer=fuzz.ratio, score_cutoff=COMPARE_FROM, limit=None
            )
            for _name, score, other_position in matches:
                other = members[other_position]
                pair = (min(index, other), max(index, other))
                if other_position == position or pair in found:
                    continue
                verdict = compare_names(prepared[index].words, prepared[other].words)
                if verdict is not None:
                    found[pair] = (*verdict, round(score))
    return found


def find_duplicates(
    records: Sequence[Record], *, only: Iterable[int] | None = None
) -> list[Suggestion]:
    """Likely duplicates among `records`, most confident first.

    With `only` (record keys), just the pairs that involve one of those records: what a new
    candidate adds, without comparing all the others again.
    """
    prepared = prepare(records)
    wanted = None
    if only is not None:
        keys = set(only)
        wanted = {index for index, item in enumerate(prepared) if item.record.key in keys}
    evidence: dict[tuple[int, int], dict[str, float]] = defaultdict(dict)

    def same_domain(item):
        return item.website.domain if item.website else ""

    def same_label(item):
        label = item.website.label if item.website else ""
        return label if len(label) >= 4 and "/" not in label else ""

    def same_registration(item):
        if len(item.registration) < 4:
            return ""
        return f"{item.record.country}:{item.registration}"

    for a, b in _pairs_by_key(prepared, same_domain):
        same_country = prepared[a].record.country == prepared[b].record.country
        evidence[(a, b)]["same-domain"] = SAME_DOMAIN if same_country else SAME_DOMAIN_OTHER_COUNTRY
    for a, b in _pairs_by_key(prepared, same_label):
        if "same-domain" not in evidence.get((a, b), {}):
            evidence[(a, b)]["similar-domain"] = SIMILAR_DOMAIN
    for a, b in _pairs_by_key(prepared, same_registration):
        evidence[(a, b)]["same-registration"] = SAME_REGISTRATION
    names = _similar_names(prepared, wanted)
    for pair, (confidence, reason, _score) in names.items():
        evidence[pair][reason] = confidence

    suggestions = []
    for (a, b), found in evidence.items():
        if wanted is not None and a not in wanted and b not in wanted:
            continue
        confidence = _combine(found.values())
        if confidence < SUGGEST_FROM:
            continue
        first, second = sorted((prepared[a].record.key, prepared[b].record.key))
        suggestions.append(
            Suggestion(
                first=first,
                second=second,
                confidence=confidence,
                reasons=sorted(found, key=lambda reason: -found[reason]),
                name_score=names[(a, b)][2]
                if (a, b) in names
                else round(fuzz.ratio(prepared[a].name, prepared[b].name)),
            )
        )
    suggestions.sort(key=lambda suggestion: (-suggestion.confidence, suggestion.first))
    return suggestions


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


def compare(first: Record, second: Record) -> Suggestion | None:
    """Whether two records are likely one organisation (None if not even a suggestion)."""
    found = find_duplicates([first, second])
    return found[0] if found else None
