"""Reading a PDF the way a person would: its text, through pdftotext (poppler-utils)."""

import subprocess
import tempfile
from pathlib import Path


def pdf_text(content: bytes) -> str:
    """The PDF's text with runs of whitespace made single spaces."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "document.pdf"
        path.write_bytes(content)
        result = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        )
    return " ".join(result.stdout.split())
