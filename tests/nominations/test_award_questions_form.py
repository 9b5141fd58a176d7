"""The award's own questions on the nomination form (issue 20): asked in their sections in the
page's language, a conditional question answered only when its condition holds (without
JavaScript the hint says when), each kind checked with its own message, answers kept in the
draft, in the submitted version and on the review page."""

import pytest
from django.urls import reverse

from laurel.nominations.models import Nomination
from tests.nominations.helpers import complete_post
from tests.scenarios import NETWORK_QUESTIONS, NOMINATE, new_token
from tests.scenarios import asking as load_with

pytestmark = pytest.mark.django_db
QUESTIONS = [
    NETWORK_QUESTIONS[0],
    {**NETWORK_QUESTIONS[1], "max_characters": 60},
    {
        "key": "staff",
        "kind": "number",
        "label": {"sv": "Antal anställda", "en": "Number of staff"},
        "min": 0,
        "max": 5000,
    },
    {
        "key": "platforms",
        "kind": "multiple_choice",
        "section": "criteria",
        "label": {
            "sv": "Vilka plattformar arbetar den med?",
            "en": "Which platforms does it work on?",
        },
        "options": [
            {"key": "games", "label": {"sv": "Spel", "en": "Games"}},
            {"key": "social", "label": {"sv": "Sociala medier", "en": "Social media"}},
        ],
    },
    {
        "key": "started_online",
        "kind": "date",
        "section": "nominator",
        "label": {
            "sv": "När började den arbeta på nätet?",
            "en": "When did it start working online?",
        },
    },
]


@pytest.fixture
def asking(child10):
    return load_with(QUESTIONS)


def post(client, cycle, language="en", **answers):
    """The complete form with answers to the award's questions (their fields are q_<key>)."""
    token = new_token(client)
    data = complete_post(cycle, token) | {f"q_{key}": value for key, value in answers.items()}
    return token, client.post(f"/{language}{NOMINATE[3:]}", data)


def test_each_question_is_asked_in_its_section_in_the_pages_language(client, asking):
    english = client.get(NOMINATE).content.decode()
    swedish = client.get("/sv" + NOMINATE[3:]).content.decode()

    organisation = english[
        english.index('id="section-organisation"') : english.index('id="section-criteria"')
    ]
    criteria = english[
        english.index('id="section-criteria"') : english.index('id="section-evidence"')
    ]
    nominator = english[
        english.index('id="section-nominator"') : english.index('id="section-declarations"')
    ]
    assert "Is it part of a network?" in organisation and "Number of staff" in organisation
    assert "Which platforms does it work on?" in criteria and "Social media" in criteria
    assert "When did it start working online?" in nominator
    # Without JavaScript a conditional question says when to answer it; required then, it is
    # not marked optional (the optional "Number of staff" is).
    assert "Answer only if you answered “Yes” to “Is it part of a network?”." in organisation
    assert "Which network?</label>" in organisation
    assert 'Number of staff <span class="optional">(optional)</span></label>' in organisation
    assert "Vilket nätverk?" in swedish
    assert "Svara bara om du svarade ”Ja” på ”Ingår organisationen i ett nätverk?”." in swedish


def test_answers_are_kept_with_the_nomination_and_shown_for_review(client, asking):
    token, response = post(
        client,
        asking,
        network="yes",
        network_name="ECPAT International",
        staff="12",
        platforms=["games", "social"],
        started_online="2014-03-01",
    )

    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.question_answers == {
        "network": "yes",
        "network_name": "ECPAT International",
        "staff": 12,
        "platforms": ["games", "social"],
        "started_online": "2014-03-01",
    }
    review = client.get(reverse("nominations:review", kwargs={"token": token})).content.decode()
    assert '<dt>Is it part of a network?</dt><dd class="prose">Yes</dd>' in review
    assert (
        '<dt>Which platforms does it work on?</dt><dd class="prose">Games, Social media</dd>'
        in review
    )
    assert '<dt>Number of staff</dt><dd class="prose">12</dd>' in review
    # The draft page gives every answer back to change it.
    form = client.get(f"/en/nominate/n/{token}/").context["form"]
    assert form["q_network_name"].value() == "ECPAT International"
    assert form["q_platforms"].value() == ["games", "social"]


def test_a_conditional_answer_counts_only_when_its_condition_holds(client, asking):
    """Asked only if the organisation is in a network: required then, dropped otherwise (a
    page without JavaScript shows the field either way)."""
    _token, needed = post(client, asking, network="yes", network_name="")
    assert needed.status_code == 200
    assert needed.context["form"].errors["q_network_name"] == ["Answer “Which network?”"]

    Nomination.objects.all().delete()
    _token, dropped = post(
        client, asking, network="no", network_name="Typed before changing my mind"
    )
    assert dropped.status_code == 302
    assert Nomination.objects.get().question_answers == {"network": "no"}


@pytest.mark.parametrize(
    ("answers", "field", "en", "sv"),
    [
        (
            {"network": ""},
            "q_network",
            "Choose an answer to “Is it part of a network?”",
            "Välj ett svar på ”Ingår organisationen i ett nätverk?”",
        ),
        (
            {"staff": "about 12"},
            "q_staff",
            "Enter a whole number between 0 and 5000 for “Number of staff”",
            "Skriv ett heltal mellan 0 och 5000 för ”Antal anställda”",
        ),
        (
            {"staff": "6000"},
            "q_staff",
            "Enter a whole number between 0 and 5000 for “Number of staff”",
            "Skriv ett heltal mellan 0 och 5000 för ”Antal anställda”",
        ),
        (
            {"network": "yes", "network_name": "N" * 61},
            "q_network_name",
            "Shorten your answer to “Which network?” to 60 characters or fewer; it has 61",
            "Korta ditt svar om ”Vilket nätverk?” till högst 60 tecken; nu är det 61",
        ),
        (
            {"started_online": "spring 2014"},
            "q_started_online",
            "Enter a date for “When did it start working online?”, like 2021-04-23",
            "Skriv ett datum för ”När började den arbeta på nätet?”, som 2021-04-23",
        ),
    ],
)
def test_each_kind_says_what_to_do_next_to_its_field(client, asking, answers, field, en, sv):
    for language, expected in (("en", en), ("sv", sv)):
        Nomination.objects.all().delete()
        _token, response = post(client, asking, language, **({"network": "no"} | answers))
        assert response.status_code == 200
        assert response.context["form"].errors[field] == [expected]


def test_the_submitted_version_keeps_the_answers(client, asking, settings):
    from tests.scenarios import solved_payload

    token, _response = post(client, asking, network="no", staff="3")
    review = reverse("nominations:review", kwargs={"token": token})
    client.post(review, {"altcha": solved_payload(settings)})

    nomination = Nomination.objects.get()
    assert nomination.state == "submitted"
    assert nomination.versions.get().data["question_answers"] == {"network": "no", "staff": 3}


def test_an_answer_to_a_retired_question_stays_readable_and_is_kept_by_later_saves(client, asking):
    token, _response = post(client, asking, network="no", staff="12")
    retired = [*QUESTIONS[:2], {**QUESTIONS[2], "retired": True}, *QUESTIONS[3:]]
    load_with(retired)  # staff: no longer asked

    page = client.get(f"/en/nominate/n/{token}/")
    assert "q_staff" not in page.context["form"].fields
    data = complete_post(asking, token) | {"q_network": "yes", "q_network_name": "ECPAT"}
    client.post(f"/en/nominate/n/{token}/", data)

    assert Nomination.objects.get().question_answers == {
        "network": "yes",
        "network_name": "ECPAT",
        "staff": 12,
    }
    review = client.get(reverse("nominations:review", kwargs={"token": token})).content.decode()
    assert '<dt>Number of staff</dt><dd class="prose">12</dd>' in review


def test_a_number_without_bounds_takes_nine_digits_at_most(client, child10):
    unbounded = {k: v for k, v in QUESTIONS[2].items() if k not in ("min", "max")}
    cycle = load_with([unbounded])

    _token, refused = post(client, cycle, staff="1" * 30)
    Nomination.objects.all().delete()
    _token, swedish = post(client, cycle, "sv", staff="-1000000000")
    Nomination.objects.all().delete()
    _token, taken = post(client, cycle, staff="999999999")

    assert refused.context["form"].errors["q_staff"] == [
        "Enter a whole number of at most nine digits for “Number of staff”"
    ]
    assert swedish.context["form"].errors["q_staff"] == [
        "Skriv ett heltal med högst nio siffror för ”Antal anställda”"
    ]
    assert taken.status_code == 302
    assert Nomination.objects.get().question_answers == {"staff": 999999999}
