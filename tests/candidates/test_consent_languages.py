"""The organisation's consent page in the added languages (a helper's walk in German at phone
width): the three documents it is asked for were named in English ("Safeguarding policy",
"Latest annual report", "Financial statement") on a German page, in the form and in the list
of what was received."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import strip_tags

from laurel.candidates.enums import DocumentKind
from laurel.candidates.forms.claim import DOCUMENT_UPLOADS
from tests.candidates.consent_helpers import asked

pytestmark = pytest.mark.django_db

ENGLISH = ("Safeguarding policy", "Latest annual report", "Financial statement")
ADDED = ["de", "fr", "es", "it", "pl", "ro", "uk"]


def names_in(language: str) -> list[str]:
    """The documents' names as the language's catalogue gives them (their wording is the term
    list's, locale/<code>/TERMS.md)."""
    with translation.override(language):
        return [str(DocumentKind(kind).label) for kind in DOCUMENT_UPLOADS]


def text_of(response) -> str:
    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


@pytest.mark.parametrize("language", ADDED)
def test_the_documents_asked_for_are_named_in_the_pages_language(client, child10, language):
    _candidate, _nomination, token = asked(child10, language=language)

    page = text_of(client.get(translate_url(reverse("candidates:claim", args=[token]), language)))

    names = names_in(language)
    assert not set(names) & set(ENGLISH)  # each translated
    assert [name for name in names if name not in page] == []
    assert [name for name in ENGLISH if name in page] == []


def test_a_document_received_is_named_in_the_pages_language(client, child10):
    _candidate, _nomination, token = asked(child10, language="de")
    address = translate_url(reverse("candidates:claim", args=[token]), "de")
    policy = SimpleUploadedFile("schutzkonzept.pdf", b"%PDF-1.4 policy")
    client.post(address, {"consent": "yes", "safeguarding_policy": policy})

    page = text_of(client.get(address, {"change": ""}))

    assert f"{names_in('de')[0]}: schutzkonzept.pdf" in page
