"""The slate's total score, less the other laureates' scores (which the conflicted chair sees),
is the score of the laureate they have a conflict with: their decision page and their copy of
the report leave the total (and what constraints cost) out (found re-probing issue 14, item 6)."""

import pytest
from django.template.defaultfilters import floatformat
from django.urls import reverse

from laurel.review import services as review
from laurel.selection import queries
from tests.selection import pages_helpers as pages
from tests.selection.pages_helpers import pdf_text, signed_in

world, child10, staff_user, committee = pages.shared_committee()  # built once for the module
drafted = pages.drafted

pytestmark = pytest.mark.django_db


def total(decision) -> str:
    """The total as the page and the report write it (floatformat rounds half up, from the
    decimal the float prints as; an f-string's rounding differs on a few totals)."""
    return str(floatformat(decision.suggestion["score"], 2))


def test_a_conflicted_chair_is_not_given_the_slates_total(client, committee, drafted, tmp_path):
    laureate = queries.places(drafted)["laureate"][0]
    review.declare_conflict(committee.chair, laureate.candidate, kind="personal")
    chair = signed_in(client, committee.chair)

    page = chair.get(reverse("selection:decision")).content.decode()
    report = " ".join(pdf_text(chair.get(reverse("selection:report")).content, tmp_path).split())

    assert "Laurel&#x27;s suggestion" not in page and total(drafted) not in page
    assert "total score" not in report and total(drafted) not in report


def test_staff_and_a_chair_without_a_conflict_see_the_total(
    client, staff_client, committee, drafted, tmp_path
):
    staff_page = staff_client.get(reverse("selection:decision")).content.decode()
    chair = signed_in(client, committee.chair)
    report = " ".join(pdf_text(chair.get(reverse("selection:report")).content, tmp_path).split())

    assert total(drafted) in staff_page
    assert f"total score of {total(drafted)}" in report
