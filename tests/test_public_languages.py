"""Laurel offers a public language only where its catalogue gives every public text.

The public texts are those of the public pages and the public's emails (cycles.catalogue),
extracted afresh from the code here, as `make messages` does. Each public-only language's
catalogue must translate each of them, keep their placeholders and markup, and be compiled.
"""

import re
import shutil

import polib
import pytest
from django.conf import settings

from laurel.cycles.catalogue import public_source_files, public_template
from laurel.notifications.catalogue import CATALOGUE as EMAILS
from tests.conftest import ROOT

ADDED = [code for code in settings.PUBLIC_LANGUAGES if code not in settings.WORKING_LANGUAGES]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]+\}")
TAG = re.compile(r"</?([a-z]+)")

needs_gettext = pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="GNU gettext is not installed"
)


def catalogue(code: str) -> polib.POFile:
    return polib.pofile(str(ROOT / "locale" / code / "LC_MESSAGES" / "django.po"))


@pytest.fixture(scope="module")
def public_texts(tmp_path_factory) -> set[tuple[str | None, str]]:
    template = polib.pofile(str(public_template(tmp_path_factory.mktemp("public"))))
    return {(entry.msgctxt, entry.msgid) for entry in template}


def test_the_added_languages_are_the_seven_the_call_reaches():
    assert ADDED == ["de", "fr", "es", "it", "pl", "ro", "uk"]
    assert set(settings.WORKING_LANGUAGES) <= set(settings.PUBLIC_LANGUAGES)


def test_the_public_sources_include_every_public_email_and_no_staff_one():
    names = {path.name for path in public_source_files()}
    for kind in EMAILS.values():
        assert (f"{kind.key}.txt" in names) == kind.public, kind.key
    assert "nomination_submitted.html" in names and "review_assigned.html" not in names


@needs_gettext
@pytest.mark.parametrize("code", ADDED)
def test_each_added_language_translates_every_public_text(public_texts, code):
    translated = {(entry.msgctxt, entry.msgid) for entry in catalogue(code).translated_entries()}

    assert sorted(public_texts - translated, key=str) == []


@pytest.mark.parametrize("code", ADDED)
def test_no_added_catalogue_has_an_untranslated_or_doubtful_entry(code):
    po = catalogue(code)

    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert [entry.msgid for entry in po.obsolete_entries()] == []


@pytest.mark.parametrize("code", ADDED)
def test_each_translation_keeps_its_placeholders_and_markup(code):
    wrong = []
    for entry in catalogue(code).translated_entries():
        sources = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        texts = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        expected = set(PLACEHOLDER.findall(" ".join(sources)))
        for text in texts:
            # A singular form may leave the number out ("one document"), never add a name.
            if not set(PLACEHOLDER.findall(text)) <= expected:
                wrong.append((entry.msgid, text))
            if not entry.msgid_plural and set(PLACEHOLDER.findall(text)) != expected:
                wrong.append((entry.msgid, text))
            if sorted(TAG.findall(text)) != sorted(TAG.findall(entry.msgid)):
                wrong.append((entry.msgid, text))
    assert wrong == []


@pytest.mark.parametrize("code", ADDED)
def test_each_added_catalogue_is_compiled_from_its_source(code):
    po = catalogue(code)
    compiled = polib.mofile(str(ROOT / "locale" / code / "LC_MESSAGES" / "django.mo"))

    source = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in po.translated_entries()}
    assert {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in compiled} == source


@pytest.mark.parametrize("code", ADDED)
def test_each_added_language_has_its_term_list(code):
    terms = (ROOT / "locale" / code / "TERMS.md").read_text(encoding="utf-8")

    for english in ("nominator", "nomination", "candidate", "secretariat", "committee"):
        assert english in terms.lower(), english
    assert "safeguarding" in terms.lower() and "consent" in terms.lower()
