"""Staff read every answer to the award's own questions (issue 20) on the nomination's page, a
retired question's marked as such; they prepare the committee's version of the text answers
the committee may read, as of every free text, and of no other."""

import pytest
from django.urls import reverse

from laurel.candidates import services
from laurel.candidates.models import Placement
from tests.candidates.helpers import confirmed
from tests.conftest import make_user, sign_in
from tests.scenarios import STAFF_ONLY, VISIBILITY_ANSWERS, VISIBILITY_QUESTIONS, asking

pytestmark = pytest.mark.django_db
FLAGGED = "Anna, 14, answered our chat; call 070-123 45 67."


@pytest.fixture
def nomination(db):
    return confirmed(asking(VISIBILITY_QUESTIONS), "Ljus", questions=VISIBILITY_ANSWERS)


def page_of(client, nomination, name="candidates:nomination"):
    candidate = Placement.objects.get(nomination=nomination).candidate
    return client.get(reverse(name, args=[candidate.pk, nomination.pk]))


def test_staff_read_every_answer_a_retired_question_s_marked(staff_client, nomination):
    response = page_of(staff_client, nomination)

    assert response.status_code == 200
    page = response.content.decode()
    for question in VISIBILITY_QUESTIONS:
        assert question["label"]["en"] in page
    for answer in ("Moderators answer chats at night.", "Greta Lind at the county office"):
        assert answer in page
    assert STAFF_ONLY in page
    assert (
        '<dt>Is it part of a network?</dt><dd class="prose">Yes</dd>' in page
    )  # not retired: no mark
    assert (
        '<dt>Who founded it?\n  <span class="badge">retired question</span></dt>'
        '<dd class="prose">Two teachers from Malmö</dd>'
    ) in page


def test_a_user_without_a_role_finds_no_such_page(client, nomination):
    sign_in(client, make_user("plain"))

    response = page_of(client, nomination)

    assert response.status_code == 404
    assert STAFF_ONLY.encode() not in response.content


def test_the_committee_s_version_holds_the_text_answers_the_committee_may_read(staff_client, db):
    """The long text visible to the committee is prepared like a criterion's answer, its
    flagged details replaced; a staff-only text, a personal one and a choice are not in it."""
    cycle = asking(VISIBILITY_QUESTIONS)
    nomination = confirmed(cycle, "Ljus", questions={**VISIBILITY_ANSWERS, "approach": FLAGGED})

    page = page_of(staff_client, nomination, "candidates:committee_version")
    form = page.context["form"]
    saved = staff_client.post(
        page.request["PATH_INFO"],
        {**{name: form[name].value() for name in form.fields}, "q_approach": "A child wrote."},
    )

    assert page.status_code == 200
    # A retired question's text answer stays readable, and is prepared like any other.
    assert form.text_names == ["org_description", "answer_1", "q_approach", "q_founders"]
    assert form["q_approach"].label == "How does it work online?"
    assert form["q_approach"].value() == "[…], answered our chat; call […]."
    assert "<mark>070-123 45 67</mark>" in page.content.decode()
    assert STAFF_ONLY not in page.content.decode()
    assert saved.status_code == 302
    nomination.refresh_from_db()
    assert nomination.committee_version.texts == {
        "org_description": "",
        "answer_1": "Trains moderators and runs a helpline.",
        "q_approach": "A child wrote.",
        "q_founders": "Two teachers from Malmö",
    }


def test_the_texts_staff_prepare_hold_no_staff_only_or_personal_answer(nomination):
    texts = services.original_texts(nomination)

    assert texts["q_approach"] == VISIBILITY_ANSWERS["approach"]
    assert {"q_concerns", "q_referee", "q_network"} & set(texts) == set()
