"""A request body larger than its address takes is refused before it is read (core.limits)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.exception import convert_exception_to_response
from django.http import HttpResponse
from django.test import RequestFactory

from laurel.core.limits import RequestSizeLimit
from laurel.nominations.models import Nomination
from tests.nominations.helpers import PDF, complete_post
from tests.scenarios import NOMINATE, new_token

pytestmark = pytest.mark.django_db
BOUNDARY = "laurel-test-boundary"
MB = 1024 * 1024


class HugeUpload:
    """A multipart body that claims one huge file, made up as it is read; counts what was read.
    It ends after `actual` bytes, whatever the request declared."""

    def __init__(self, actual: int):
        self.head = (
            f"--{BOUNDARY}\r\n"
            'Content-Disposition: form-data; name="attachments"; filename="big.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        self.actual = actual
        self.read_so_far = 0

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            size = self.actual
        size = min(size, self.actual - self.read_so_far)
        start, self.read_so_far = self.read_so_far, self.read_so_far + size
        head = self.head[start : start + size]
        return head + b"0" * (size - len(head))

    def readline(self, size: int = -1) -> bytes:
        return self.read(size)


def post_declaring(client, path: str, body: HugeUpload, declared: int):
    return client.generic(
        "POST",
        path,
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
        CONTENT_LENGTH=str(declared),
        **{"wsgi.input": body},
    )


def test_a_300_megabyte_nomination_is_refused_before_any_of_it_is_read(client, child10):
    body = HugeUpload(actual=5 * MB)

    response = post_declaring(client, NOMINATE, body, declared=300 * MB)

    assert response.status_code == 413
    assert "larger than the form accepts" in response.content.decode()
    assert body.read_so_far == 0
    assert Nomination.objects.count() == 0


def test_the_refusal_is_in_the_pages_language(client, child10):
    response = post_declaring(client, "/sv/nominate/", HugeUpload(actual=MB), declared=300 * MB)

    assert response.status_code == 413
    assert "För mycket på en gång" in response.content.decode()


def test_an_address_without_uploads_takes_only_a_small_body(client, db):
    body = HugeUpload(actual=5 * MB)

    response = post_declaring(client, "/en/accounts/login/", body, declared=5 * MB)

    assert response.status_code == 413
    assert "larger than this page accepts" in response.content.decode()
    assert body.read_so_far == 0


def test_a_body_longer_than_its_limit_is_cut_while_it_is_read(settings):
    """A server that hands over a body without a length (chunked): reading stops at the limit."""
    settings.REQUEST_MAX_BYTES = 64 * 1024
    request = RequestFactory().post("/en/accounts/login/", data={})
    body = HugeUpload(actual=5 * MB)
    request.META["CONTENT_LENGTH"] = ""
    request._stream = body
    seen = []

    def view(request):
        # A view that streams the body, as a WSGI server that allows chunked bodies hands it over.
        seen.append(sum(len(chunk) for chunk in iter(lambda: request.read(8192), b"")))
        return HttpResponse("read")

    # As Django's handler calls it: the view's exception becomes a response on the way out.
    response = RequestSizeLimit(convert_exception_to_response(view))(request)

    assert response.status_code == 413
    assert body.read_so_far <= 64 * 1024 + 1
    assert seen == []


def test_a_nomination_with_a_large_document_still_goes_through(client, child10):
    token = new_token(client)
    document = SimpleUploadedFile("report.pdf", PDF + b"0" * (9 * MB), "application/pdf")

    response = client.post(
        NOMINATE, complete_post(child10, token, action="save", attachments=[document])
    )

    assert response.status_code == 302
    assert Nomination.objects.get().attachments.count() == 1


@pytest.mark.parametrize(
    ("declared", "status"),
    [(20 * MB, 404), (40 * MB, 413)],  # an unknown link is 404 once the view runs
)
def test_the_organisations_form_takes_three_documents_and_no_more(client, db, declared, status):
    body = HugeUpload(actual=MB)

    response = post_declaring(client, "/en/organisation/no-such-link/", body, declared=declared)

    assert response.status_code == status


def test_more_form_text_than_django_reads_is_told_as_too_much_not_a_bare_400(client, child10):
    """The nomination form takes a large body for its documents, but Django reads at most
    DATA_UPLOAD_MAX_MEMORY_SIZE of form text: an answer pasted over and over passes the first
    limit and not the second, and is told so on the site's page, in the page's language."""
    data = complete_post(child10, new_token(client))
    data["answer_1"] = "Pasted again and again. " * 90_000  # 2.2 MB

    response = client.post("/sv/nominate/", data)

    assert response.status_code == 413
    page = response.content.decode()
    assert "För mycket på en gång" in page
    assert '<html lang="sv"' in page
    assert Nomination.objects.count() == 0


def test_a_request_django_cannot_read_gets_the_sites_page(client, db, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10

    response = client.post("/en/accounts/login/", {f"field{n}": "x" for n in range(11)})

    assert response.status_code == 400
    page = response.content.decode()
    assert "<h1>The request could not be read</h1>" in page
    assert "Go to the start page" in page
