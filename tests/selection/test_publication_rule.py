"""The publication rule, step by step over HTTP as anyone sees it: nothing about a laureate is
public until it has accepted the award through its letter's page *and* said there what may be
published; a decline (after its confirmation step), an opt-out or an at-risk answer takes it off
at once; a reserve offered a place shows nothing until it does the same."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from laurel.accounts.models import RoleGrant
from laurel.core.models import AuditEntry
from laurel.cycles.enums import Phase
from laurel.laureates import services as laureates
from laurel.laureates.models import Laureate
from laurel.selection import queries, services
from laurel.selection.enums import Answer
from laurel.selection.models import Decision
from tests.conftest import count_queries, make_user, shared_world, sign_in
from tests.factories import UserFactory, in_phase, tie_contacts
from tests.laureates.portal_helpers import letter_to, token_of
from tests.selection.helpers import (
    _assert_named_exactly,
    _public,
    decided_with_letters,
    write_letters,
)

NOTHING = {"publish_name": "", "publish_logo": "", "publish_staff_names": "", "at_risk": ""}


def _texts(name):
    return (
        {"sv": f"Hyllning till {name}.", "en": f"Citation for {name}."},
        {"sv": f"Vad {name} gör.", "en": f"What {name} does."},
    )


def _prepare(cycle, staff):
    decision = decided_with_letters(cycle, staff, laureates=2, reserves=1, count=4, texts=_texts)
    in_phase(cycle, Phase.DECIDED)
    return decision.pk


# Built once for the module (tests.conftest.shared_world), each test in a savepoint of its own.
world, child10, staff_user = shared_world(_prepare)


@pytest.fixture
def prepared(world, db):
    """Two laureates and a reserve, locked, their letters written and held (not released)."""
    return Decision.objects.get(pk=world.value)


@pytest.fixture
def released(prepared, staff_user, run_tasks):
    services.release_letters(prepared, actor=staff_user)
    run_tasks()
    return prepared


def _answer_page(decision, place) -> str:
    return f"/en/laureate/{token_of(letter_to(decision, place.candidate))}/"


def _accept(client, decision, place, **ticked):
    """The laureate accepts on its letter's page, ticking `ticked` (nothing else)."""
    form = {**NOTHING, **{name: "on" for name, on in ticked.items() if on}}
    return client.post(_answer_page(decision, place), {"answer": "accept", **form})


def _laureates(decision):
    return queries.places(decision)["laureate"]


def test_prepared_letters_publish_nothing(client, prepared):
    for language in ("sv", "en"):
        page = client.get(f"/{language}/laureates/")
        assert page.status_code == 200
        for place in prepared.places.select_related("candidate"):
            assert place.candidate.name not in page.content.decode()
        assert client.get(f"/{language}/laureates.csv").status_code == 404
        assert client.get(f"/{language}/laureates.json").status_code == 404


def test_released_letters_publish_no_laureate_only_how_many_will_be_named(client, released):
    _assert_named_exactly(client, released, [])
    assert (
        "2 laureates will be presented here once they have accepted the award"
        in (_public(client, "en")["page"])
    )


def test_a_laureate_accepting_without_being_asked_is_not_named_by_default(client, released):
    first = _laureates(released)[0]

    services.answer_award(token_of(letter_to(released, first.candidate)), accept=True)

    laureate = Laureate.objects.get(candidate=first.candidate)
    assert (laureate.publish_name, laureate.media_consent_at) == (False, None)


def test_the_answer_page_asks_for_consent_with_nothing_ticked(client, released):
    page = client.get(_answer_page(released, _laureates(released)[0]))

    html = page.content.decode()
    assert page.status_code == 200
    for field in NOTHING:
        assert f'name="{field}"' in html
    assert "checked" not in html
    assert page["Cache-Control"] == "no-store, private"
    assert page["Referrer-Policy"] == "same-origin"


def test_accepting_without_consent_publishes_nothing(client, released):
    first = _laureates(released)[0]

    answered = _accept(client, released, first)

    assert answered.status_code == 200
    assert "Your organisation will not be named in public." in answered.content.decode()
    laureate = Laureate.objects.get(candidate=first.candidate)
    assert laureate.media_consent_at is not None  # it answered: publish nothing
    assert (laureate.publish_name, laureate.publish_logo, laureate.at_risk) == (False,) * 3
    _assert_named_exactly(client, released, [])


def test_accepting_with_the_name_withheld_for_risk_publishes_nothing(client, released):
    first = _laureates(released)[0]

    _accept(client, released, first, publish_name=True, at_risk=True)

    laureate = Laureate.objects.get(candidate=first.candidate)
    assert (laureate.publish_name, laureate.at_risk) == (True, True)
    _assert_named_exactly(client, released, [])


def test_accepting_with_the_name_publishes_that_laureate_alone_and_says_how_many(client, released):
    first, _second = _laureates(released)

    answered = _accept(client, released, first, publish_name=True)

    assert "Your organisation will be named on the laureates page." in answered.content.decode()
    _assert_named_exactly(client, released, [first])
    assert "1 of 2 laureates are presented here." in _public(client, "en")["page"]
    assert "1 av 2 pristagare presenteras här." in _public(client, "sv")["page"]
    consent = AuditEntry.objects.get(key="laureate.media_consent_given")
    assert consent.data == {"name": True, "logo": False, "staff_names": False, "at_risk": False}


def test_a_laureate_opting_out_in_its_area_is_gone_from_the_next_request(client, released):
    first, second = _laureates(released)
    _accept(client, released, first, publish_name=True)
    _accept(client, released, second, publish_name=True)
    _assert_named_exactly(client, released, [first, second])
    contact = UserFactory(email=letter_to(released, second.candidate).to)
    RoleGrant.objects.create(user=contact, role="laureate_contact", cycle=released.cycle)
    tie_contacts(contact)
    area = Client()
    sign_in(area, contact)

    saved = area.post("/en/programme/", {**NOTHING, "publish_name": "on", "at_risk": "on"})

    assert saved.status_code == 302
    _assert_named_exactly(client, released, [first])


def test_the_public_list_is_kept_by_no_browser_or_proxy(client, released):
    for path in ("/en/laureates/", "/en/laureates.csv", "/en/laureates.json"):
        cache_control = client.get(path)["Cache-Control"]
        assert {"no-store", "no-cache", "max-age=0"} <= {
            part.strip() for part in cache_control.split(",")
        }, path


def test_declining_asks_first_and_changes_nothing_until_confirmed(client, released):
    first = _laureates(released)[0]
    page = _answer_page(released, first)

    asked = client.post(page, {"answer": "decline"})

    html = asked.content.decode()
    assert asked.status_code == 200
    assert "Decline the award?" in html
    assert "The place may be offered to another organisation." in html
    assert "This cannot be undone." in html
    assert 'name="confirmed" value="yes"' in html
    assert f'href="{page}"' in html  # cancel: back to the answer, on this site only
    assert asked["Cache-Control"] == "no-store, private"
    first.refresh_from_db()
    assert first.answer == ""


def test_a_decline_leaves_nothing_public(client, released):
    first, second = _laureates(released)
    _accept(client, released, first, publish_name=True)

    declined = client.post(
        _answer_page(released, second), {"answer": "decline", "confirmed": "yes"}
    )

    assert declined.status_code == 200
    second.refresh_from_db()
    assert second.answer == Answer.DECLINED
    assert not Laureate.objects.filter(candidate=second.candidate).exists()
    _assert_named_exactly(client, released, [first])


def test_a_reserve_offered_a_place_shows_nothing_until_it_accepts_and_consents(
    client, released, staff_user
):
    first, second = _laureates(released)
    _accept(client, released, first, publish_name=True)
    client.post(_answer_page(released, second), {"answer": "decline", "confirmed": "yes"})
    reserve = queries.places(released)["reserve"][0]

    offered = services.offer_place(
        second, reserve=reserve, respond_by=timezone.now() + timedelta(days=3),
        reason="The laureate declined.", citation={"sv": "Svensk.", "en": "English."},
        summary={"sv": "Svensk.", "en": "English."}, actor=staff_user,
    )  # fmt: skip

    _assert_named_exactly(client, released, [first])
    letter = services.letters(released).get(batch__endswith=f":offer:{reserve.pk}")
    client.post(f"/en/laureate/{token_of(letter)}/", {"answer": "accept", **NOTHING})
    _assert_named_exactly(client, released, [first])  # accepted, publishing nothing

    laureates.set_media_consent(  # later, in its area
        Laureate.objects.get(candidate=offered.candidate),
        publish_name=True, publish_logo=False, publish_staff_names=False, at_risk=False,
        actor=None,
    )  # fmt: skip
    _assert_named_exactly(client, released, [first, offered])


LETTER_SAYS = {
    "en": "The same page asks what we may publish about your organisation",
    "sv": "På samma sida frågar vi vad vi får publicera om er organisation",
}


def test_the_laureate_letter_says_its_page_asks_what_may_be_published(prepared, staff_user):
    organisation = _laureates(prepared)[0].candidate.organisation
    organisation.contact_language = "en"  # one asked for its letters in English
    organisation.save(update_fields=["contact_language"])
    write_letters(prepared, staff_user)

    letters = list(services.letters(prepared).filter(key="decision_laureate", state="held"))

    assert sorted(letter.language for letter in letters) == ["en", "sv"]
    for letter in letters:
        text, html = letter.with_links()
        assert LETTER_SAYS[letter.language] in text
        assert LETTER_SAYS[letter.language] in html


def test_the_public_list_costs_the_same_queries_for_one_laureate_or_more(client, released):
    first, second = _laureates(released)
    paths = ("/en/laureates/", "/en/laureates.csv", "/en/laureates.json")

    def fetch():
        for path in paths:
            assert client.get(path).status_code == 200

    _accept(client, released, first, publish_name=True)
    one = count_queries(fetch)
    _accept(client, released, second, publish_name=True)
    _assert_named_exactly(client, released, [first, second])

    assert count_queries(fetch) == one


@pytest.mark.parametrize("role", ["staff", "finance", "committee", "laureate", "plain"])
def test_signed_in_users_see_the_public_list_as_anyone_does(client, released, staff_user, role):
    first, second = _laureates(released)
    _accept(client, released, first, publish_name=True)
    _accept(client, released, second)  # accepted, not to be named
    user = staff_user if role == "staff" else make_user(role, released.cycle)
    reader = Client()
    sign_in(reader, user)

    page = reader.get("/en/laureates/").content.decode()
    as_json = reader.get("/en/laureates.json").json()["laureates"]

    assert first.candidate.name in page
    assert second.candidate.name not in page
    assert second.citation["en"] not in page
    assert [row["name"] for row in as_json] == [first.candidate.name]
