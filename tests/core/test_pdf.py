"""A rendered PDF fetches nothing but our own static files: no network, no other local file."""

import pytest
from PIL import Image

from laurel.core.pdf import NotOurStaticFile, render_pdf, static_file
from tests.local_server import QuietHandler, serving


@pytest.fixture
def listener():
    """A web server on this machine that counts the requests it receives."""
    hits = []

    class Handler(QuietHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

    with serving(Handler) as address:
        yield address, hits


@pytest.fixture
def template_dir(settings, tmp_path):
    """Templates written by the test, found first."""
    directory = tmp_path / "templates"
    directory.mkdir()
    engine = {**settings.TEMPLATES[0], "DIRS": [directory, *settings.TEMPLATES[0]["DIRS"]]}
    settings.TEMPLATES = [engine]
    return directory


def test_a_pdf_does_not_fetch_an_address_on_the_network(template_dir, listener):
    address, hits = listener
    (template_dir / "probe.html").write_text(
        f'<p>Report</p><img src="{address}/tracker.png">'
        f'<link rel="stylesheet" href="{address}/style.css">'
    )

    render_pdf("probe.html", {})

    assert hits == []


def test_a_pdf_does_not_embed_a_local_file_outside_the_static_files(template_dir, tmp_path):
    secret = tmp_path / "passport-scan.png"
    Image.new("RGB", (40, 40), "red").save(secret)
    (template_dir / "probe.html").write_text(
        f'<p>Report</p><img src="{secret.as_uri()}"><img src="file:///etc/passwd">'
    )

    pdf = render_pdf("probe.html", {})

    assert b"/Subtype /Image" not in pdf


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://169.254.169.254/latest/meta-data/",
        "https://example.org/static/css/report.css",
        "http://127.0.0.1:8000/static/../config/settings.py",
        "ftp://example.org/x",
    ],
)
def test_only_our_static_files_are_served_to_the_renderer(url, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"

    with pytest.raises(NotOurStaticFile):
        static_file(url)


def test_our_static_files_are_served_to_the_renderer(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"

    found = static_file("http://127.0.0.1:8000/static/css/report.css")

    assert found.read_bytes() == (settings.BASE_DIR / "static/css/report.css").read_bytes()
