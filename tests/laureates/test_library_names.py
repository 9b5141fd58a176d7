"""The cohort library keeps no name the uploader chose on disk: files get random names."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from laurel.laureates.models import LibraryDocument
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_a_shared_document_is_stored_under_a_random_name(client, cohort):
    (_trygga, alice), _second = cohort
    sign_in(client, alice)
    chosen = "Årsrapport <script> ..%2F passport scan.pdf"

    client.post(
        reverse("laureates:share"),
        {"title": "Annual report", "upload": SimpleUploadedFile(chosen, b"%PDF-1.4 a report")},
    )
    document = LibraryDocument.objects.get()
    download = client.get(reverse("laureates:document", args=[document.pk]))

    stored = document.file.name.rsplit("/", 1)[-1]
    assert len(stored) == len("0123456789abcdef0123456789abcdef.pdf")
    assert stored.endswith(".pdf") and "passport" not in document.file.name
    assert download["Content-Disposition"] == 'attachment; filename="Annual report.pdf"'
