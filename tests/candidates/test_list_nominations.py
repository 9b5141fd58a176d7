"""The staff nominations list: each row leads to the nomination, found by organisation,
nominator or reference."""

import pytest
from django.urls import reverse

from laurel.candidates.models import Placement
from tests.candidates.helpers import confirmed

pytestmark = pytest.mark.django_db


def listed(staff_client, **params) -> list[str]:
    response = staff_client.get(reverse("nominations:staff_list"), params)
    return sorted(n.org_name for n in response.context["page"])


def test_the_nominations_list_searches_organisation_nominator_and_reference(staff_client, child10):
    ljus = confirmed(child10, "Ljus i Mörkret", email="anna.berg@example.org")
    confirmed(child10, "Röst", email="olle@example.org")

    assert listed(staff_client, q="mörk") == ["Ljus i Mörkret"]
    assert listed(staff_client, q="Anna.Berg") == ["Ljus i Mörkret"]
    assert listed(staff_client, q=ljus.nominator_name) == ["Ljus i Mörkret"]
    assert listed(staff_client, q=ljus.reference.lower()) == ["Ljus i Mörkret"]
    assert listed(staff_client, q="  ") == ["Ljus i Mörkret", "Röst"]
    assert listed(staff_client, q="nobody") == []
    assert listed(staff_client, q="röst", show="unconfirmed") == []


def test_each_nomination_row_links_to_the_nomination_s_page(staff_client, child10):
    nomination = confirmed(child10, "Ljus")
    candidate = Placement.objects.get(nomination=nomination).candidate

    page = staff_client.get(reverse("nominations:staff_list")).content.decode()
    url = reverse("candidates:nomination", args=[candidate.pk, nomination.pk])

    assert f'<a href="{url}">{nomination.reference}</a>' in page
    assert staff_client.get(url).status_code == 200


def test_a_search_keeps_the_filter_and_the_filters_keep_the_search(staff_client, child10):
    confirmed(child10, "Ljus")

    page = staff_client.get(
        reverse("nominations:staff_list"), {"q": "Ljus & co", "show": "confirmed"}
    ).content.decode()

    assert '<input type="hidden" name="show" value="confirmed">' in page
    assert 'href="?show=held&amp;q=Ljus%20%26%20co"' in page


def test_the_linked_list_costs_the_same_queries_for_one_and_many(
    staff_client, child10, queries_for_one_and_many
):
    names = iter(f"Organisation {number}" for number in range(40))

    def add(count):
        for _ in range(count):
            confirmed(child10, next(names))

    one, many = queries_for_one_and_many(
        lambda: staff_client.get(reverse("nominations:staff_list"), {"q": "Organisation"}),
        add,
        many=8,
    )

    assert one == many
