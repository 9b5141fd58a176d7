"""The results table: sorted through an allowlist, the same queries for any size, XLSX."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from laurel.cycles.enums import Phase
from laurel.review import services
from tests.conftest import enrol_totp, sign_in
from tests.factories import RoleGrantFactory, UserFactory, in_phase
from tests.scenarios import member, open_review, ready

pytestmark = pytest.mark.django_db


def test_the_results_table_costs_the_same_queries_for_one_and_many(
    staff_client, staff_user, child10, queries_for_one_and_many
):
    from laurel.review.models import Review

    people = [member(child10, f"m{n}@example.org") for n in range(3)]
    made = []

    def add(count):
        for _ in range(count):
            number = len(made)
            candidate = ready(
                child10, f"Organisation {number} Ljus", website=f"https://o{number}.se",
                staff=staff_user,
            )  # fmt: skip
            made.append(candidate)
            for person in people:
                Review.objects.create(
                    cycle=child10, candidate=candidate, member=person, state="submitted",
                    scores={"1": 3, "2": 4, "3": 2, "4": 5}, recommendation="yes",
                )  # fmt: skip

    one, many = queries_for_one_and_many(
        lambda: staff_client.get(reverse("review:results")), add, many=8
    )

    assert one == many


def test_the_results_sort_through_an_allowlist_and_export(staff_client, staff_user, child10):
    people = [member(child10, f"m{n}@example.org") for n in range(3)]
    strong = ready(child10, "Strong Org", website="https://strong.se", staff=staff_user)
    weak = ready(child10, "Weak Org", website="https://weak.se", staff=staff_user)
    in_phase(child10, Phase.SCREENING)
    services.propose_assignment(child10, actor=staff_user, k=3)
    services.publish_assignment(child10, actor=staff_user)
    open_review(child10)
    for person in people:
        for candidate, score in ((strong, 5), (weak, 2)):
            services.save_review(
                person, candidate, scores={str(n): score for n in range(1, 5)}, comments={},
                recommendation="yes", submit=True,
            )  # fmt: skip

    page = staff_client.get(reverse("review:results"), {"sort": "__import__"})
    by_name = staff_client.get(reverse("review:results"), {"sort": "name"})
    workbook = staff_client.get(reverse("review:results"), {"format": "xlsx"})

    assert [r["candidate"] for r in page.context["rows"]] == [strong, weak]
    assert [r["candidate"] for r in by_name.context["rows"]] == [strong, weak]
    book = load_workbook(BytesIO(workbook.content))
    assert book.sheetnames == ["Results", "Reviews", "Agreement"]
    assert book["Results"]["A2"].value == "Strong Org"
    assert book["Reviews"].max_row == 1 + 6


def test_the_chair_reads_the_results_and_a_member_does_not(client, child10):
    chair = UserFactory(email="chair@example.org")
    RoleGrantFactory(user=chair, role="committee_chair", cycle=child10)
    enrol_totp(chair)
    plain_member = member(child10, "m@example.org")

    sign_in(client, chair)
    assert client.get(reverse("review:results")).status_code == 200
    sign_in(client, plain_member)
    assert client.get(reverse("review:results")).status_code == 404


def test_the_results_sort_by_a_criterion_s_mean(staff_client, staff_user, child10):
    from laurel.review.models import Review

    people = [member(child10, f"m{n}@example.org") for n in range(2)]
    first = ready(child10, "First Org", website="https://first.se", staff=staff_user)
    second = ready(child10, "Second Org", website="https://second.se", staff=staff_user)
    for person in people:
        for candidate, scores in ((first, {"1": 5, "2": 1}), (second, {"1": 1, "2": 5})):
            Review.objects.create(
                cycle=child10, candidate=candidate, member=person, state="submitted",
                scores={**scores, "3": 3, "4": 3}, recommendation="yes",
            )  # fmt: skip

    by_first = staff_client.get(reverse("review:results"), {"sort": "mean_1"})
    by_second = staff_client.get(reverse("review:results"), {"sort": "median_2"})

    assert [r["candidate"] for r in by_first.context["rows"]] == [first, second]
    assert [r["candidate"] for r in by_second.context["rows"]] == [second, first]
