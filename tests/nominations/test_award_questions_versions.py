"""The answers to the award's own questions (issue 20) in a nomination's versions: each version
keeps them as they were; a change to them waits for the nominator's review like any change
(staff read the answers as they were until then); an answer to a retired question, which the
form no longer asks, stays through the change."""

import pytest
from django.urls import reverse

from laurel.nominations.models import Nomination
from tests.nominations.helpers import complete_post, submitted_nomination, urls
from tests.scenarios import VISIBILITY_QUESTIONS, asking, solved_payload

pytestmark = pytest.mark.django_db
FIRST = {"q_network": "yes", "q_approach": "Moderators at night.", "q_concerns": "None."}
CHANGED = {"q_network": "no", "q_approach": "Moderators all day.", "q_concerns": "One."}


@pytest.fixture
def cycle(db):
    return asking(VISIBILITY_QUESTIONS)


def test_each_version_keeps_the_answers_as_they_were(client, cycle, settings):
    token, nomination = submitted_nomination(client, cycle, settings, **FIRST)
    # Answered before the question was retired: the form no longer has a field for it.
    answers = {**nomination.question_answers, "founders": "Two teachers"}
    Nomination.objects.filter(pk=nomination.pk).update(question_answers=answers)
    page = urls(token)

    staged = client.post(page["manage"], complete_post(cycle, token, **CHANGED))
    nomination.refresh_from_db()
    while_pending = dict(nomination.question_answers)
    applied = client.post(page["review"], {"action": "apply", "altcha": solved_payload(settings)})

    assert staged.url == page["review"]
    assert while_pending == answers  # staff and the committee read it as it was
    assert applied.status_code == 302
    nomination.refresh_from_db()
    first, second = nomination.versions.order_by("number")
    assert (first.kind, second.kind) == ("submitted", "edited")
    assert first.data["question_answers"] == {
        "network": "yes",
        "approach": "Moderators at night.",
        "concerns": "None.",
    }
    assert (
        second.data["question_answers"]
        == nomination.question_answers
        == {
            "network": "no",
            "approach": "Moderators all day.",
            "concerns": "One.",
            "founders": "Two teachers",
        }
    )


def test_no_one_without_the_private_link_changes_the_answers(client, cycle, settings):
    _token, nomination = submitted_nomination(client, cycle, settings, **FIRST)
    client.logout()
    stranger = "x" * 32

    response = client.post(
        reverse("nominations:manage", kwargs={"token": stranger}),
        complete_post(cycle, stranger, **CHANGED),
    )

    assert response.status_code == 404
    nomination.refresh_from_db()
    assert nomination.question_answers["network"] == "yes"
    assert nomination.versions.count() == 1
