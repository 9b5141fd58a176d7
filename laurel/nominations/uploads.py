"""Checking uploaded evidence by what it is, not by what it is called."""

import hashlib
import struct
import zipfile
import zlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from laurel.core.limits import DOCUMENT_MAX_BYTES, DOCUMENT_MAX_MB
from laurel.nominations.active_content import office_reaches_out, pdf_acts

MAX_SIZE = DOCUMENT_MAX_BYTES
MAX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 2000
READ_CHUNK = 64 * 1024
MAX_CONTENT_TYPES = 1024 * 1024
# Content types of parts that hold programs: macro-enabled main parts (docm, dotm), VBA
# projects and their data, ActiveX controls, embedded OLE objects.
MACRO_CONTENT_TYPES = (
    b"macroenabled",
    b"vbaproject",
    b"vbadata",
    b"activex",
    b"oleobject",
)
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


@dataclass(frozen=True)
class CheckedUpload:
    kind: str
    size: int
    sha256: str
    # The key of the award's question the file answers (a `file` question); "" for evidence.
    question: str = ""


def check_upload(upload) -> CheckedUpload:
    """The kind of an uploaded file (pdf, docx, odt), or ValidationError saying what is wrong."""
    size = upload.size
    if size == 0:
        raise ValidationError(_("The file %(name)s is empty.") % {"name": upload.name})
    if size > MAX_SIZE:
        raise ValidationError(
            _("The file %(name)s is %(size)s; files may be at most %(max)s MB.")
            % {"name": upload.name, "size": filesizeformat(size), "max": DOCUMENT_MAX_MB}
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if b"%PDF-" in head[:1024] and head.lstrip()[:5] == b"%PDF-":
        kind = "pdf"
        if pdf_acts(upload.read()):
            upload.seek(0)
            raise ValidationError(_active(upload.name))
        upload.seek(0)
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
            if len(members) > MAX_MEMBERS:
                raise _bomb(upload)
            _measure(upload, members, refused)
            names = {member.filename for member in members}
            if _has_macros(archive, names):
                raise ValidationError(
                    _(
                        "The file %(name)s contains macros or embedded programs, which we do "
                        "not accept. Save it as a plain document (DOCX, ODT or PDF) and add "
                        "it again."
                    )
                    % {"name": upload.name}
                )
            if office_reaches_out(archive, names):
                raise ValidationError(_active(upload.name))
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and "content.xml" in names:
                with archive.open("mimetype") as handle:
                    if handle.read(len(ODT_MIMETYPE) + 1).strip() == ODT_MIMETYPE:
                        return "odt"
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error):
        raise refused from None
    finally:
        upload.seek(0)
    raise refused


def _active(name: str) -> str:
    return _(
        "The file %(name)s contains scripts, links to files elsewhere or embedded files, "
        "which could act when it is opened, so we do not accept it. Save or print it as a new "
        "plain document (PDF, DOCX or ODT) and add it again."
    ) % {"name": name}


def _bomb(upload) -> ValidationError:
    return ValidationError(
        _("The file %(name)s unpacks to far more than its size; it was refused.")
        % {"name": upload.name}
    )


def _measure(upload, members: list[zipfile.ZipInfo], refused: ValidationError) -> None:
    """Unpack every member as a program opening the file would, counting the bytes that really
    come out: the sizes the archive declares are the attacker's to write, so they are only
    compared with what was measured, never believed."""
    budget = min(MAX_UNCOMPRESSED, MAX_RATIO * max(upload.size, 1))
    unpacked = 0
    for member in members:
        if member.flag_bits & 0x1:  # encrypted: nothing we could check, nothing staff could read
            raise refused
        size = _unpacked_size(upload, member, budget - unpacked, refused)
        if size is None:
            raise _bomb(upload)
        if size != member.file_size:
            raise refused  # declares one size and holds another: forged
        unpacked += size


def _unpacked_size(upload, member: zipfile.ZipInfo, budget: int, refused) -> int | None:
    """The member's real size, read from its own data (the local header on); None once it
    passes `budget`."""
    upload.seek(member.header_offset)
    header = upload.read(zipfile.sizeFileHeader)
    if len(header) != zipfile.sizeFileHeader or header[:4] != zipfile.stringFileHeader:
        raise refused
    *_fields, name_length, extra_length = struct.unpack(zipfile.structFileHeader, header)
    upload.seek(name_length + extra_length, 1)
    if member.compress_type == zipfile.ZIP_STORED:
        # Stored as is: its size is what the upload holds, never more than the upload.
        size = member.compress_size
        if size > upload.size:
            raise refused
        return size if size <= budget else None
    if member.compress_type != zipfile.ZIP_DEFLATED:
        raise refused  # Office and OpenDocument files use deflate only
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size = 0
    while not inflater.eof:
        chunk = upload.read(READ_CHUNK)
        if not chunk:
            raise refused  # the data ends before the member does
        while chunk and not inflater.eof:
            # Never more than what is left of the budget (plus one byte) at a time, so that
            # a bomb is stopped after the first few megabytes, not after it has burst.
            out = inflater.decompress(chunk, max(budget - size + 1, 1))
            size += len(out)
            if size > budget:
                return None
            chunk = inflater.unconsumed_tail
    return size


def _has_macros(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """Macros (VBA, OpenDocument Basic and scripts), ActiveX controls and embedded OLE objects:
    programs that may run when staff open the document."""
    for name in names:
        lowered = name.lower()
        base = lowered.rsplit("/", 1)[-1]
        if base == "vbaproject.bin" or "activex" in lowered:
            return True
        if lowered.startswith(("basic/", "scripts/")):
            return True
        # Printer settings are the one binary part a plain Word document may have.
        if lowered.endswith(".bin") and "/printersettings/" not in lowered:
            return True
    if "[Content_Types].xml" in names:
        with archive.open("[Content_Types].xml") as handle:
            types = handle.read(MAX_CONTENT_TYPES).lower()
        return any(marker in types for marker in MACRO_CONTENT_TYPES)
    return False
