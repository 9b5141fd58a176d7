"""Benchmark: sanctions screening (issue 21), speed and accuracy of `laurel.sanctions.matching`.

    .venv/bin/python bench/sanctions_screening.py [--entries 20000] [--seed 21] [--sample 600]
                                                  [--database]

The list: `--entries` fictional entries written in the EU's official XML by
`bench/sanctions_lists.py` and read back by Laurel's own reader, as an import reads them.

Speed: the index built from the list, then one screening as before a payment round (10
laureate organisations, 40 people, 10 account holders), and the re-screen after an import (the
index rebuilt, then everyone screened before screened again: the 60 names above and 600
candidates' names).

Accuracy, on names the matcher's author did not derive from its rules:
- true variants of listed people, written as other countries' official transliteration
  schemes write the list's own Cyrillic spelling (German Duden, French, Polish, Czech, ISO 9
  with its diacritics, the passport scheme), in another word order, with the given name as an
  initial, the diacritics dropped, "Al-" written "El "/"Al"/"al-", the surname in capitals
  first as lists print it; and the listed organisations with their legal form changed or left
  out. Recall: the share whose hits include their entry (target 0.98).
- look-alikes that are other people: the list's surnames with given names the list never uses
  (Swedish, Polish, Italian ones), real European people's names, and the real organisations of
  `bench/realnames/` (organisations fighting child exploitation, as nominators write them),
  screened as organisations. Every hit on them is false: reported per 1,000 names screened.
`--database` also measures it as a deployment runs it: a fresh SQLite database, the file imported
by the import service, a payment round screened by the screening service (its index read from
the database, cold and then warm), and a newer file imported, which screens everyone again; and
the round in a new process, with what the index adds to that process's resident memory.
Timing lives here, never in the tests.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.realnames import organisations as real_organisations
from bench.sanctions_lists import eu_xml
from laurel.sanctions.matching import BirthDate, Index, Listed
from laurel.sanctions.parsers import PERSON, parse

# Russian Cyrillic as other countries' official schemes write it (letter by letter; a scheme
# missing a letter writes it as the English BGN/PCGN scheme does).
BGN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        ["a", "b", "v", "g", "d", "ye", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
         "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "'", "y", "'", "e", "yu", "ya"],
        strict=True,
    )
)  # fmt: skip
SCHEMES = {
    "german": {"ж": "sch", "з": "s", "й": "i", "в": "w", "х": "ch", "ц": "z", "ч": "tsch",
               "ш": "sch", "щ": "schtsch", "ы": "y", "ь": "", "ъ": "", "ю": "ju", "я": "ja",
               "е": "e", "ё": "jo", "с": "s"},
    "french": {"ж": "j", "у": "ou", "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch",
               "ю": "iou", "я": "ia", "й": "ï", "е": "e", "ь": "", "ъ": "", "ы": "y"},
    "polish": {"ж": "ż", "в": "w", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz",
               "ю": "ju", "я": "ja", "й": "j", "е": "e", "ы": "y", "ь": "", "ъ": "", "л": "ł"},
    "czech": {"ж": "ž", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč", "ю": "ju",
              "я": "ja", "й": "j", "е": "e", "ы": "y", "ь": "", "ъ": ""},
    "iso9": {"ж": "ž", "х": "h", "ц": "c", "ч": "č", "ш": "š", "щ": "ŝ", "ю": "û", "я": "â",
             "й": "j", "е": "e", "ы": "y", "ь": "ʹ", "ъ": "ʺ", "э": "è"},
    "passport": {"ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "iu",
                 "я": "ia", "й": "i", "е": "e", "ы": "y", "ь": "", "ъ": "ie"},
}  # fmt: skip
# Given names the generated lists never use: a listed surname with one is someone else.
OTHER_GIVEN = [
    "Mats", "Henrik", "Ingrid", "Katarzyna", "Tomasz", "Giulia", "Marco", "Sofie", "Lars",
    "Agnieszka", "Francesca", "Joanna", "Pieter", "Annika", "Bartosz",
]  # fmt: skip
# Real people's names of the kind a laureate's contact or signatory has.
EUROPEANS = ["Anna Lindqvist", "Marco Rossi", "Katarzyna Nowak", "Pierre Dubois", "Maria Garcia",
             "Jan Novak", "Ana Popescu", "Olena Kovalenko", "Sofia Papadopoulou", "Lena Schmidt",
             "Mehmet Yilmaz", "Ewa Kowalska", "Jonas Petraitis", "Ieva Berzina", "Nikola Horvat",
             "Eszter Nagy", "Mikael Virtanen", "Siobhan Murphy", "Joao Silva", "Elif Demir",
             "Dmitrijs Ivanovs", "Tamar Beridze", "Aram Petrosyan", "Leyla Aliyeva",
             "Ahmed Hassan", "Fatima Benali", "Youssef El Amrani", "Irina Popova",
             "Sergii Melnyk", "Natalia Shevchenko"]  # fmt: skip


def translit(cyrillic: str, scheme: dict[str, str]) -> str:
    out = []
    for char in cyrillic:
        lower = char.lower()
        if lower in BGN or lower in scheme:
            latin = scheme.get(lower, BGN.get(lower, lower))
            out.append(latin.capitalize() if char != lower else latin)
        else:
            out.append(char)
    return "".join(out)


def undiacritic(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def listed_names(entries) -> list[Listed]:
    names = []
    for number, entry in enumerate(entries):
        births = tuple(
            BirthDate(b.year, b.year_to, b.month, b.day, b.circa) for b in entry.birth_dates
        )
        for name in entry.names:
            names.append(
                Listed(number, entry.kind, name.whole_name, name.weak, births,
                       frozenset(entry.citizenships))
            )  # fmt: skip
    return names


def without_number(name: str) -> str:
    """The generator numbers its names to keep 20,000 people apart; a nominator never would."""
    return " ".join(word for word in name.split() if not word.isdigit())


def person_variants(entry, rng: random.Random) -> list[str]:
    primary = entry.names[0].whole_name
    words = primary.split()
    given, family = words[0], words[-1]
    number = next((w for w in words if w.isdigit()), "")
    variants = [
        f"{family.upper()} {given} {number}",
        f"{given[0]}. {family} {number}",
        f"{family}, {given} {number}",
        f"{given} {family.replace('Al-', 'El ')} {number}",
        f"{given} {family.replace('Al-', 'al')} {number}",
    ]
    for name in entry.names:
        if name.script == "RU" or any("\u0400" <= c <= "\u04ff" for c in name.whole_name):
            for scheme in SCHEMES.values():
                written = translit(name.whole_name, scheme)
                variants.append(written)
                variants.append(undiacritic(written))
    rng.shuffle(variants)
    return list(dict.fromkeys(v for v in variants if v.strip()))


def organisation_variants(entry) -> list[str]:
    primary = entry.names[0].whole_name
    words = primary.split()
    plain = (
        " ".join(words[:-1])
        if words[-1] in {"LLC", "GmbH", "Ltd", "OOO", "JSC", "FZE", "S.A."}
        else primary
    )
    return list(dict.fromkeys([plain, f"{plain} Limited", f"{plain.upper()}", f"The {plain}"]))


def through_the_database(entries: int, seed: int) -> dict:
    """The same figures as a deployment gets them: a fresh SQLite database, the EU file
    imported by `import_list`, a payment round screened by `screen` (its index read from the
    database: cold, then warm), and a newer file imported with everyone screened again."""
    from bench.site import temporary_site

    temporary_site()
    from laurel.sanctions.enums import ScreenedRole
    from laurel.sanctions.matching import ORGANISATION, PERSON
    from laurel.sanctions.services import import_list
    from laurel.sanctions.services.screening import Subject, screen

    rng = random.Random(seed)
    data = eu_xml(entries, seed=seed)
    started = time.perf_counter()
    import_list(source="eu", data=data, file_name="eu.xml")
    imported = time.perf_counter() - started
    real = [v.name for o in real_organisations("all") for v in o.variants]
    people = [
        Subject(f"person:{n}", ScreenedRole.PERSON, PERSON, name)
        for n, name in enumerate(
            [*EUROPEANS, *(f"{rng.choice(OTHER_GIVEN)} {rng.choice(EUROPEANS).split()[-1]}"
                          for _ in range(10))][:40]
        )
    ]  # fmt: skip
    firms = [
        Subject(f"laureate:{n}", ScreenedRole.LAUREATE, ORGANISATION, name)
        for n, name in enumerate(rng.sample(real, 20))
    ]
    from laurel.sanctions.services import screening

    screening._INDEX.clear()  # as a web process that has not screened yet: the index to read
    started = time.perf_counter()
    screen([*people, *firms])
    cold = time.perf_counter() - started
    started = time.perf_counter()
    screen([*people, *firms])
    warm = time.perf_counter() - started
    # A process that has never screened: Django set up afresh on the same database, then the
    # round (the index read and built, every word's shape computed for the first time).
    rows = [(x.key, str(x.role), x.kind, x.name) for x in [*people, *firms]]
    probe = (
        "import time, django; django.setup();"
        "from laurel.sanctions.services.screening import Subject, screen;"
        f"subjects = [Subject(*s) for s in {rows!r}];"
        "rss = lambda: int(next(l for l in open('/proc/self/status') if l.startswith('VmRSS'))"
        ".split()[1]);"
        "before = rss(); t = time.perf_counter(); screen(subjects);"
        "print(rss() - before, time.perf_counter() - t)"
    )
    fresh = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parent.parent, env=os.environ.copy(),
    )  # fmt: skip
    newer = data.replace(b'generationDate="2026-', b'generationDate="2027-', 1)
    started = time.perf_counter()
    import_list(source="eu", data=newer, file_name="eu-newer.xml")  # re-screens everyone
    reimported = time.perf_counter() - started
    return {
        "db_import_seconds": round(imported, 2),
        "db_payment_round_cold_seconds": round(cold, 2),
        "db_payment_round_warm_seconds": round(warm, 3),
        "db_payment_round_new_process_seconds": round(float(fresh.stdout.split()[-1]), 2),
        # What the index of the lists adds to that process's resident memory, and keeps.
        "db_index_resident_mb": round(int(fresh.stdout.split()[-2]) / 1024, 1),
        "db_import_and_rescreen_seconds": round(reimported, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--sample", type=int, default=600)
    parser.add_argument("--database", action="store_true", help="also through the database")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    data = eu_xml(args.entries, seed=args.seed)
    started = time.perf_counter()
    entries = parse("eu", data).entries
    read = time.perf_counter() - started

    names = listed_names(entries)
    started = time.perf_counter()
    index = Index.of(names)
    built = time.perf_counter() - started

    people = [i for i, e in enumerate(entries) if e.kind == PERSON]
    firms = [i for i, e in enumerate(entries) if e.kind != PERSON]
    # A payment round: 10 organisations, 40 people, 10 account holders (organisations' names).
    round_people = [without_number(n) for n in EUROPEANS] + [
        f"{rng.choice(OTHER_GIVEN)} {rng.choice(EUROPEANS).split()[-1]}" for _ in range(10)
    ]
    real = [v.name for o in real_organisations("all") for v in o.variants]
    round_orgs = rng.sample(real, 20)
    started = time.perf_counter()
    for name in round_people[:40]:
        index.screen_person(name)
    for name in round_orgs:
        index.screen_organisation(name)
    one_round = time.perf_counter() - started

    candidates = rng.sample(real, min(600, len(real)))
    started = time.perf_counter()
    again = Index.of(names)
    for name in round_people[:40]:
        again.screen_person(name)
    for name in [*round_orgs, *candidates]:
        again.screen_organisation(name)
    rescreen = time.perf_counter() - started

    # Recall over true variants.
    found = total = 0
    missed: list[str] = []
    for number in rng.sample(people, min(args.sample, len(people))):
        for variant in person_variants(entries[number], rng):
            total += 1
            if any(hit.listed.entry == number for hit in index.screen_person(variant)):
                found += 1
            elif len(missed) < 15:
                missed.append(f"{variant} ≠ {entries[number].names[0].whole_name}")
    org_found = org_total = 0
    for number in rng.sample(firms, min(args.sample // 3, len(firms))):
        for variant in organisation_variants(entries[number]):
            org_total += 1
            if any(hit.listed.entry == number for hit in index.screen_organisation(variant)):
                org_found += 1
            elif len(missed) < 25:
                missed.append(f"{variant} ≠ {entries[number].names[0].whole_name}")

    # False hits over look-alikes.
    surnames = sorted({without_number(entries[i].names[0].whole_name).split()[-1] for i in people})
    givens = sorted({entries[i].names[0].whole_name.split()[0] for i in people})
    # The list's surnames with other given names; its given names with Europeans' surnames.
    alike_people = [f"{given} {surname}" for surname in surnames for given in OTHER_GIVEN]
    alike_people += [f"{g} {e.split()[-1]}" for g in givens for e in EUROPEANS]
    alike_people += EUROPEANS
    false_people = [
        f"{name} ~ {hits[0].listed.name}"
        for name in alike_people
        if (hits := index.screen_person(name))
    ]
    false_europeans = [name for name in EUROPEANS if index.screen_person(name)]
    false_strong = sum(
        any(hit.strong for hit in index.screen_person(name)) for name in alike_people
    )
    false_orgs = [name for name in real if index.screen_organisation(name)]

    database = through_the_database(args.entries, args.seed) if args.database else {}
    print(json.dumps(database | {
        "entries": len(entries), "listed_names": len(names),
        "read_seconds": round(read, 2), "index_seconds": round(built, 2),
        "payment_round_seconds": round(one_round, 3),
        "rescreen_seconds": round(rescreen, 2),
        "person_variants": total, "person_recall": round(found / total, 4),
        "organisation_variants": org_total, "organisation_recall": round(org_found / org_total, 4),
        "lookalike_people": len(alike_people),
        "false_person_hits_per_1000": round(1000 * len(false_people) / len(alike_people), 1),
        "false_person_examples": false_people[:10],
        "real_people": len(EUROPEANS),
        "false_hits_on_real_people": false_europeans,
        "false_strong_person_hits_per_1000": round(1000 * false_strong / len(alike_people), 1),
        "real_organisation_names": len(real),
        "false_organisation_hits_per_1000": round(1000 * len(false_orgs) / len(real), 1),
        "false_organisation_examples": false_orgs[:10],
        "missed_examples": missed,
    }, ensure_ascii=False, indent=1))  # fmt: skip


if __name__ == "__main__":
    main()
