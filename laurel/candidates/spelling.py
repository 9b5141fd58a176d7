"""How an organisation's name and website are read before they are compared.

Pure functions, no database. A name as a nominator wrote it ("ASTRA – Akcija protiv trgovine
ljudima, Beograd", "Фондація «Ла Страда-Україна»", "Children's Rights in Society (BRIS)") becomes
its *parts* (each alias in it), and each part its words in a spelling every variant shares:
transliterated (more than one scheme for Greek and Cyrillic), lower case, without legal forms,
kind words ("foundation", "udruženje"), filler words and places, with known words as concepts
("#child") and others as skeletons where transliterations differ ("shch", "sc", "s" meet).
How a website and a registration number are read is `identifiers`.
"""

import functools
import re
from dataclasses import dataclass, replace

from laurel.candidates.glossary import FILLER_WORDS, NETWORK_HOMES, NETWORKS
from laurel.candidates.letters import (
    KINDS,
    LEGAL_PHRASES,
    NON_LATIN,
    NUMBER_WORDS,
    SCOPE_WORDS,
    ascii_lower,
    compound_letters,
    is_form,
    is_legal,
    join_phrases,
    latin_forms,
    skeleton,
    token,
)
from laurel.candidates.places import CITY_REGIONS, join_places, place


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
    return join_phrases(words, _network_phrases())


def is_network(part: "Part") -> bool:
    """The bare name of an international network ("Terre des hommes", "ECPAT")."""
    return len(part.words) == 1 and part.words[0].startswith("~")


def network_home(part: "Part") -> str:
    """The country where the network's international body sits, if the part is its bare name."""
    return NETWORK_HOMES.get(part.words[0][1:], "") if is_network(part) else ""


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
    # Cut from a longer name (an alias in brackets, a subtitle after a dash), not the whole.
    piece: bool = False

    @functools.cached_property
    def distinctive(self) -> tuple[str, ...]:
        """Words that are the organisation's own, not the field's vocabulary."""
        return tuple(word for word in self.words if not word.startswith("#") and len(word) >= 3)


_SPLIT = re.compile(r"\s[–—-]\s|\s[/|]\s|[;:()\[\]]|,\s")
# A name in quotes is the organisation's own name: Udruženje građana „Atina“.
_QUOTED = re.compile(r"[„“”\"«»]([^„“”\"«»]{2,}?)[“”\"«»]")
# "e-Enfance", "eEnfance", "i-Kids": a letter before a word makes a name of its own, not the
# word ("e-Enfance" is not "Enfance"); written with a 0 inside, which no vocabulary word has.
# Letters with accents count as letters: "IPčko" and "IPcko" are read alike.
_LETTER_PREFIX = re.compile(r"\b([^\W\d_])(?:-(\w{3,})|((?![a-zß-ÿ])[^\W\d_]{3,}))\b")


def _prefixed(match: re.Match[str]) -> str:
    letter, hyphened, joined = match.groups()
    if joined and not (joined[0].isupper() and joined[1:].islower()):
        return match.group(0)  # not a letter before a capitalised word
    if joined and letter in "hnt" and joined[0] in "AEIOUÁÉÍÓÚ":
        return match.group(0)  # Irish writes h, n, t before a vowel: "na hÉireann", "na nÓg"
    return f"{letter}0{hyphened or joined}"


def mark_prefixed(text: str) -> str:
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text or "")  # "C.A.R.I." is CARI
    return _LETTER_PREFIX.sub(_prefixed, text)


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


def _trim_kinds(words: list[str]) -> list[str]:
    """Without the kind words it starts or ends with: "Stowarzyszenie Komitet Ochrony Praw
    Dziecka" is KOPD (a kind word inside a name stays: "Komitet")."""
    while words and is_form(words[0]):
        words = words[1:]
    while words and is_form(words[-1]):
        words = words[:-1]
    return words


def _read_part(text: str, written: str, piece: bool = False) -> Part | None:
    text = LEGAL_PHRASES.sub(" ", f" {text} ").strip()
    # Single letters are small words ("i", "a") or initials: no word to compare, but a letter
    # of an acronym ("Barnens Rätt i Samhället" is BRIS). Elisions went before ("l'enfant").
    spoken = join_places([NUMBER_WORDS.get(word, word) for word in text.split()])
    lettered = _join_networks(spoken)
    every = [word for word in lettered if len(word) > 1 or word.isdigit()]
    known = {word: place(word) for word in every if place(word)}
    # A country is a place anywhere in a name ("Dansk UNICEF Komité"); a town at its start or
    # end ("Dublin Rape Crisis Centre", "Meter Avola"), not inside ("Udruženje građana Atina
    # Beograd": Atina is the organisation); a town only the gazetteer knows, at the start of a
    # name of three words or more ("Fier Fryslân": Fier is also an Albanian town).
    ends = [word for word in every if not is_legal(word)]
    first, last = (ends[0], ends[-1]) if ends else ("", "")

    def where(word: str) -> bool:
        place = known[word]
        if place.startswith(("country-", "region-")) or word == last:
            return True
        return word == first and (not place.startswith("town-") or len(ends) >= 3)

    places_table = {word: known[word] for word in every if word in known and where(word)}
    if places_table and len(places_table) == len(set(every)):
        if piece and len(set(every)) == 1:
            return None  # "Women's Law Center (Moldova)": a place, not another name
        # Nothing but places: the first is the organisation's name ("Atina Beograd").
        places_table.pop(every[0], None)
    places = frozenset(places_table.values())
    scope = frozenset(SCOPE_WORDS[word] for word in every if word in SCOPE_WORDS) | (
        # A region's name makes a regional association ("Pro Familia Nordrhein-Westfalen").
        {"regional"}
        if any(
            place.startswith("region-") and word not in CITY_REGIONS
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
    unlegal = [word for word in every if not is_legal(word)]
    initials = (
        _initials(every)
        | _initials([word for word in spoken if not word.isdigit() and not is_legal(word)])
        | _initials(unlegal)
        | _initials([word for word in unlegal if word not in FILLER_WORDS])
        | _initials(kept)
        | _initials([word for word in every if plain(word)])
        | _initials(_trim_kinds([word for word in unlegal if word not in FILLER_WORDS]))
        | _initials([piece for word in unlegal for piece in compound_letters(word) or [word]])
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
        kinds=frozenset(KINDS[word] for word in every if word in KINDS),
        script="other" if NON_LATIN.search(written) else "latin",
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


# A Roman number in capitals: of I, V and X ("XXIII", "II"), or of three letters or more.
_ROMAN = re.compile(r"\b(?:[IVX]{2,7}|[IVXLC]{3,7})\b")
_ROMAN_VALUES = {"C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
_ROMAN_DIGITS = (
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _arabic(match: re.Match[str]) -> str:
    """ "Papa Giovanni XXIII" is "Papa Giovanni 23"; capitals that are no well-formed Roman
    number ("IIII", "CIVIC") stay as written."""
    letters = match.group(0)
    values = [_ROMAN_VALUES[letter] for letter in letters]
    number = sum(
        -value if value < after else value
        for value, after in zip(values, [*values[1:], 0], strict=True)
    )
    written, rest = "", number
    for value, digits in _ROMAN_DIGITS:
        count, rest = divmod(rest, value)
        written += digits * count
    return str(number) if written == letters else letters


def parts_of(name: str) -> list[Part]:
    """Every name in `name`: the whole, each alias in brackets or after a dash, and each in
    every Latin spelling. Parts that are only a legal form, a kind word or a place are dropped."""
    # "PointDeContact.net" is a name written as its website; "Barnardo's" is "Barnardos".
    name = _POSSESSIVE.sub(r"\1s", _DOMAIN_NAME.sub(r"\1", name or ""))
    name = _ROMAN.sub(_arabic, name)
    name = _ELISION.sub("", name)
    name = mark_prefixed(name)
    pieces = [
        name,
        *(piece for piece in _SPLIT.split(name) if piece.strip()),
        *_QUOTED.findall(name),
    ]
    found: dict[tuple[tuple[str, ...], frozenset[str], frozenset[str], str], Part] = {}
    whole = None
    for position, piece in enumerate(dict.fromkeys(piece.strip() for piece in pieces)):
        for form in latin_forms(piece):
            part = _read_part(form, piece, piece=position > 0)
            if part is None:
                continue
            if whole is None:
                whole = part
            elif position:  # a piece of one name is where and what the whole says it is
                part = replace(
                    part,
                    around=part.places | whole.places,
                    scope=part.scope | whole.scope,
                    numbers=part.numbers | whole.numbers,
                    piece=True,
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
            if piece == name or not place(words[0]):  # "…, Nicosia" names where, not who
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
        and not place(acronym).startswith(("country-", "region-"))  # "NRW", "BiH"
        and not is_form(acronym)
        and not token(acronym).startswith("#")  # "ENFANCE" is a word written in capitals
    }


def _distinctive(word: str) -> bool:
    return not (
        word in FILLER_WORDS
        or word in SCOPE_WORDS
        or place(word)
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
