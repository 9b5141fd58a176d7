"""Rendering a template to PDF with WeasyPrint and the print stylesheet.

WeasyPrint fetches what a page refers to (images, stylesheets, fonts) by URL, over the network
and from the file system. Our documents carry what people typed, so the fetcher here serves only
our own static files, read from disk by path; any other address (http, https, ftp, a file
outside the static files) is refused and never opened.
"""

import mimetypes
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string

from laurel.core.states import state_enums

STYLESHEET = settings.BASE_DIR / "static" / "css" / "report.css"


class NotOurStaticFile(ValueError):
    """A document referred to something that is not one of our static files."""


def static_file(url: str) -> Path:
    """The static file a URL names: `/static/…` on our site, or a file:// path inside a static
    directory. Anything else raises NotOurStaticFile."""
    parts = urlsplit(url)
    if parts.scheme == "file" and not parts.netloc:
        path = Path(url2pathname(parts.path)).resolve()
        roots = [Path(root).resolve() for root in _static_roots()]
        if any(path.is_relative_to(root) for root in roots) and path.is_file():
            return path
        raise NotOurStaticFile(url)
    site = urlsplit(settings.SITE_URL)
    ours = parts.scheme == site.scheme and parts.netloc == site.netloc
    if ours and parts.path.startswith(settings.STATIC_URL):
        relative = unquote(parts.path.removeprefix(settings.STATIC_URL))
        try:
            found = finders.find(relative)
        except SuspiciousFileOperation:
            found = None
        if found:
            return Path(found)
    raise NotOurStaticFile(url)


def _static_roots() -> list[str]:
    roots = [str(settings.STATIC_ROOT), *(str(d) for d in settings.STATICFILES_DIRS)]
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            location = getattr(storage, "location", None)
            if location:
                roots.append(str(location))
    return roots


@cache
def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse  # heavy, needed only here

    class StaticFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            path = static_file(url)  # raises for anything else: WeasyPrint leaves it out
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                path.as_uri(), body=path.read_bytes(), headers={"Content-Type": content_type}
            )

    return StaticFilesOnly


def render_pdf(template: str, context: dict, *, identifier: bytes | None = None) -> bytes:
    """The template as PDF. WeasyPrint writes no creation date unless the document names one
    (`<meta name="dcterms.created">`); `identifier` fixes the PDF's /ID, for a document that
    must come out byte for byte the same (the locked decision report)."""
    from weasyprint import CSS, HTML  # a heavy import, needed only here

    html = render_to_string(template, {**state_enums(), **context})
    fetcher = _fetcher_class()()
    # Relative addresses ({% static %} gives /static/…) are read against the site's address.
    document = HTML(string=html, base_url=settings.SITE_URL + "/", url_fetcher=fetcher)
    stylesheet = CSS(filename=str(STYLESHEET), url_fetcher=fetcher)
    options = {"pdf_identifier": identifier} if identifier else {}
    return document.write_pdf(stylesheets=[stylesheet], **options)
