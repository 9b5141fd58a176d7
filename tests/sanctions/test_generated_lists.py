"""bench/sanctions_lists.py writes N fictional entries in each official format, which the
readers take whole (the screening benchmark's 20,000 are made the same way)."""

import pytest

from bench.sanctions_lists import WRITERS, entries, write_lists
from laurel.sanctions.parsers import parse


@pytest.mark.parametrize("written", ["eu", "un", "uk", "uk_list"])
def test_each_generated_file_is_read_whole_by_its_reader(written):
    write, _name = WRITERS[written]
    made = entries(120, seed=3)

    parsed = parse(written[:2], write(120, 3))

    assert len(parsed.entries) == 120
    assert parsed.skipped == (3 if written.startswith("uk") else 0)  # a ship every 40 entries
    names = {entry.names[0].whole_name.casefold() for entry in parsed.entries}
    assert {entry.primary.casefold() for entry in made} == names
    assert sum(entry.person for entry in made) == sum(e.kind == "person" for e in parsed.entries)
    assert sum(len(entry.birth_dates) for entry in parsed.entries) == sum(
        entry.born is not None for entry in made
    )


def test_the_same_seed_writes_the_same_files(tmp_path):
    first = write_lists(tmp_path / "a", 30, seed=5)
    second = write_lists(tmp_path / "b", 30, seed=5)

    assert sorted(first) == ["eu", "uk", "uk_list", "un"]
    assert all(first[s].read_bytes() == second[s].read_bytes() for s in first)
    assert write_lists(tmp_path / "c", 30, seed=6)["eu"].read_bytes() != first["eu"].read_bytes()
