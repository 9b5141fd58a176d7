"""How large a request may be, decided before any of its body is read.

A form that takes documents takes at most what its documents and text need; every other
address takes a small body (REQUEST_MAX_BYTES). A request that declares more in its
Content-Length is refused with 413 before a view runs, so nothing of it reaches memory or a
temporary file. The body is also counted while it is read: reading past the limit stops there,
whatever the request declared (a chunked body, or a Content-Length that lies).
"""

from collections.abc import Callable
from io import IOBase

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.functional import lazy

MB = 1024 * 1024

# What a nomination takes. Each limit is one constant here: the forms, the checks, the pages and
# the texts that name it read it from here (a text says "three" through `apnumber`).
DOCUMENT_MAX_MB = 10
DOCUMENT_MAX_BYTES = DOCUMENT_MAX_MB * MB
NOMINATION_DOCUMENTS = 3
DESCRIPTION_MAX_CHARACTERS = 1000
# The honeypot: a field people never see, with a name a form-filling program is glad to fill.
HONEYPOT_FIELD = "fax_number"


def worded(text, **values) -> str:
    """A lazily translated `text` that names a limit (`%(size)s MB`), filled in when it is shown,
    in the page's language: for a form's label or help text, written when the module loads."""
    return lazy(lambda: str(text) % {"size": DOCUMENT_MAX_MB, **values}, str)()


# A form with one document, and the fields around it.
ONE_DOCUMENT = DOCUMENT_MAX_BYTES + 1 * MB
# A form with three documents, and the text around them.
THREE_DOCUMENTS = NOMINATION_DOCUMENTS * DOCUMENT_MAX_BYTES + 2 * MB

# The addresses that take uploads (by URL name), and their limit: bytes, or the name of a
# setting read at each request (SETTING_DEFAULTS when it is not set). Every other address takes
# settings.REQUEST_MAX_BYTES.
UPLOAD_LIMITS: dict[str, int | str] = {
    "nominations:nominate": "NOMINATION_MAX_REQUEST",
    "nominations:manage": "NOMINATION_MAX_REQUEST",
    "candidates:claim": THREE_DOCUMENTS,
    "candidates:document_add": ONE_DOCUMENT,
    "laureates:bank": ONE_DOCUMENT,
    "laureates:share": ONE_DOCUMENT,
    "review:import": 2 * MB,
}
SETTING_DEFAULTS = {"NOMINATION_MAX_REQUEST": THREE_DOCUMENTS}
# The documents a form takes besides those its limit counts, by URL name: a function asked only
# for a body larger than that limit (the nomination form's `file` questions, one document each;
# nominations.apps registers it: what an award asks is not core's to know).
EXTRA_DOCUMENTS: dict[str, Callable[[], int]] = {}
# The page that explains the refusal, where a form has its own (it names what the form takes).
REFUSAL_PAGES = {
    "nominations:nominate": "nominations/too_large.html",
    "nominations:manage": "nominations/too_large.html",
}
DEFAULT_PAGE = "413.html"


class BodyTooLarge(RequestDataTooBig):
    """More of the body was read than its address takes."""


class CountedBody(IOBase):
    """The request's input, counted: reading beyond `limit` bytes raises BodyTooLarge."""

    def __init__(self, stream, limit: int, on_exceeded):
        self.stream = stream
        self.limit = limit
        self.read_so_far = 0
        self.on_exceeded = on_exceeded

    def _count(self, data: bytes) -> bytes:
        self.read_so_far += len(data)
        if self.read_so_far > self.limit:
            self.on_exceeded()
            raise BodyTooLarge("The request body is larger than this address takes.")
        return data

    def read(self, size: int = -1, /) -> bytes:
        # Never more than one byte past the limit in one read: enough to know it was passed.
        room = self.limit - self.read_so_far + 1
        if size is None or size < 0 or size > room:
            size = room
        return self._count(self.stream.read(size))

    def readline(self, size: int = -1, /) -> bytes:
        room = self.limit - self.read_so_far + 1
        if size is None or size < 0 or size > room:
            size = room
        return self._count(self.stream.readline(size))

    def readable(self) -> bool:
        return True


def _view_name(request) -> str:
    try:
        return resolve(request.path_info, getattr(request, "urlconf", None)).view_name
    except Resolver404:
        return ""


def limit_for(view_name: str, declared: int = 0) -> int:
    limit = UPLOAD_LIMITS.get(view_name, settings.REQUEST_MAX_BYTES)
    limit = getattr(settings, limit, SETTING_DEFAULTS[limit]) if isinstance(limit, str) else limit
    extra = EXTRA_DOCUMENTS.get(view_name)
    if extra is not None and declared > limit:
        limit += extra() * DOCUMENT_MAX_BYTES
    return limit


def _declared_length(request) -> int | None:
    """The Content-Length, 0 when there is none; None when it is not a number we accept."""
    raw = request.META.get("CONTENT_LENGTH") or "0"
    try:
        length = int(raw)
    except ValueError:
        return None
    return length if length >= 0 else None


class RequestSizeLimit:
    """Refuses a body larger than its address takes (413), before anything reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        declared = _declared_length(request)
        view_name = ""
        limit = settings.REQUEST_MAX_BYTES
        # Only a request with a body needs to know where it is going (most are GETs).
        if declared != 0:
            view_name = _view_name(request)
            limit = limit_for(view_name, declared or 0)
        if declared is None or declared > limit:
            return self.refuse(request, view_name)
        exceeded = []
        stream = getattr(request, "_stream", None)
        if stream is not None:
            # WSGIRequest reads its body from `_stream` (the multipart parser and request.body).
            request._stream = CountedBody(stream, limit, lambda: exceeded.append(True))
        response = self.get_response(request)
        if exceeded:
            # Whatever the view or a middleware made of the cut body, the answer is this.
            return self.refuse(request, view_name or _view_name(request))
        return response

    @staticmethod
    def refuse(request, view_name: str):
        template = REFUSAL_PAGES.get(view_name, DEFAULT_PAGE)
        context = {"documents": NOMINATION_DOCUMENTS, "document_mb": DOCUMENT_MAX_MB}
        return render(request, template, context, status=413)
