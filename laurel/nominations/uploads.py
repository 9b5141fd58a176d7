"""Checking uploaded evidence by what it is, not by what it is called."""

import hashlib
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_SIZE = 10 * 1024 * 1024
MAX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 2000
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}


@dataclass(frozen=True)
class CheckedUpload:
    kind: str
    size: int
    sha256: str


def check_upload(upload) -> CheckedUpload:
    """The kind of an uploaded file (pdf, docx, odt), or ValidationError saying what is wrong."""
    size = upload.size
    if size == 0:
        raise ValidationError(_("The file %(name)s is empty.") % {"name": upload.name})
    if size > MAX_SIZE:
        raise ValidationError(
            _("The file %(name)s is %(size)s; files may be at most 10 MB.")
            % {"name": upload.name, "size": filesizeformat(size)}
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if b"%PDF-" in head[:1024] and head.lstrip()[:5] == b"%PDF-":
        kind = "pdf"
    elif head[:4] == b"PK\x03\x04":
        kind = _office_kind(upload)
    else:
        raise ValidationError(
            _("The file %(name)s is not a PDF, Word (DOCX) or OpenDocument (ODT) document.")
            % {"name": upload.name}
        )
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedUpload(kind=kind, size=size, sha256=digest.hexdigest())


def _office_kind(upload) -> str:
    refused = ValidationError(
        _("The file %(name)s is not a document we can accept (PDF, DOCX or ODT).")
        % {"name": upload.name}
    )
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            total = sum(member.file_size for member in members)
            packed = sum(member.compress_size for member in members) or 1
            if len(members) > MAX_MEMBERS or total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
                raise ValidationError(
                    _("The file %(name)s unpacks to far more than its size; it was refused.")
                    % {"name": upload.name}
                )
            names = {member.filename for member in members}
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and "content.xml" in names:
                with archive.open("mimetype") as handle:
                    if handle.read(len(ODT_MIMETYPE) + 1).strip() == ODT_MIMETYPE:
                        return "odt"
    except (zipfile.BadZipFile, OSError, EOFError):
        raise refused from None
    finally:
        upload.seek(0)
    raise refused


def as_download(stored_file, *, filename: str, kind: str):
    """A checked document as a download, never shown in the browser: a document cannot run as
    a page of ours (sandboxed, nothing allowed)."""
    response = FileResponse(
        stored_file.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type=CONTENT_TYPES[kind],
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
