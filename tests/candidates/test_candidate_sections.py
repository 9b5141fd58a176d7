"""The candidate page in sections (issue 19 §3): a form refused over htmx comes back as its
section alone, in fewer queries than the page; without JavaScript the whole page comes back,
the error next to its field; a form done over htmx sends the browser to the page it names."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from laurel.candidates.enums import DiligenceArea
from laurel.candidates.models import CandidateNote, DiligenceCheck, MergeRecord, Placement
from tests.candidates.helpers import confirmed
from tests.factories import in_phase

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture
def candidate(child10):
    return Placement.objects.get(nomination=confirmed(child10, "Stiftelsen Ljus")).candidate


def diligence_concern_without_note() -> dict:
    data = {}
    for area in DiligenceArea.values:
        data |= {f"{area}-status": "not_started", f"{area}-committee_note": "", f"{area}-notes": ""}
    return data | {"finances-status": "concern", "finances-notes": "Deficit two years running."}


# (section, the view's URL name, what the form sends that it refuses, the field named)
REFUSED = [
    ("notes", "candidates:note", lambda candidate: {"text": ""}, "id_text"),
    ("screening", "candidates:tag", lambda candidate: {"kinds": ["no-such-kind"]}, None),
    ("merge", "candidates:merge", lambda candidate: {"target": candidate.pk}, "id_target"),
    ("contact", "candidates:contact", lambda candidate: {"email": "not an address"}, None),
    ("documents", "candidates:document_add", lambda candidate: {"kind": "statutes"}, None),
    (
        "diligence",
        "candidates:diligence",
        lambda candidate: diligence_concern_without_note(),
        "diligence_finances-committee_note",
    ),
]


def section_of(page: str, anchor: str) -> str:
    section = page[page.index(f'<section aria-labelledby="{anchor}">') :]
    return section[: section.index("</section>")]


def post(client, url, data, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data, headers=headers)
    return response, len(queries)


@pytest.mark.parametrize(("section", "name", "data", "field"), REFUSED)
def test_a_form_refused_over_htmx_comes_back_as_its_section_in_fewer_queries(
    staff_client, candidate, section, name, data, field
):
    url = reverse(name, args=[candidate.pk])
    whole, page_queries = post(staff_client, url, data(candidate))
    alone, section_queries = post(staff_client, url, data(candidate), **HTMX)
    part = alone.content.decode()

    assert whole.status_code == alone.status_code == 400
    anchor = section.replace("_", "-")
    assert part.lstrip().startswith(f'<section aria-labelledby="{anchor}">')
    assert part.count("<section") - part.count('<section class="card') == 1
    assert "<html" not in part and 'class="page-index"' not in part
    assert 'aria-invalid="true"' in part
    if field:
        assert re.search(rf'id="{field}"[^>]*aria-invalid="true"', part) or re.search(
            rf'aria-invalid="true"[^>]*id="{field}"', part
        )
    # What was refused is drawn the same way in the section and in the whole page.
    assert (
        section_of(part, anchor).split("csrfmiddlewaretoken")[0]
        == section_of(whole.content.decode(), anchor).split("csrfmiddlewaretoken")[0]
    )
    assert section_queries < page_queries


def test_without_javascript_a_refused_form_shows_the_whole_page_with_the_error_at_its_field(
    staff_client, candidate
):
    response = staff_client.post(reverse("candidates:note", args=[candidate.pk]), {"text": ""})
    page = response.content.decode()

    assert response.status_code == 400
    assert "<html" in page and 'class="page-index"' in page
    for anchor in ("summary", "screening", "nominations", "diligence", "notes", "history"):
        assert f'<h2 id="{anchor}">' in page, anchor
    notes = section_of(page, "notes")
    textarea = re.search(r"<textarea[^>]*>", notes).group(0)
    assert 'aria-invalid="true"' in textarea
    error_id = re.search(r'aria-describedby="([^"]*_error)"', textarea).group(1)
    assert f'id="{error_id}"' in notes
    assert "This field is required." in notes
    assert not CandidateNote.objects.exists()


def test_a_service_refusal_over_htmx_is_a_409_section_saying_why(staff_client, child10, candidate):
    in_phase(child10, "decided")

    response = staff_client.post(
        reverse("candidates:diligence", args=[candidate.pk]),
        diligence_concern_without_note()
        | {"finances-status": "satisfactory", "finances-notes": "Late finding."},
        headers=HTMX,
    )
    part = response.content.decode()

    assert response.status_code == 409
    assert part.lstrip().startswith('<section aria-labelledby="diligence">')
    assert 'class="form-errors" role="alert"' in part
    assert "Late finding." in part
    assert not DiligenceCheck.objects.exists()


def test_a_form_done_over_htmx_reloads_its_page_at_its_section(staff_client, candidate):
    page = reverse("candidates:detail", args=[candidate.pk])

    response = staff_client.post(
        reverse("candidates:note", args=[candidate.pk]),
        {"text": "Called the chair."},
        headers=HTMX | {"HX-Current-URL": f"http://testserver{page}"},
    )

    # The same page, another #section: a reload, or the browser would only scroll.
    assert response.status_code == 200
    assert response["HX-Redirect"] == f"{page}#notes"
    assert response["HX-Refresh"] == "true"
    assert CandidateNote.objects.get().text == "Called the chair."
    # The message waits for that page, in its section.
    shown = staff_client.get(page).content.decode()
    assert "The note is added." in section_of(shown, "notes")


def test_a_merge_done_over_htmx_goes_to_the_kept_candidate_s_page(staff_client, child10, candidate):
    target = Placement.objects.get(nomination=confirmed(child10, "Röst")).candidate
    page = reverse("candidates:detail", args=[candidate.pk])

    response = staff_client.post(
        reverse("candidates:merge", args=[candidate.pk]),
        {"target": target.pk},
        headers=HTMX | {"HX-Current-URL": f"http://testserver{page}"},
    )

    assert response["HX-Redirect"] == reverse("candidates:detail", args=[target.pk])
    assert "HX-Refresh" not in response
    assert MergeRecord.objects.get().target == target


def test_a_form_without_htmx_still_redirects(staff_client, candidate):
    response = staff_client.post(
        reverse("candidates:note", args=[candidate.pk]), {"text": "Called the chair."}
    )

    assert response.status_code == 302
    assert "HX-Redirect" not in response
