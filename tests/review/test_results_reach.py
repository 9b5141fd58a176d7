"""The results are read in one cycle, by staff or that cycle's chair, and never show a reader
what concerns a candidate they have a conflict with (as table, CSV or workbook)."""

import csv
import io
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from laurel.review import services
from tests.conftest import sign_in
from tests.factories import CycleFactory
from tests.selection.helpers import chair_of, scored_committee, shared_committee

pytestmark = pytest.mark.django_db

DOWNLOADS = [
    {},
    {"format": "csv"},
    {"format": "xlsx"},
    {"table": "reviews", "format": "csv"},
    {"table": "reviews", "format": "xlsx"},
]


# Built once for the module (tests.conftest.shared_world), each test in a savepoint of its own.
world, child10, staff_user, committee = shared_committee(
    lambda cycle, staff: scored_committee(cycle, staff, count=4)
)


@pytest.fixture
def other_chair(db):
    """The chair of another award's cycle: a chair, but not of Child10."""
    return chair_of(CycleFactory(slug="another-award"), email="other.chair@example.org")


def text_of(response) -> str:
    """What a download or a page says, whatever its format."""
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        book = load_workbook(BytesIO(response.content))
        return "\n".join(
            str(value)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
    return response.content.decode("utf-8-sig")


@pytest.mark.parametrize("query", DOWNLOADS)
def test_the_chair_of_another_cycle_reads_nothing_of_this_one(
    client, child10, committee, other_chair, query
):
    sign_in(client, other_chair)

    response = client.get(reverse("review:results"), {"cycle": child10.slug, **query})

    assert response.status_code == 404
    assert committee.candidates[0].name not in response.content.decode("utf-8", "replace")


def test_the_chair_of_another_cycle_reads_their_own_by_default(client, other_chair, committee):
    sign_in(client, other_chair)

    response = client.get(reverse("review:results"))

    assert response.status_code == 200
    assert response.context["cycle"].slug == "another-award"
    assert response.context["rows"] == []


@pytest.mark.parametrize("query", DOWNLOADS)
def test_the_chair_of_the_cycle_reads_its_results(client, child10, committee, query):
    sign_in(client, committee.chair)

    response = client.get(reverse("review:results"), {"cycle": child10.slug, **query})

    assert response.status_code == 200
    assert committee.candidates[0].name in text_of(response)


@pytest.mark.parametrize("query", DOWNLOADS)
def test_a_conflicted_chair_reads_nothing_of_that_candidate(client, child10, committee, query):
    conflicted = committee.candidates[1]
    services.declare_conflict(committee.chair, conflicted, kind="employment")
    sign_in(client, committee.chair)

    response = client.get(reverse("review:results"), {"cycle": child10.slug, **query})

    assert response.status_code == 200
    text = text_of(response)
    assert conflicted.name not in text
    assert committee.candidates[2].name in text


def test_a_conflicted_chair_sees_no_reviewer_of_that_candidate_in_the_reviews(
    client, child10, committee
):
    conflicted = committee.candidates[0]  # reviewed by the chair or alice only (bob is conflicted)
    services.declare_conflict(committee.chair, conflicted, kind="employment")
    sign_in(client, committee.chair)

    response = client.get(
        reverse("review:results"), {"cycle": child10.slug, "table": "reviews", "format": "csv"}
    )

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    candidates = {row[0] for row in rows[1:]}
    assert conflicted.name not in candidates
    assert candidates == {c.name for c in committee.candidates[1:]}


def test_staff_still_read_every_candidate(staff_client, child10, committee):
    services.declare_conflict(committee.chair, committee.candidates[1], kind="employment")

    response = staff_client.get(reverse("review:results"), {"cycle": child10.slug})

    assert {row["candidate"] for row in response.context["rows"]} == set(committee.candidates)
