"""Whether a name is one a sanctions list names: people as people, organisations as
organisations. Pure functions and an in-memory index, no database: `screening` loads the
current snapshots into an `Index` and asks it about each screened name.

People. A name is read as its words in Latin letters (every usual transliteration of Greek,
Cyrillic and Arabic through `candidates.letters`), particles ("al", "bin", "von") and titles
aside, each word reduced to the skeleton transliterations share ("Shcherbakov", "Scherbakow",
"Ščerbakov" alike). Two names match when every word of the shorter (at least two words, or a
mononym to a mononym) finds a word of the longer: the same skeleton, a letter or two apart in a
long word, the same consonants ("Mohammed", "Muhammad"), or an initial ("J." for "John"). Word
order does not matter; a listed name with more words (a patronymic) still matches. A word in
Arabic script, which writes consonants and long vowels but not short ones, is compared with a
Latin word by their consonants alone ("محمد", "Muhammad": "mhmd"), a weak likeness. A birth date
known on both sides and incompatible rules the entry out; a citizenship known on both sides and
different weakens the hit.

Organisations. The names' words, legal forms aside, each as duplicate detection reads a word
(`candidates.letters.token`), compared word by word as it compares names
(`candidates.name_pairs.compare_names`: the same words in any order, a typo in a long word, or
one word more).

A hit is `strong` when the names agree word for word (and a birth date, if both give one, agrees
too); clearing a strong hit needs a second member of staff (`screening`).
"""

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from anyascii import anyascii
from rapidfuzz.distance import OSA

from laurel.candidates.letters import ascii_lower, is_legal, latin_forms, skeleton, token
from laurel.candidates.name_pairs import SAME_NAME, compare_names

PERSON = "person"
ORGANISATION = "organisation"

# Words that are no part of whom a name names: family particles and titles.
PARTICLES = frozenset((
    "al", "el", "ul", "ad", "ar", "as", "an", "at", "az", "bin", "ben", "ibn", "bint", "abu",
    "umm", "ould", "de", "del", "della", "der", "den", "di", "da", "dos", "du", "la", "le", "van",
    "von", "zu", "mr", "mrs", "ms", "miss", "dr", "prof", "sheikh", "shaikh", "haji", "hajji",
    "sayed", "sayyid",
))  # fmt: skip
VOWELS = re.compile(r"[aeiou]")
# Spellings of one Cyrillic letter in other countries' schemes, written as the English one
# before the skeleton: Polish "szcz", "cz", "sz" (щ, ч, ш), French "chtch", "tch", "ou", "dj",
# and the French "gu" that keeps a г hard before e and i ("Evguenia", "Guennadi").
_SCHEMES = [("szcz", "shch"), ("chtch", "shch"), ("tch", "ch"), ("cz", "ch"), ("sz", "sh"),
            ("ou", "u"), ("dj", "j"), ("gue", "ge"), ("gui", "gi")]  # fmt: skip
# Iotated vowels at a word's start, written "yu", "iu", "ju" (all "iu" as skeletons) or "u"
# (ю in ISO 9, "û"); "ya", "ia", "ja" or "a" (я): the same word with or without the glide.
_GLIDE = re.compile(r"^i(?=[aeou])")
# The Arabic article written onto the name ("alKhatib", "Elmasri"): read without it too.
_ARTICLE = re.compile(r"^(?:al|el)(?=[^aeiou]{1}[a-z]{3})")
# A word's likeness to another: the same skeleton, a typo in a long word, the same consonants,
# an initial, the same consonants as Arabic script writes them. The weakest kind found across the
# words is the name's.
SAME, TYPO, CONSONANTS, INITIAL = 1.0, 0.9, 0.85, 0.8
ABJAD = 0.8
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# An Arabic-script word's reading is marked, so that it is compared by its consonants only.
ABJAD_MARK = "="
# Arabic particles as anyascii writes them (بن، بنت، ابن، أبو، ابو، أم), hamza and ʿayn aside.
_ARABIC_PARTICLES = frozenset(("bn", "bnt", "abn", "bw", "abw", "m"))
# What is left of a word as Arabic script writes it: no short vowels, and no long ones either
# (و and ي are as often "u" and "i" as "w" and "y"; the skeleton writes them "v" and "i").
_NOT_ABJAD = re.compile(r"[aeiouv]")
HIT = 0.8  # every word of the shorter name at least this alike
# The version of `index_keys`. Each listed name's keys are computed at import and stored with
# it (a process that has never screened then reads them instead of computing 40,000 names'
# shapes); raise this whenever the keys a name gives change (a scheme, a particle, `_shape`,
# `organisation_words`, `candidates.letters`), and the stored keys of every snapshot are
# computed again at its next use (`screening`).
KEYS_VERSION = 6


@dataclass(frozen=True)
class BirthDate:
    """A birth date as a list gives it: a year or a range of years, a month and day if known."""

    year: int
    year_to: int | None = None
    month: int | None = None
    day: int | None = None
    circa: bool = False

    def allows(self, born: date | int) -> bool:
        """Whether someone born on `born` (a date, or a year) can be the person listed."""
        year = born if isinstance(born, int) else born.year
        slack = 1 if self.circa else 0
        if not self.year - slack <= year <= (self.year_to or self.year) + slack:
            return False
        if isinstance(born, int) or self.year_to or self.circa:
            return True
        return (self.month is None or self.month == born.month) and (
            self.day is None or self.day == born.day
        )


@dataclass(frozen=True, slots=True)
class Listed:
    """One name of one list entry, as screening compares it."""

    entry: int  # the ListEntry's pk
    kind: str  # PERSON or ORGANISATION
    name: str  # as the list writes it
    weak: bool = False  # an alias the list itself calls weak
    birth_dates: tuple[BirthDate, ...] = ()
    citizenships: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Hit:
    """A listed name a screened name matches."""

    listed: Listed
    score: float  # 0–1: how alike the names are
    strong: bool
    reasons: tuple[str, ...] = ()


@functools.lru_cache(maxsize=1 << 16)
def _name_shapes(name: str) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """The name's readings, each its words in one transliteration, particles aside, and
    whether it is the name as written (not a reading without an article that may be none:
    "Albert" read as "Bert"). Compared one reading against one reading, never a mixture. A name
    with Arabic script has one reading more: its Arabic words by their consonants, marked."""
    shapes: dict[tuple[str, ...], bool] = {}
    if _ARABIC.search(name):
        shapes[_arabic_reading(name)] = True
    for form in latin_forms(name):
        words = [word for word in form.split() if word not in PARTICLES and not word.isdigit()]
        plain = tuple(_shape(word) for word in words)
        bare = tuple(_shape(_ARTICLE.sub("", word)) for word in words)
        for candidate, written in ((plain, True), (_joined(plain), True), (bare, False)):
            if candidate:
                shapes[candidate] = shapes.get(candidate, False) or written
    return tuple(shapes.items())


@functools.lru_cache(maxsize=1 << 16)
def _shape(word: str) -> str:
    """A word of a person's name as transliterations share it."""
    for spelling, common in _SCHEMES:
        word = word.replace(spelling, common)
    return skeleton(word)


def _arabic_reading(name: str) -> tuple[str, ...]:
    """The name's words with each word in Arabic script as its consonants, marked (the article
    ال and particles aside): "يوسف الهمداني" → ("=_sf", "=hmdn"); a Latin word as usual."""
    words: list[str] = []
    for written in name.split():
        if not _ARABIC.search(written):
            plain = ascii_lower(written).split()
            words += [_shape(word) for word in plain if word not in PARTICLES]
            continue
        bare = written[2:] if written.startswith("ال") and len(written) > 3 else written
        # A final ة (ta marbuta) is a vowel in Latin letters ("فاطمة", "Fatima"); a final ح
        # is a consonant ("صالح", "Saleh", not "Silva"): anyascii writes both "h".
        latin = anyascii(bare.removesuffix("ة"))
        letters = ascii_lower(latin.replace("'", "").replace("`", "")).replace(" ", "")
        if letters and letters not in _ARABIC_PARTICLES:
            # A hamza or ʿayn first is a vowel first in Latin letters ("`mr", "Omar").
            vowel = "a" if latin[:1] in "'`" else ""
            words.append(ABJAD_MARK + _abjad(_shape(vowel + letters)))
    return tuple(words)


@functools.lru_cache(maxsize=1 << 16)
def _abjad(shaped: str) -> str:
    """A word's consonants as Arabic script writes them, from its skeleton ("muhamad" → "mhmd",
    "fatima" → "ftm"), "_" first where the word begins with a vowel ("iusuf" and "ivsf" →
    "_sf", "sofi" → "sf": Yusuf is not Sofie)."""
    letters = _NOT_ABJAD.sub("", shaped)
    initial = "_" if shaped[:1] in "aeiouv" else ""
    return initial + re.sub(r"(.)\1+", r"\1", letters)


def _joined(words: tuple[str, ...]) -> tuple[str, ...]:
    """Compound given names written as one word or two ("Abdul Rahman", "Abdulrahman"): the
    name with its first two words joined, if it has three or more."""
    return (words[0] + words[1], *words[2:]) if len(words) >= 3 else ()


def _consonants(word: str) -> str:
    return word[0] + VOWELS.sub("", word[1:])


def word_likeness(word: str, other: str) -> float:
    """How alike two words of person names are (skeletons): 0 for not at all."""
    if word.startswith(ABJAD_MARK) or other.startswith(ABJAD_MARK):
        return _abjad_likeness(word, other)
    if word == other or (
        min(len(word), len(other)) >= 3 and _GLIDE.sub("", word) == _GLIDE.sub("", other)
    ):
        return SAME
    if len(word) == 1 or len(other) == 1:
        return INITIAL if word[0] == other[0] else 0.0
    if min(len(word), len(other)) >= 5:
        limit = 1 if max(len(word), len(other)) < 9 else 2
        if OSA.distance(word, other, score_cutoff=limit) <= limit:
            return TYPO
    if (
        min(len(word), len(other)) >= 4
        and word[0] == other[0]
        and _consonants(word) == _consonants(other)
        and len(_consonants(word)) >= 3
    ):
        return CONSONANTS
    return 0.0


def _abjad_likeness(word: str, other: str) -> float:
    """Two words, one (or both) in Arabic script, compared by their consonants."""
    mine, theirs = (w[1:] if w.startswith(ABJAD_MARK) else _abjad(w) for w in (word, other))
    if word.startswith(ABJAD_MARK) and other.startswith(ABJAD_MARK):
        return SAME if mine == theirs and mine else 0.0
    return ABJAD if mine == theirs and mine else 0.0


def compare_person_words(words: Sequence[str], others: Sequence[str]) -> float:
    """Every word of the shorter name matched to its own word of the longer: the weakest match
    (0 if a word finds none). A name of one word matches only a name of one word."""
    short, long_ = (words, others) if len(words) <= len(others) else (others, words)
    if not short or (len(short) == 1 and len(long_) > 1):
        return 0.0
    if len(short) == 1:
        return SAME if short[0] == long_[0] and len(short[0]) > 2 else 0.0
    if all(len(word) == 1 for word in short):
        return 0.0  # initials alone name no one
    remaining = list(long_)
    weakest = SAME
    for word in sorted(short, key=len, reverse=True):  # whole words first, initials last
        best, position = 0.0, -1
        for index, other in enumerate(remaining):
            alike = word_likeness(word, other)
            if alike > best:
                best, position = alike, index
                if alike == SAME:
                    break
        if best == 0.0:
            return 0.0
        remaining.pop(position)
        weakest = min(weakest, best)
    return weakest


def compare_people(name: str, other: str) -> float:
    """The best likeness of two person names across their readings; through a reading without
    an article, never more than a typo's."""
    best = 0.0
    for words, written in _name_shapes(name):
        for others, other_written in _name_shapes(other):
            alike = compare_person_words(words, others)
            best = max(best, alike if written and other_written else min(alike, TYPO))
    return best


# Legal forms of companies and bodies as the lists write them, besides those of associations
# that duplicate detection knows (`candidates.letters.is_legal`); and the article.
COMPANY_FORMS = frozenset((
    "the", "llc", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "co", "company",
    "plc", "llp", "lp", "gmbh", "ag", "kg", "ooo", "oao", "zao", "pao", "ao", "jsc", "pjsc",
    "ojsc", "cjsc", "fze", "fzco", "fzc", "fz", "sa", "sarl", "srl", "spa", "bv", "nv", "sas",
    "as", "ab", "oy", "sro", "doo", "ad",
))  # fmt: skip


@functools.lru_cache(maxsize=1 << 16)
def organisation_words(name: str) -> tuple[str, ...]:
    """An organisation's name as its words, legal forms aside ("S.A.", "JSC", "e.V."), each
    as duplicate detection compares words (`candidates.letters.token`: the field's vocabulary
    as concepts, else the skeleton)."""
    words = ascii_lower(name).split()
    kept = [w for w in words if w not in COMPANY_FORMS and not (len(w) > 1 and is_legal(w))]
    joined = " ".join(kept)
    for form in ("s a", "s r l", "s p a", "b v", "n v", "e v"):  # initials written apart
        joined = re.sub(rf"(?:^| ){form}$", "", joined)
    return tuple(token(word) for word in joined.split()) or tuple(words)


def compare_organisations(name: str, other: str) -> float:
    found = compare_names(organisation_words(name), organisation_words(other))
    return found[0] if found else 0.0


@dataclass
class Index:
    """The names of the current lists, looked up by their words (a screened name is compared
    only with listed names that share a word's skeleton, consonants or initial letter pair).
    Kept lean: it lives in each process that screens (about 40,000 names), so its keys are
    one string each ("p" or "o", then the key), and a name's own keys are not kept."""

    names: list[Listed] = field(default_factory=list)
    _by_key: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, names: Iterable[Listed]) -> "Index":
        index = cls()
        for listed in names:
            index.add(listed)
        return index

    @classmethod
    def of_stored(cls, rows: Iterable[tuple[Listed, str]]) -> "Index":
        """From names with the keys stored with them at import (`stored_keys`)."""
        index = cls()
        for listed, keys in rows:
            index.add(listed, keys.split())
        return index

    def add(self, listed: Listed, keys: Iterable[str] | None = None) -> None:
        position = len(self.names)
        self.names.append(listed)
        kind = listed.kind[0]
        for key in index_keys(listed.kind, listed.name) if keys is None else keys:
            self._by_key[kind + key].append(position)

    def candidates(self, kind: str, name: str) -> list[Listed]:
        """The listed names that share a key with `name`. A name in Latin letters is not looked
        up by its consonants as Arabic script writes them: a list that writes a name in Arabic
        script writes it in Latin letters too, and those keys would only bring namesakes."""
        found: set[int] = set()
        keys = index_keys(kind, name)
        if not _ARABIC.search(name):
            keys = frozenset(key for key in keys if not key.startswith(ABJAD_MARK))
        else:  # a Latin word's consonants are filed under "~" where they are its abjad too
            keys |= {"~" + key[1:] for key in keys if key[:1] == ABJAD_MARK and key[1:2] != "_"}
        for key in keys:
            found.update(self._by_key.get(kind[0] + key, ()))
        return [self.names[position] for position in sorted(found)]

    def screen_person(
        self, name: str, *, born: date | int | None = None, citizenship: str = ""
    ) -> list[Hit]:
        """The listed people `name` may be, the likeliest first, at most one hit an entry."""
        hits: dict[int, Hit] = {}
        for listed in self.candidates(PERSON, name):
            score = compare_people(name, listed.name)
            if score < HIT:
                continue
            reasons = []
            strong = score == SAME and not listed.weak
            if born is not None and listed.birth_dates:
                if not any(birth.allows(born) for birth in listed.birth_dates):
                    continue  # born in another year: not this person
                reasons.append("birth date agrees")
            if citizenship and listed.citizenships and citizenship not in listed.citizenships:
                strong = False
                reasons.append("citizenship differs")
            _keep(hits, Hit(listed, score, strong, tuple(reasons)))
        return _ordered(hits)

    def screen_organisation(self, name: str) -> list[Hit]:
        hits: dict[int, Hit] = {}
        for listed in self.candidates(ORGANISATION, name):
            score = compare_organisations(name, listed.name)
            if score < HIT:
                continue
            _keep(hits, Hit(listed, score, score >= SAME_NAME and not listed.weak))
        return _ordered(hits)


def _keep(hits: dict[int, Hit], hit: Hit) -> None:
    kept = hits.get(hit.listed.entry)
    if kept is None or (hit.strong, hit.score) > (kept.strong, kept.score):
        hits[hit.listed.entry] = hit


def _ordered(hits: dict[int, Hit]) -> list[Hit]:
    return sorted(hits.values(), key=lambda hit: (-hit.strong, -hit.score, hit.listed.entry))


@functools.lru_cache(maxsize=1 << 16)
def index_keys(kind: str, name: str) -> frozenset[str]:
    """What a name is filed and looked up by: each word of three letters or more, by its
    skeleton, its consonants, and its consonants as Arabic script writes them where they differ
    (people), or by its words as duplicate detection reads them (organisations)."""
    if kind == ORGANISATION:
        words = set(organisation_words(name))
        return frozenset(word for word in words if len(word) >= 3) or frozenset(words)
    keys = set()
    for shape, _written in _name_shapes(name):
        for word in shape:
            if word.startswith(ABJAD_MARK):
                if len(word.lstrip(ABJAD_MARK + "_")) >= 3:
                    keys.add(word)
                continue
            if len(word) >= 3:
                keys.add(word)
                consonants = _consonants(word)
                keys.add("~" + consonants)
                abjad = _abjad(word)
                if len(abjad.lstrip("_")) >= 3 and abjad != consonants:
                    # Found from a name in Arabic script (which also looks up "~" + its abjad:
                    # most words' consonants are their abjad, filed once).
                    keys.add(ABJAD_MARK + abjad)
    return frozenset(keys)


def stored_keys(kind: str, name: str) -> str:
    """`index_keys` as stored with a listed name (space-separated, sorted)."""
    return " ".join(sorted(index_keys(kind, name)))
