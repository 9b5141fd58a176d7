"""Every user-facing string exists in Swedish: the catalogue is complete, compiled and current."""

import shutil
import subprocess
import sys

import polib
import pytest

from tests.conftest import ROOT

CATALOGUE = ROOT / "locale" / "sv" / "LC_MESSAGES" / "django.po"


def entries(path) -> dict:
    return {(entry.msgctxt, entry.msgid): entry for entry in polib.pofile(str(path))}


def test_every_swedish_entry_is_translated_and_none_is_fuzzy():
    catalogue = polib.pofile(str(CATALOGUE))

    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


def test_compiled_catalogue_matches_the_source():
    compiled = polib.mofile(str(CATALOGUE.with_suffix(".mo")))
    source = polib.pofile(str(CATALOGUE))

    compiled_texts = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in compiled}
    source_texts = {
        (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in source.translated_entries()
    }
    assert compiled_texts == source_texts


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_the_code_has_no_string_missing_from_the_catalogue(tmp_path):
    """Extract the strings afresh from a copy of the code and compare with the catalogue."""
    for name in ("laurel", "templates", "config", "manage.py"):
        source = ROOT / name
        target = tmp_path / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target)
    (tmp_path / "locale").mkdir()
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "sv", "--no-location", "-v", "0"],
        cwd=tmp_path,
        check=True,
        env={**__import__("os").environ, "LAUREL_DATA_DIR": str(tmp_path / "var")},
    )

    fresh = entries(tmp_path / "locale" / "sv" / "LC_MESSAGES" / "django.po")
    current = entries(CATALOGUE)

    assert sorted(set(fresh) - set(current), key=str) == []


def test_country_names_are_swedish_where_django_countries_leaves_them_english():
    from django.utils import translation
    from django_countries import countries

    with translation.override("sv"):
        names = {code: str(countries.name(code)) for code in ("AL", "BR", "MK", "SZ", "XK")}

    assert names == {
        "AL": "Albanien", "BR": "Brasilien", "MK": "Nordmakedonien", "SZ": "Eswatini",
        "XK": "Kosovo",
    }  # fmt: skip
