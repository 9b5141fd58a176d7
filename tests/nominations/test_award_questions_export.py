"""The staff download of nominations has a column for each of the award's own questions (issue
20), headed by its key, the answers as stored; an answer that is personal data stays out, as
the nominators' contact details do."""

import csv
from io import BytesIO, StringIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.candidates.helpers import confirmed
from tests.conftest import make_user, sign_in
from tests.scenarios import (
    ANSWERS_OF_EACH_KIND,
    QUESTIONS_OF_EACH_KIND,
    STAFF_ONLY,
    VISIBILITY_ANSWERS,
    asking,
)

pytestmark = pytest.mark.django_db
COLUMNS = [
    "network", "approach", "concerns", "founders", "platforms", "staff", "online_since",
    "based_in",
]  # fmt: skip


def rows_of(response) -> list[list[str]]:
    if response["Content-Type"].startswith("text/csv"):
        return list(csv.reader(StringIO(response.content.decode("utf-8")[1:])))
    sheet = load_workbook(BytesIO(response.content)).active
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def cycle(db):
    cycle = asking(QUESTIONS_OF_EACH_KIND)
    confirmed(cycle, "Ljus", questions=ANSWERS_OF_EACH_KIND)
    confirmed(cycle, "Trygga Nätet")  # answered none of them
    return cycle


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_each_question_not_personal_is_a_column_headed_by_its_key(staff_client, cycle, fmt):
    response = staff_client.get(reverse("nominations:staff_list"), {"format": fmt})

    assert response.status_code == 200
    header, *rows = rows_of(response)
    assert header[-len(COLUMNS) :] == COLUMNS
    by_name = {row[2]: dict(zip(header, row, strict=True)) for row in rows}
    ljus = {key: by_name["Ljus"][key] for key in COLUMNS}
    assert ljus == {
        "network": "yes",
        "approach": "Moderators answer chats at night.",
        "concerns": VISIBILITY_ANSWERS["concerns"],  # staff only: staff download it
        "founders": "Two teachers from Malmö",  # retired: its answers stay
        "platforms": "games, social",
        "staff": "12",
        "online_since": "2014-03-01" if fmt == "csv" else "2014-03-01 00:00:00",
        "based_in": "SE",
    }
    assert {key: by_name["Trygga Nätet"][key] for key in COLUMNS} == dict.fromkeys(COLUMNS, "")
    # Personal data: no column, no answer.
    assert "referee" not in header
    assert "Greta Lind" not in str(rows)


@pytest.mark.parametrize("role", ["committee", "finance"])
def test_no_other_role_downloads_the_answers(client, cycle, role):
    sign_in(client, make_user(role, cycle=cycle))

    response = client.get(reverse("nominations:staff_list"), {"format": "csv"})

    assert response.status_code == 404
    assert STAFF_ONLY.encode() not in response.content


def test_the_download_issues_the_same_queries_for_one_and_many(
    staff_client, cycle, queries_for_one_and_many
):
    def add(n):
        for number in range(n):
            confirmed(cycle, f"Organisation {number}", questions=ANSWERS_OF_EACH_KIND)

    one, many = queries_for_one_and_many(
        lambda: staff_client.get(reverse("nominations:staff_list"), {"format": "csv"}), add
    )

    assert one == many
