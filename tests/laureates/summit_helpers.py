"""The summit: a laureate with the summit defined, a delegate needing a visa, passport data
given, and the delegate form as a contact posts it."""

from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from laurel.cycles.enums import Phase
from laurel.laureates import services
from laurel.laureates.models import Contact, Laureate
from tests.conftest import sign_in
from tests.factories import in_phase, laureate_contact
from tests.scenarios import delegate_values, ready, summit_values


@pytest.fixture
def laureate(child10, staff_user):
    candidate = ready(
        child10, "Fundacja Dzieci", country="PL", website="https://dzieci.pl", staff=staff_user
    )
    laureate = Laureate.objects.create(
        cycle=child10, candidate=candidate, accepted_at=timezone.now()
    )
    in_phase(child10, Phase.PROGRAMME)
    Contact.objects.create(laureate=laureate, email="office@dzieci.pl", language="en")
    services.define_summit(child10, values=summit_values(), actor=staff_user)
    return laureate


@pytest.fixture
def visa_delegate(laureate):
    return services.register_delegate(
        laureate,
        values=delegate_values(needs_visa=True, full_name="Olena Shevchenko"),
        actor=None,
    )


def give(delegate, **changes):
    values = {
        "passport_number": "FT123456", "nationality": "UA",
        "date_of_birth": date(1985, 4, 2), "passport_expires_on": date(2033, 1, 1),
    } | changes  # fmt: skip
    return services.give_passport_data(delegate, actor=None, **values)


@pytest.fixture
def contact(laureate):
    user = laureate_contact(laureate.cycle, "office@dzieci.pl")
    client = Client()
    sign_in(client, user)
    return client


def as_form(values: dict) -> dict:
    return {k: ("on" if v is True else "" if v is False else str(v)) for k, v in values.items()}
