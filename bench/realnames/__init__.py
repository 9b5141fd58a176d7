"""Real organisations written as nominators write them: the evaluation set for name matching.

Six files, written apart from the matching code and its glossary (their authors did not read
either): `dev.toml`, which the matcher was tuned on; `holdout.toml`, `brands.toml`, `blind.toml`
(133 organisations in 43 countries), `blind2.toml` (142 organisations in 34 countries) and
`blind3.toml` (191 organisations in 47 countries, 2026-12-07), each measured once blind and then
tuned on too (bench/RESULTS.md has both figures). A file is a check
on over-fitting only until it is tuned on: for the next check, have a new file written by
someone who has not read the matcher, and measure it once before changing anything.

Each `[[organisation]]` is one real organisation (its public name and website; anything else
fictional) with the `variants` different nominators would write, and where its name comes from
(`source`). Organisations with the same `brand` are different
organisations that share a brand word (national sections of one network, or namesakes in one
country): no pair across them may ever be suggested.

    organisations("dev") / organisations("blind") / organisations("all")
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = ("dev", "holdout", "brands", "blind", "blind2", "blind3")


@dataclass(frozen=True)
class Variant:
    name: str
    website: str = ""
    city: str = ""


@dataclass(frozen=True)
class Organisation:
    id: str
    country: str
    source: str
    variants: tuple[Variant, ...]
    brand: str = ""
    note: str = ""


def _load(name: str) -> list[Organisation]:
    path = HERE / f"{name}.toml"
    if not path.exists():
        return []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [
        Organisation(
            id=f"{name}:{entry['id']}",
            country=entry["country"],
            source=entry["source"],
            variants=tuple(Variant(**variant) for variant in entry["variants"]),
            brand=entry.get("brand", ""),
            note=entry.get("note", ""),
        )
        for entry in data.get("organisation", [])
    ]


def organisations(which: str = "all") -> list[Organisation]:
    names = SETS if which == "all" else (which,)
    return [organisation for name in names for organisation in _load(name)]
