"""Every document that leaves Laurel as a file leaves through here: a stored one (a nomination's
attachment, a due-diligence document, a shared library file, a paying account's proof: of the
kind laurel.nominations.uploads checked it to be) or one made for the request (a dossier, a
letter, a report, a payments file, a data-subject export). Always a download, never shown in the
browser, and sandboxed. Tables go through laurel.core.tables."""

from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "json": "application/json",
    "xml": "application/xml",
}
# A document cannot run as a page of ours: sandboxed, nothing allowed.
SANDBOX = "default-src 'none'; sandbox"


def as_download(stored_file, *, filename: str, kind: str) -> FileResponse:
    """A checked document, stored as a file, as a download."""
    response = FileResponse(
        stored_file.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type=CONTENT_TYPES[kind],
    )
    response["Content-Security-Policy"] = SANDBOX
    return response


def content_as_download(content: bytes, *, filename: str, kind: str) -> HttpResponse:
    """A document held in memory (made, or decrypted, for this request) as a download."""
    response = HttpResponse(content, content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Content-Security-Policy"] = SANDBOX
    return response
