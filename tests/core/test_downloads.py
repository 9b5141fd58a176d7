"""Every file that leaves Laurel leaves through laurel.core.downloads (documents) or
laurel.core.tables (tables): a download, never a page, sandboxed."""

import re
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile

from laurel.core.downloads import as_download, content_as_download

ROOT = Path(settings.BASE_DIR) / "laurel"
ONE_WAY_OUT = {ROOT / "core" / "downloads.py", ROOT / "core" / "tables.py"}
# Reading the header (the cache middleware leaves downloads alone) is not writing one.
WRITES_A_FILE = re.compile(r"\[\"Content-Disposition\"\]\s*=|FileResponse\(|as_attachment=")


def test_no_module_but_the_two_writes_a_download():
    found = [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if path not in ONE_WAY_OUT and WRITES_A_FILE.search(path.read_text())
    ]
    assert found == []


def test_a_document_made_for_the_request_is_a_sandboxed_download():
    response = content_as_download(b"%PDF-1.4", filename="decision-2022.pdf", kind="pdf")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="decision-2022.pdf"'
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_a_stored_document_is_a_sandboxed_download():
    stored = ContentFile(b"%PDF-1.4", name="report.pdf")
    stored.open = lambda mode="rb": ContentFile(b"%PDF-1.4")

    response = as_download(stored, filename="Annual report.pdf", kind="pdf")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Annual report.pdf"'
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
