import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from laurel.nominations.uploads import check_upload

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def zipped(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("report.pdf", PDF, "pdf"),
        ("report.docx", DOCX, "docx"),
        ("report.odt", ODT, "odt"),
        ("named-wrongly.docx", PDF, "pdf"),
    ],
)
def test_documents_are_recognised_by_their_content(name, content, kind):
    assert check_upload(upload(name, content)).kind == kind


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.pdf", b"", "The file empty.pdf is empty."),
        (
            "page.pdf",
            b"<html><script>alert(1)</script></html>",
            "The file page.pdf is not a PDF, Word (DOCX) or OpenDocument (ODT) document.",
        ),
        (
            "archive.docx",
            zipped({"notes.txt": b"hello"}),
            "The file archive.docx is not a document we can accept (PDF, DOCX or ODT).",
        ),
        (
            "bomb.docx",
            zipped(
                {
                    "[Content_Types].xml": b"<Types/>",
                    "word/document.xml": b"\0" * (20 * 1024 * 1024),
                }
            ),
            "The file bomb.docx unpacks to far more than its size; it was refused.",
        ),
        (
            "broken.docx",
            b"PK\x03\x04 not really a zip",
            "The file broken.docx is not a document we can accept (PDF, DOCX or ODT).",
        ),
    ],
)
def test_hostile_or_broken_uploads_are_refused_with_a_message(name, content, message):
    with pytest.raises(ValidationError) as caught:
        check_upload(upload(name, content))

    assert caught.value.messages == [message]


def test_a_file_over_ten_megabytes_is_refused():
    big = upload("big.pdf", PDF + b"0" * (10 * 1024 * 1024))

    with pytest.raises(ValidationError, match="files may be at most 10 MB"):
        check_upload(big)
