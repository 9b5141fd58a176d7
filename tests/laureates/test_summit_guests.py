"""The summit's guest list (issue 17, item 10): through core.tables, headers in the staff
member's language, yes/no, and the emergency contacts, diets and access needs the venue needs,
for staff only."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from laurel.laureates import services
from laurel.laureates.models import Delegate
from tests.conftest import make_user, sign_in
from tests.laureates.summit_helpers import laureate  # noqa: F401
from tests.scenarios import delegate_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def guests(laureate, staff_user):  # noqa: F811
    coming = services.register_delegate(
        laureate,
        values=delegate_values(
            dietary="Halal", dietary_consent=True, accessibility="Step-free room",
            accessibility_consent=True, needs_visa=True,
        ),
        actor=None,
    )  # fmt: skip
    services.confirm_delegate(coming, actor=staff_user)
    withdrawn = services.register_delegate(
        laureate,
        values=delegate_values(full_name="Piotr Nowak", needs_room=False, phone="+48 2"),
        actor=None,
    )
    services.withdraw_delegate(withdrawn, actor=None)
    Delegate.objects.create(
        laureate=laureate,
        **delegate_values(full_name="Ola Nowak", dietary="Vegan", needs_room=False),
    )
    return laureate


def table(client) -> list[list[str]]:
    response = client.get(reverse("laureates:guests_csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_guest_list_reads_as_people_write(guests, staff_client):
    rows = table(staff_client)

    assert rows[0] == [
        "Laureate", "Full name, as in the passport", "Role", "Email", "Phone", "State",
        "Travelling from", "Arrives", "Leaves", "Travel booked by", "Hotel room", "Nights",
        "Dietary needs", "Accessibility needs", "Interpretation", "Emergency contact",
        "Visa letter",
    ]  # fmt: skip
    assert rows[1:] == [
        [
            "Fundacja Dzieci", "Maria Kowalska", "Director", "maria@fundacja.pl",
            "'+48 600 000 000", "Confirmed", "Warsaw, Poland", "2030-10-15", "2030-10-19",
            "The organiser books and pays", "yes", "4", "Halal", "Step-free room", "",
            "Jan Kowalski, +48 600 000 001", "waiting for passport data",
        ],
        # Needs kept without the delegate's consent are left out; a withdrawn delegate too.
        [
            "Fundacja Dzieci", "Ola Nowak", "Director", "maria@fundacja.pl",
            "'+48 600 000 000", "Registered", "Warsaw, Poland", "2030-10-15", "2030-10-19",
            "The organiser books and pays", "no", "", "", "", "",
            "Jan Kowalski, +48 600 000 001", "not needed",
        ],
    ]  # fmt: skip
    assert "True" not in str(rows) and "False" not in str(rows)


def test_the_guest_list_in_swedish(guests, staff_client):
    with translation.override("sv"):
        rows = table(staff_client)

    assert rows[0][:6] == ["Pristagare", "Fullständigt namn, som i passet", "Roll", "E-post",
                           "Telefon", "Status"]  # fmt: skip
    assert rows[0][10:] == [
        "Hotellrum", "Nätter", "Kostbehov", "Tillgänglighetsbehov", "Tolkning", "Nödkontakt",
        "Visumbrev",
    ]  # fmt: skip
    assert [row[10] for row in rows[1:]] == ["ja", "nej"]


@pytest.mark.parametrize("role", ["anonymous", "committee", "finance", "laureate"])
def test_only_staff_get_the_guest_list(guests, role):
    user = make_user(role, cycle=guests.cycle)
    client = Client()
    if user is not None:
        sign_in(client, user)

    response = client.get(reverse("laureates:guests_csv"))

    assert response.status_code in (302, 404)
    assert b"Halal" not in response.content and b"Jan Kowalski" not in response.content


def test_the_laureates_own_contact_does_not_get_the_guest_list(guests):
    from tests.factories import laureate_contact

    contact = laureate_contact(guests.cycle, "office@dzieci.pl")
    client = Client()
    sign_in(client, contact)

    response = client.get(reverse("laureates:guests_csv"))

    assert response.status_code == 404


def test_the_guest_list_costs_the_same_queries_for_one_and_many(
    laureate,  # noqa: F811
    staff_client,
    queries_for_one_and_many,
):
    from datetime import date

    def add(count):
        for number in range(count):
            delegate = Delegate.objects.create(
                laureate=laureate,
                **delegate_values(full_name=f"Guest {Delegate.objects.count()}", needs_visa=True),
            )
            if number % 2:  # some with a visa request, some waiting for one
                services.give_passport_data(
                    delegate, passport_number="FT1", nationality="UA",
                    date_of_birth=date(1990, 1, 1), passport_expires_on=date(2035, 1, 1),
                    actor=None,
                )  # fmt: skip

    one, many = queries_for_one_and_many(
        lambda: staff_client.get(reverse("laureates:guests_csv")), add, many=6
    )

    assert one == many
    assert len(table(staff_client)) == 1 + 7
