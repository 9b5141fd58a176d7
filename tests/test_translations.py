"""Every user-facing string exists in Swedish: the catalogue is complete, compiled and current."""

import re
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


# The term list (docs/concepts.md, "Terms in Swedish and English"): one Swedish term per concept.
NEVER_IN_SWEDISH = {
    "kansliet": r"\bkansli",  # the secretariat is "sekretariatet"
    "nominerare": r"\bnominerar(e|en|ens|na|nas)\b",  # "den som nominerar"
    "nominerande (as a noun)": r"\b(en|den|de|ingen|\d+|%\(\w+\)[sd]) nominerande\b|^Nominerande$",
    "kvitto": r"\bkvitto",  # an email confirming something is a "bekräftelse"
    "integritetsmeddelande": r"integritetsmeddelande",  # the privacy notice is "integritetspolicy"
    "privat länk": r"\bprivat\w* (\w*länk|svarslänk)",  # the private link is "din personliga länk"
    "kontaktadress": r"\bkontaktadress",  # an email address is an "e-postadress"
    "tillkännage": r"tillkännag",  # the laureates are "offentliggjorda"
    "hålls för granskning": r"hålls för granskning",  # a held nomination "väntar på granskning"
    "räknas till priset": r"räknas (nu )?till priset",  # a confirmed nomination "är giltig"
}

# An English term in a msgid, and the Swedish term its msgstr must then use.
TERMS = {
    r"\bsecretariat\b": "sekretariat",
    r"\bprivacy notice\b": "integritetspolicy",
    r"\bprivate link\b": "personlig",
    r"\bdrafts?\b": "utkast",
    r"\blaureates?\b": "pristagar",
    r"\bnominations?\b": "nominer",
    r"\bcandidates?\b": "kandidat",
    r"\bselection committee\b": "urvalskommitté",
    r"\bemail address(es)?\b": "e-postadress",
}


def swedish_texts(entry) -> str:
    return " ".join([entry.msgstr, *entry.msgstr_plural.values()])


def english_texts(entry) -> str:
    return " ".join([entry.msgid, entry.msgid_plural or ""])


@pytest.mark.parametrize("word", NEVER_IN_SWEDISH)
def test_no_swedish_text_uses_a_word_the_term_list_rules_out(word):
    pattern = re.compile(NEVER_IN_SWEDISH[word], re.IGNORECASE | re.MULTILINE)

    found = [
        swedish_texts(entry)
        for entry in polib.pofile(str(CATALOGUE))
        if pattern.search(swedish_texts(entry))
    ]

    assert found == []


@pytest.mark.parametrize("english", TERMS)
def test_each_english_term_is_given_its_swedish_term(english):
    pattern = re.compile(english, re.IGNORECASE)
    swedish = TERMS[english]

    missing = [
        (entry.msgid, swedish_texts(entry))
        for entry in polib.pofile(str(CATALOGUE))
        if pattern.search(english_texts(entry)) and swedish not in swedish_texts(entry).lower()
    ]

    assert missing == []


def test_the_term_list_in_the_docs_names_the_words_this_test_rules_out():
    terms = (ROOT / "docs" / "concepts.md").read_text().split("## Terms in Swedish and English")[1]

    for word in ("kansliet", "nominerare", "kvitto", "integritetsmeddelande", "privat länk"):
        assert word in terms
    pairs = (("secretariat", "sekretariatet"), ("privacy notice", "integritetspolicy"))
    for english, swedish in pairs:
        assert f"| {english} | {swedish}" in terms


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_help_text_on_the_nomination_form_repeats_its_label(child10, language):
    """A help text says what the label does not ("Organisationsnummer: Till exempel
    organisationsnummer…" was circular)."""
    from django.utils import translation

    from laurel.nominations.forms import NominationForm

    with translation.override(language):
        fields = NominationForm(cycle=child10, complete=True).fields.values()
        texts = [
            (str(field.label), str(field.help_text))
            for field in fields
            # a criterion's label and guidance are the award's own text (its title, then itself)
            if field.help_text and getattr(field, "section", None) != "criteria"
        ]

    assert texts  # the form has help texts to check
    assert [(label, help) for label, help in texts if label.lower() in help.lower()] == []
