"""The organisation's consent page in the added languages (a helper's walk in German at phone
width): the three documents it is asked for were named in English ("Safeguarding policy",
"Latest annual report", "Financial statement") on a German page, in the form and in the list
of what was received."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse, translate_url
from django.utils.html import strip_tags

from tests.candidates.consent_helpers import asked

pytestmark = pytest.mark.django_db

ENGLISH = ("Safeguarding policy", "Latest annual report", "Financial statement")
NAMES = {
    "de": ("Schutzkonzept", "Aktueller Jahresbericht", "Finanzbericht"),
    "pl": ("Polityka ochrony dzieci", "Najnowsze sprawozdanie roczne", "Sprawozdanie finansowe"),
    "fr": (
        "Politique de protection des enfants",
        "Dernier rapport annuel",
        "États financiers",
    ),
    "es": (
        "Política de protección de la infancia",
        "Último informe anual",
        "Estados financieros",
    ),
    "it": ("Policy di tutela dei minori", "Ultima relazione annuale", "Bilancio"),
    "ro": (
        "Politica de protecție a copiilor",
        "Cel mai recent raport anual",
        "Situațiile financiare",
    ),
    "uk": ("Політика захисту дітей", "Останній річний звіт", "Фінансова звітність"),
}


def text_of(response) -> str:
    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


@pytest.mark.parametrize("language", list(NAMES))
def test_the_documents_asked_for_are_named_in_the_pages_language(client, child10, language):
    _candidate, _nomination, token = asked(child10, language=language)

    page = text_of(client.get(translate_url(reverse("candidates:claim", args=[token]), language)))

    assert [name for name in NAMES[language] if name not in page] == []
    assert [name for name in ENGLISH if name in page] == []


def test_a_document_received_is_named_in_the_pages_language(client, child10):
    _candidate, _nomination, token = asked(child10, language="de")
    address = translate_url(reverse("candidates:claim", args=[token]), "de")
    policy = SimpleUploadedFile("schutzkonzept.pdf", b"%PDF-1.4 policy")
    client.post(address, {"consent": "yes", "safeguarding_policy": policy})

    page = text_of(client.get(address, {"change": ""}))

    assert "Schutzkonzept: schutzkonzept.pdf" in page
