"""The safeguarding check reads the long-text answers to the award's own questions (issue 20)
as it reads the criteria answers: the nominator handles each finding on the review page, which
points at the question; staff see it marked in place; the committee reads it redacted."""

import pytest
from django.urls import reverse

from laurel.candidates import services as screening
from laurel.nominations.models import Nomination
from tests.candidates.helpers import confirmed
from tests.conftest import sign_in
from tests.nominations.helpers import complete_post
from tests.scenarios import (
    NOMINATE,
    VISIBILITY_QUESTIONS,
    asking,
    member,
    new_token,
    ready,
    solved_payload,
)

pytestmark = pytest.mark.django_db
FLAGGED = "Anna, 14, answered our chat at night; call 070-123 45 67."


@pytest.fixture
def cycle(db):
    return asking(VISIBILITY_QUESTIONS)


def test_a_finding_in_a_long_text_answer_points_at_its_question(client, cycle, settings):
    token = new_token(client)
    client.post(
        NOMINATE,
        complete_post(cycle, token, q_approach=FLAGGED, q_referee="Call her on 070-765 43 21"),
    )
    review = reverse("nominations:review", kwargs={"token": token})

    page = client.get(review)
    choices = page.context["findings"]
    refused = client.post(review, {"altcha": solved_payload(settings)})
    kept = {f"keep-{c.key}": "1" for c in choices} | {
        f"reason-{c.key}": "A made-up case in our public report" for c in choices
    }
    accepted = client.post(review, kept | {"altcha": solved_payload(settings)})

    # The long text only: a short answer (the referee's) is not a free text the check reads.
    assert [(c.finding.field, c.finding.kind) for c in choices] == [
        ("q_approach", "name_and_age"),
        ("q_approach", "phone"),
    ]
    text = page.content.decode()
    # "Change the text" opens the question's own field; "Show it in the text" its answer.
    assert f'href="/en/nominate/n/{token}/#id_q_approach"' in text
    assert f'<mark class="finding" id="finding-{choices[1].key}" tabindex="-1">' in text
    assert refused.status_code == 200
    assert len(refused.context["finding_errors"]) == 2
    assert accepted.status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.safeguarding_flags == [
        {"field": "q_approach", "kind": "name_and_age", "text": "Anna, 14"},
        {"field": "q_approach", "kind": "phone", "text": "070-123 45 67"},
    ]


def test_staff_see_the_finding_marked_in_the_answer(staff_client, cycle):
    nomination = confirmed(cycle, "Ljus", questions={"concerns": FLAGGED})
    candidate = nomination.placement.candidate

    page = staff_client.get(reverse("candidates:nomination", args=[candidate.pk, nomination.pk]))

    assert [flag["field"] for flag in nomination.safeguarding_flags] == ["q_concerns"] * 2
    text = page.content.decode()
    assert "2 details that may identify someone." in text
    assert (
        '<span class="visually-hidden">Safeguarding check, a phone number: </span>'
        "070-123 45 67</mark>"
    ) in text


def test_the_committee_reads_the_answer_with_the_finding_redacted(client, cycle, staff_user):
    candidate = ready(cycle, "Ljus", staff_user, questions={"approach": FLAGGED})
    nomination = candidate.placements.get().nomination
    screening.save_committee_version(
        nomination, texts=screening.redacted_texts(nomination), actor=staff_user
    )
    sign_in(client, member(cycle, "alice@example.org"))

    page = client.get(reverse("review:candidate", args=[candidate.pk])).content.decode()

    assert "[…], answered our chat at night; call […]." in page
    assert "070-123" not in page and "Anna" not in page
