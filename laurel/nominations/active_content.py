"""Documents that act when they are opened: a PDF's scripts, launch actions and embedded files;
a Word document's links to things outside it (a remote template, a linked object: the Follina
pattern). Staff, the committee and finance open what nominators and laureates upload in Acrobat
and Word, so `uploads.check_upload` refuses these as it refuses macros.

Pure functions over bytes. A PDF's names may be written with #xx escapes (/J#61vaScript) and
its dictionaries may sit compressed in object streams: both are read as a reader would.
"""

import re
import zipfile
import zlib

# The names of what a PDF reader runs or opens on its own: scripts, launching a program,
# files carried inside, multimedia and XFA forms (which carry scripts).
PDF_ACTIVE = frozenset(
    {b"JavaScript", b"JS", b"Launch", b"EmbeddedFile", b"EmbeddedFiles", b"RichMedia", b"XFA"}
)
_NAME = re.compile(rb"/((?:[A-Za-z0-9_.+-]|#[0-9A-Fa-f]{2})+)")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_STREAM = re.compile(rb"stream\r?\n")
# How much of the object streams is read, all together: they hold dictionaries, which are small.
MAX_INFLATED = 50 * 1024 * 1024
# What precedes a stream's data: its dictionary.
DICTIONARY = 1024
MAX_RELATIONSHIPS = 1024 * 1024
_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*>", re.IGNORECASE)
_EXTERNAL = re.compile(rb"TargetMode\s*=\s*[\"']External[\"']", re.IGNORECASE)
_HYPERLINK = re.compile(rb"Type\s*=\s*[\"'][^\"']*/hyperlink[\"']", re.IGNORECASE)


def _names(data: bytes) -> set[bytes]:
    return {_ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), name) for name in _NAME.findall(data)}


def pdf_acts(data: bytes) -> bool:
    """Whether the PDF names a script, an action that launches something, an embedded file,
    multimedia or an XFA form, in its plain objects or in its compressed object streams."""
    if _names(data) & PDF_ACTIVE:
        return True
    budget = MAX_INFLATED
    for match in _STREAM.finditer(data):
        if b"ObjStm" not in _names(data[max(match.start() - DICTIONARY, 0) : match.start()]):
            continue
        end = data.find(b"endstream", match.end())
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(data[match.end() : end if end >= 0 else None], budget)
        except zlib.error:
            continue  # not compressed as a reader could read it: nothing it holds is used
        if inflater.unconsumed_tail:
            return True  # object streams far larger than dictionaries need: not checked, refused
        budget -= len(inflated)
        if _names(inflated) & PDF_ACTIVE:
            return True
    return False


def office_reaches_out(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """Whether a Word document has a relationship to something outside it other than a
    hyperlink: a template, an object or a frame fetched when it is opened."""
    for name in names:
        if not name.lower().endswith(".rels"):
            continue
        with archive.open(name) as handle:
            text = handle.read(MAX_RELATIONSHIPS)
        for relationship in _RELATIONSHIP.findall(text):
            if _EXTERNAL.search(relationship) and not _HYPERLINK.search(relationship):
                return True
    return False
