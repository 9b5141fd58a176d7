"""Dates on the public pages in the page's language (a helper's walk in German and Polish):
the call's deadline read "1 Februar 2027" (German writes the day with a full stop) and
"1 Luty 2027" (Polish names the month of a day in the genitive), the month of the
announcement "Czerwiec 2027" and the committee's months "Marzec 2027 – Maj 2027" (a Polish
month is written small), the private link's "Eingereicht 7 Dezember 2026"."""

import html
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import translate_url
from django.utils.html import strip_tags

from laurel.cycles.models import Cycle
from tests.nominations.helpers import submitted_nomination, urls

pytestmark = pytest.mark.django_db
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def text_of(response) -> str:
    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


@pytest.fixture
def dated(child10):
    Cycle.objects.filter(pk=child10.pk).update(
        nominations_close_at=datetime(2027, 2, 1, 23, 59, tzinfo=STOCKHOLM),
        review_open_at=datetime(2027, 3, 1, 9, 0, tzinfo=STOCKHOLM),
        review_close_at=datetime(2027, 5, 14, 23, 59, tzinfo=STOCKHOLM),
        decision_at=datetime(2027, 6, 29, 10, 0, tzinfo=STOCKHOLM),
    )
    return child10


@pytest.mark.parametrize(
    ("language", "deadline", "months", "wrong"),
    [
        ("de", "1. Februar 2027, 23:59 (CET)", ("Juni 2027", "März 2027", "Mai 2027"), ("1 Feb",)),
        (
            "pl",
            "1 lutego 2027, 23:59 (CET)",
            ("czerwiec 2027", "marzec 2027", "maj 2027"),
            ("Luty", "Czerwiec", "Marzec", "Maj 2027"),
        ),
        (
            "uk",
            "01 лютого 2027 р., 23:59 (CET)",
            ("червень 2027", "березень 2027", "травень 2027"),
            ("Лютий", "Червень", "Березень"),
        ),
        ("fr", "1 février 2027, 23:59 (CET)", ("juin 2027", "mars 2027", "mai 2027"), ("Juin",)),
        ("en", "1 February 2027, 23:59 (CET)", ("June 2027", "March 2027", "May 2027"), ()),
    ],
)
def test_the_calls_dates_are_written_as_the_pages_language_writes_them(
    client, dated, language, deadline, months, wrong
):
    page = text_of(client.get(f"/{language}/"))

    assert page.count(deadline) == 2  # at a glance, and the key dates
    assert [month for month in months if month not in page] == []
    assert [text for text in wrong if text in page] == []


def test_the_private_link_says_when_it_was_submitted_in_german(client, child10, settings):
    token, nomination = submitted_nomination(client, child10, settings)
    submitted = datetime(2026, 12, 7, 19, 52, tzinfo=STOCKHOLM)
    type(nomination).objects.filter(pk=nomination.pk).update(submitted_at=submitted)

    page = text_of(client.get(translate_url(urls(token)["manage"], "de")))

    assert "Eingereicht7. Dezember 2026, 19:52" in page  # a <dt> and its <dd>
