"""The second example award, awards/aurora-2027.toml: another theme, organiser and country
(a foundation in Utrecht), the EU's 27 member states, EUR, five laureates, three criteria on a
0-3 scale, questions of its own, and German as an added public language (aurora-2027.de.toml).
It loads with `manage.py load_award` and passes the nominator's journey over HTTP. The journey
tests that are not about one award's wording run on both example awards (`example_award`:
tests/nominations/test_flow.py, tests/test_phase_walk.py); these are about this award's own."""

import html
import re
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils.html import strip_tags

from laurel.core.texts import money
from laurel.cycles.definition import read_file
from laurel.cycles.models import Cycle
from laurel.cycles.services import load_award
from laurel.nominations.enums import NominationState
from laurel.nominations.models import Nomination
from laurel.review.models import Review
from tests.candidates.consent_link_helpers import asked
from tests.candidates.consent_link_helpers import url as consent_url
from tests.conftest import AURORA_FILE, sign_in
from tests.nominations.helpers import complete_post, urls
from tests.review.helpers import assigned
from tests.scenarios import NOMINATE, new_token, open_review, solved_payload

pytestmark = pytest.mark.django_db

EU = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
]  # fmt: skip


def text_of(response) -> str:
    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


def form_of(client, language: str = "en") -> str:
    return client.get(f"/{language}/nominate/").content.decode()


def test_the_file_loads_with_the_management_command_and_again_unchanged(db):
    out = StringIO()

    call_command("load_award", str(AURORA_FILE), stdout=out)
    call_command("load_award", str(AURORA_FILE), stdout=out)

    cycle = Cycle.objects.get(slug="aurora-2027")
    lines = out.getvalue().splitlines()
    assert [line.split(";")[0] for line in lines] == [
        "aurora-2027: created",
        "aurora-2027: unchanged",
    ]
    assert (cycle.prize_amount, cycle.prize_currency, cycle.laureate_count) == (25000, "EUR", 5)
    assert (cycle.reference_prefix, cycle.time_zone) == ("AUR27", "Europe/Amsterdam")
    assert (cycle.score_min, cycle.score_max) == (0, 3)
    assert sorted(cycle.eligible_countries) == EU
    assert (cycle.working, cycle.public) == (["sv", "en"], ["en", "sv", "de"])
    assert [c.title["en"] for c in cycle.criteria.order_by("number")] == [
        "Led by young people",
        "Measurable effect on the climate",
        "A fair transition",
    ]
    assert [str(c.weight) for c in cycle.criteria.order_by("number")] == ["2.00", "1.50", "1.00"]
    assert list(cycle.questions.values_list("key", "kind", "visible_to", "personal")) == [
        ("leadership", "single_choice", "committee", False),
        ("youth_say", "long_text", "committee", False),
        ("council_rules", "file", "staff", False),
        ("young_members", "number", "committee", False),
        ("action_areas", "multiple_choice", "public", False),
        ("nominator_young", "yes_no", "staff", True),
    ]
    assert cycle.from_email == "Aurora Prize <prize@aurora.example.org>"


@pytest.mark.parametrize("language", ["en", "sv", "de"])
def test_the_call_page_shows_the_awards_own_texts_in_each_public_language(client, aurora, language):
    definition = read_file(AURORA_FILE)

    page = text_of(client.get(f"/{language}/"))

    for key in ("name", "theme", "theme_description", "criteria_intro", "closing"):
        assert definition.texts[key][language] in page
    for paragraph in definition.texts["background"][language].split("\n\n"):
        assert " ".join(paragraph.split()) in page
    for benefit in definition.benefits:
        assert benefit[language] in page
    assert len(definition.criteria) == 3
    for criterion in definition.criteria:
        assert f"{criterion.title[language]} {criterion.text[language]}" in page
    assert "Child10" not in page


def test_the_call_page_lists_three_criteria(client, aurora):
    page = client.get("/en/").content.decode()

    criteria = page[
        page.index('<ol class="criteria">') : page.index("</ol>", page.index("criteria"))
    ]
    assert criteria.count("<li>") == 3


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "5 laureates each receive 25,000 EUR."),
        ("sv", "5 pristagare får vardera 25 000 EUR."),
        ("de", "5 Preisträger erhalten je 25.000 EUR."),
    ],
)
def test_the_prize_is_in_euros_written_the_pages_way(client, aurora, language, sentence):
    page = text_of(client.get(f"/{language}/")).replace("\xa0", " ")

    assert money(25000, "EUR", language).replace("\xa0", " ") in sentence
    assert sentence in page
    assert "SEK" not in page and re.search(r"\d kr\b", page) is None


def test_the_country_list_is_the_eus_member_states_only(client, aurora):
    page = form_of(client)

    assert sorted(re.findall(r'<option value="([A-Z]{2})"', page)) == EU
    assert '<option value="NL">Netherlands</option>' in page
    for outside in ("NO", "CH", "GB", "UA", "XK", "TR"):
        assert f'<option value="{outside}">' not in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Who leads the organisation?", "How many young people are active"]),
        ("de", ["Wer leitet die Organisation?", "Wie viele junge Menschen sind"]),
    ],
)
def test_the_form_asks_the_awards_questions_in_the_pages_language(
    client, aurora, language, expected
):
    page = form_of(client, language)

    for name in ("q_leadership", "q_youth_say", "q_young_members", "q_action_areas"):
        assert f'name="{name}"' in page
    assert 'name="q_nominator_young"' in page
    for label in expected:
        assert label in page
    criteria = page[page.index('id="section-criteria"') : page.index('id="section-evidence"')]
    assert 'name="q_action_areas"' in criteria
    nominator = page[page.index('id="section-nominator"') : page.index('id="section-declarations"')]
    assert 'name="q_nominator_young"' in nominator
    # The conditional question is on the page for the no-script reader, saying when to answer.
    assert 'data-shown-if-name="q_leadership"' in page


def test_the_conditional_question_is_asked_only_when_adults_lead(client, aurora):
    token = new_token(client)
    adults = complete_post(aurora, token, q_leadership="adults", q_youth_say="")

    missing = client.post(NOMINATE, adults)
    kept = client.post(
        NOMINATE, complete_post(aurora, token, q_leadership="adults", q_youth_say="A youth board.")
    )
    dropped = client.post(
        urls(token)["manage"],
        complete_post(aurora, token, q_leadership="young", q_youth_say="Not asked."),
    )

    assert missing.status_code == 200
    assert missing.context["form"].errors["q_youth_say"] == [
        "Answer “How do young people share in the decisions?”"
    ]
    assert kept.status_code == dropped.status_code == 302
    answers = Nomination.objects.get().question_answers
    assert answers["leadership"] == "young"
    assert "youth_say" not in answers


@pytest.mark.parametrize("count", ["0", "100001", "about forty"])
def test_the_number_of_young_members_is_checked_against_its_bounds(client, aurora, count):
    token = new_token(client)

    response = client.post(NOMINATE, complete_post(aurora, token, q_young_members=count))

    assert response.context["form"].errors["q_young_members"] == [
        "Enter a whole number between 1 and 100000 for “How many young people are active in "
        "the organisation?”"
    ]


def test_a_german_nomination_is_saved_reviewed_submitted_and_confirmed(
    client, aurora, settings, run_tasks
):
    form = client.get("/de/nominate/").content.decode()
    token = re.search(r'name="token" value="([^"]+)"', form).group(1)
    post = complete_post(
        aurora, token, preferred_language="de", q_leadership="adults",
        q_youth_say="Ein Jugendrat entscheidet über das Budget.",
    )  # fmt: skip

    saved = client.post("/de/nominate/", post)
    review = client.get(saved.url)
    submitted = client.post(saved.url, {"altcha": solved_payload(settings)})
    run_tasks()

    nomination = Nomination.objects.get()
    assert saved.url == f"/de/nominate/n/{token}/review/"
    assert "Wer leitet die Organisation?" in text_of(review)
    assert submitted.url == f"/de/nominate/n/{token}/submitted/"
    assert nomination.state == NominationState.SUBMITTED
    assert re.fullmatch(r"AUR27-[2-9A-HJ-NP-Z]{4}", nomination.reference)
    assert nomination.question_answers == {
        "leadership": "adults",
        "youth_say": "Ein Jugendrat entscheidet über das Budget.",
        "young_members": 40,
        "action_areas": ["energy", "food"],
        "nominator_young": "no",
    }
    [confirmation] = mail.outbox
    assert confirmation.from_email == "Aurora Prize <prize@aurora.example.org>"
    assert confirmation.reply_to == ["secretariat@aurora.example.org"]
    assert nomination.reference in confirmation.subject
    assert "Aurora-Preis für Klimaengagement junger Menschen 2027" in confirmation.body
    assert "Child10" not in confirmation.body + confirmation.subject
    confirm = re.search(r"http://testserver(/de/nominate/confirm/\S+/)", confirmation.body)

    client.post(confirm.group(1))

    nomination.refresh_from_db()
    assert nomination.state == NominationState.CONFIRMED


def test_the_review_page_shows_the_answers_to_the_awards_questions(client, aurora):
    token = new_token(client)
    client.post(NOMINATE, complete_post(aurora, token))

    page = text_of(client.get(urls(token)["review"]))

    assert "Who leads the organisation?Young people under 30" in page
    assert "How many young people are active in the organisation?40" in page
    assert "What does the organisation work on?Energy, Food and farming" in page
    assert "How do young people share in the decisions?" not in page  # not asked


def test_a_member_scores_the_three_criteria_on_the_awards_own_scale(client, aurora, staff_user):
    candidate, (alice, *_others) = assigned(aurora, staff_user)
    open_review(aurora)
    sign_in(client, alice)
    url = f"/en/committee/candidates/{candidate.pk}/review/"

    page = client.get(url).content.decode()
    response = client.post(
        url,
        {"score_1": "0", "score_2": "3", "score_3": "2", "recommendation": "yes"}
        | {"action": "submit"},
    )

    assert sorted(set(re.findall(r'name="(score_\d+)"', page))) == ["score_1", "score_2", "score_3"]
    assert re.findall(r'name="score_1" value="(\d+)"', page) == ["0", "1", "2", "3"]
    assert "Not shown" in page and "Exemplary" in page
    assert "Young people take part, but adults take the decisions." in page  # its guidance
    assert response.status_code == 302
    review = Review.objects.get()
    assert (review.state, review.scores) == ("submitted", {"1": 0, "2": 3, "3": 2})


@pytest.mark.parametrize(
    ("language", "benefit"),
    [
        ("en", "An invitation to an award ceremony and a two-day workshop in Utrecht"),
        ("de", "Eine Einladung zu einer Preisverleihung und einem zweitägigen Workshop in Utrecht"),
    ],
)
def test_the_organisations_consent_page_tells_what_this_award_brings(
    client, aurora, language, benefit
):
    """It said "the laureates' summit in Sweden" for every award: now the award's own list."""
    _candidate, _nomination, token = asked(aurora, contact_name="Ana Petrović")

    page = text_of(client.get(consent_url(token, language)))

    assert benefit in page
    assert "Sweden" not in page and "Schweden" not in page


@time_machine.travel("2027-03-01 12:00 +0100", tick=False)
@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Nominations close 30 April 2027 at 23:59 (CEST)."),
        ("sv", "Nomineringen stänger den 30 april 2027 kl. 23:59 (CEST)."),
        ("de", "Die Nominierungsfrist endet am 30. April 2027 um 23:59 Uhr (CEST)."),
    ],
)
def test_the_files_own_deadline_is_stated_in_amsterdam_time(client, language, sentence):
    """The file's dates as they are (no window moved), in the award's time zone."""
    cycle, _outcome = load_award(read_file(AURORA_FILE))

    page = text_of(client.get(f"/{language}/"))

    assert cycle.phase == "nominations"
    assert sentence in page


def test_staff_edit_a_criterion_on_the_awards_own_scale(staff_client, aurora):
    url = f"/en/staff/cycles/{aurora.slug}/criteria/1/edit/"
    form = staff_client.get(url)
    data = {
        name: value
        for name, value in (
            (n, form.context["form"][n].value()) for n in form.context["form"].fields
        )
        if value is not None
    }
    data["guidance_0_en"] = "Adults decide everything."

    response = staff_client.post(url, data)

    assert response.status_code == 302
    criterion = aurora.criteria.get(number=1)
    assert sorted(criterion.guidance) == ["0", "1", "2", "3"]
    assert criterion.guidance["0"] == {
        "sv": "Unga deltar, men vuxna fattar besluten.",
        "en": "Adults decide everything.",
    }
