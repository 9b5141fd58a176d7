"""Found walking the nominee's consent page on a phone (issue 16, items 13 and 14): the
secretariat's address, given as the way to check the request is genuine and to ask questions,
is a link the organisation can tap, in sv and en, before and after answering."""

from datetime import timedelta

import pytest
from django.utils import timezone

from laurel.candidates import services
from laurel.candidates.models import Placement
from tests.candidates.helpers import confirmed
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

MAILTO = '<a href="mailto:award@child10.org">award@child10.org</a>'


def _invitation(child10) -> str:
    nomination = confirmed(child10, "Trygga Nätet", website="trygga.se")
    candidate = Placement.objects.get(nomination=nomination).candidate
    return services.invite_organisation(
        candidate,
        email="info@trygga.se",
        language="sv",
        deadline=timezone.now() + timedelta(days=14),
        actor=make_user("staff"),
    )


@pytest.mark.parametrize(
    ("language", "ask"), [("en", "Or ask the secretariat at"), ("sv", "sekretariatet på")]
)
def test_the_genuineness_box_links_to_the_secretariats_address(client, child10, language, ask):
    token = _invitation(child10)

    html = client.get(f"/{language}/organisation/{token}/").content.decode()

    box = html[html.index(ask) :]
    assert box[len(ask) :].lstrip().startswith(MAILTO)


def test_the_receipt_links_to_the_secretariats_address(client, child10):
    token = _invitation(child10)

    answered = client.post(f"/en/organisation/{token}/", {"consent": "yes"}, follow=True)

    html = answered.content.decode()
    assert "Questions? Write to the secretariat at " + MAILTO in html
