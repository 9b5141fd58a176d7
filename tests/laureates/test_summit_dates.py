"""Found walking the staff area (issue 17): the summit page wrote Swedish months with a capital
("15 Okt"), as Django's short month does; dates read as each language writes them."""

import pytest
from django.urls import reverse
from django.utils import translation

from laurel.cycles.enums import Phase
from laurel.laureates import services
from tests.factories import ContactFactory, LaureateFactory, in_phase
from tests.scenarios import delegate_values, summit_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def laureate(child10, staff_user):
    """An accepted laureate with a contact, from the factories, and the summit defined."""
    made = LaureateFactory(cycle=child10, candidate__organisation__country="PL")
    in_phase(child10, Phase.PROGRAMME)
    ContactFactory(laureate=made, email="office@dzieci.pl")
    services.define_summit(child10, values=summit_values(), actor=staff_user)
    return made


@pytest.mark.parametrize(
    ("language", "stay"),
    [("sv", "15 oktober–19 oktober"), ("en", "15 October–19 October")],
)
def test_the_staff_summit_page_writes_the_stay_as_the_language_does(
    laureate,
    staff_client,
    language,
    stay,
):
    services.register_delegate(laureate, values=delegate_values(), actor=None)
    with translation.override(language):
        page = staff_client.get(reverse("laureates:staff_summit")).content.decode()

    assert page.count(stay) == 2  # the delegates' table and the rooms
    assert "Okt" not in page
