"""The review exports and the results page (issue 17, item 4): every review's comments and its
overall comment, recommendations in words, criteria by their names from the award file,
members by name; the XLSX has a frozen header row with filters. A reader with a conflict gets
nothing of that candidate's reviews."""

import csv
import io
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from laurel.review import services
from laurel.review.models import Review
from tests.conftest import sign_in
from tests.review.helpers import setting  # noqa: F401 (a fixture)
from tests.selection.helpers import chair_of

pytestmark = pytest.mark.django_db

SCORES = {"1": 4, "2": 3, "3": 5, "4": 2}
CRITERION_1 = "1. Brave, tireless and effective work"


@pytest.fixture
def reviewed(setting):  # noqa: F811
    candidate, people = setting
    for number, person in enumerate(people):
        person.full_name = f"Member {'ABC'[number]} Lund"
        person.save(update_fields=["full_name"])
        services.save_review(
            person,
            candidate,
            scores=SCORES,
            comments={"1": f"Steady helpline ({number}).", "2": "Rights first."},
            recommendation="strong_yes" if number == 0 else "maybe",
            overall=f"Overall view {number}.",
            submit=True,
        )
    return candidate, people


def reviews_workbook(client, **extra):
    response = client.get(reverse("review:results"), {"format": "xlsx", **extra})
    assert response.status_code == 200
    return load_workbook(BytesIO(response.content))


def test_the_workbook_names_criteria_members_and_recommendations(staff_client, reviewed):
    _candidate, _people = reviewed

    book = reviews_workbook(staff_client)

    assert book.sheetnames == ["Results", "Reviews", "Agreement"]
    sheet = book["Reviews"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Candidate", "Member", "Recommendation", "Abstained"]
    assert header[4:6] == [f"{CRITERION_1}, score", f"{CRITERION_1}, comment"]
    assert header[-1] == "Overall comment"
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert sorted(row[1] for row in rows) == ["Member A Lund", "Member B Lund", "Member C Lund"]
    assert sorted(row[2] for row in rows) == [
        "A laureate without doubt",
        "Could be a laureate",
        "Could be a laureate",
    ]
    first = next(row for row in rows if row[1] == "Member A Lund")
    assert first[4:6] == [4, "Steady helpline (0)."]
    assert first[-1] == "Overall view 0."
    assert not any("strong_yes" in str(value) for row in rows for value in row)
    assert [c.value for c in book["Results"][1]][5] == f"{CRITERION_1}, mean"


def test_every_sheet_has_a_frozen_header_row_and_filters(staff_client, reviewed):
    book = reviews_workbook(staff_client)
    reviews_only = reviews_workbook(staff_client, table="reviews")

    for sheet in [*book.worksheets, *reviews_only.worksheets]:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == sheet.dimensions
        assert sheet["A1"].font.bold


def test_the_reviews_csv_has_the_comments_and_labels(staff_client, reviewed):
    response = staff_client.get(reverse("review:results"), {"format": "csv", "table": "reviews"})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][4:6] == [f"{CRITERION_1}, score", f"{CRITERION_1}, comment"]
    by_member = {row[1]: row for row in rows[1:]}
    assert by_member["Member B Lund"][2] == "Could be a laureate"
    assert by_member["Member B Lund"][5] == "Steady helpline (1)."
    assert by_member["Member B Lund"][-1] == "Overall view 1."


def test_the_results_page_names_criteria_and_reviewers(staff_client, reviewed):
    page = staff_client.get(reverse("review:results")).content.decode()

    assert f"{CRITERION_1}: mean / median" in page
    assert "Criterion 1" not in page
    assert "Member A Lund" in page
    assert "m0@example.org" not in page


def test_the_workbook_in_swedish(client, staff_user, reviewed):
    sign_in(client, staff_user)

    response = client.get("/sv/staff/review/results/", {"format": "xlsx", "table": "reviews"})

    header = [c.value for c in load_workbook(BytesIO(response.content)).active[1]]
    assert header[:3] == ["Kandidat", "Ledamot", "Rekommendation"]
    assert header[4] == "1. Modigt, outtröttligt och effektivt arbete, poäng"


def test_a_conflicted_chair_gets_no_comment_of_that_candidate(client, child10, reviewed):
    candidate, _people = reviewed
    chair = chair_of(child10, email="chair@example.org")
    services.declare_conflict(chair, candidate, kind="board")
    sign_in(client, chair)

    book = reviews_workbook(client)
    text = "\n".join(
        str(v) for s in book.worksheets for row in s.iter_rows(values_only=True) for v in row
    )

    assert Review.objects.filter(candidate=candidate).count() == 3
    assert "Steady helpline" not in text
    assert "Overall view" not in text
