"""Found walking the staff area (issue 17): the summit page wrote Swedish months with a capital
("15 Okt"), as Django's short month does; dates read as each language writes them."""

import pytest
from django.urls import reverse
from django.utils import translation

from laurel.laureates import services
from tests.laureates.summit_helpers import laureate  # noqa: F401
from tests.scenarios import delegate_values

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "stay"),
    [("sv", "15 oktober–19 oktober"), ("en", "15 October–19 October")],
)
def test_the_staff_summit_page_writes_the_stay_as_the_language_does(
    laureate,  # noqa: F811
    staff_client,
    language,
    stay,
):
    services.register_delegate(laureate, values=delegate_values(), actor=None)
    with translation.override(language):
        page = staff_client.get(reverse("laureates:staff_summit")).content.decode()

    assert page.count(stay) == 2  # the delegates' table and the rooms
    assert "Okt" not in page
