"""The official lists' fixture files (fictional entries in each publisher's own format)."""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# "uk" is OFSI's ConList.csv (retired in January 2026); "uk_list" the UK Sanctions List's XML.
FILES = {
    "eu": "eu_fsf.xml",
    "un": "un_consolidated.xml",
    "uk": "uk_conlist.csv",
    "uk_list": "uk_sanctions_list.xml",
}


def fixture(source: str) -> bytes:
    """The fixture file of `source`, as bytes."""
    return (FIXTURES / FILES[source]).read_bytes()


def edited(source: str, old: str, new: str) -> bytes:
    """The fixture with `old` (which must be in it) replaced by `new`: a broken or newer variant."""
    text = fixture(source).decode()
    assert old in text, old
    return text.replace(old, new, 1).encode()
