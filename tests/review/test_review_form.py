"""Item 16: the review form's labels tell the truth, a submitted review is changed (not saved as
a draft), the member moves between their assigned candidates, and the nominations are beside
the form."""

import re

import pytest
from django.urls import reverse

from laurel.cycles.enums import Phase
from laurel.review import services
from laurel.review.models import Review
from tests.conftest import sign_in
from tests.factories import in_phase
from tests.scenarios import FULL, member, open_review, ready

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(child10, staff_user):
    """Three candidates, all assigned to the same three members; the review phase open."""
    candidates = [
        ready(child10, name, website=f"https://{n}.se", staff=staff_user)
        for n, name in enumerate(["Bro", "Ljus", "Trygga Nätet"])
    ]
    people = [member(child10, f"m{n}@example.org") for n in range(3)]
    in_phase(child10, Phase.SCREENING)
    services.propose_assignment(child10, actor=staff_user, k=3)
    services.publish_assignment(child10, actor=staff_user)
    open_review(child10)
    return candidates, people


def labels(page: str) -> list[str]:
    """Each label and legend's text, tags dropped and spaces squeezed."""
    found = re.findall(r"<(?:label|legend)[^>]*>(.*?)</(?:label|legend)>", page, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", text).split()) for text in found]


def test_only_the_comments_are_marked_optional(client, three):
    (candidate, *_rest), (alice, *_people) = three
    sign_in(client, alice)

    page = client.get(reverse("review:review", args=[candidate.pk])).content.decode()

    optional = [text for text in labels(page) if "(optional)" in text]
    assert optional == ["Comment (optional)"] * 4 + ["Overall comment (optional)"]
    assert "Score" in labels(page)
    assert "Your recommendation" in labels(page)
    assert "Why you abstain" in labels(page)


def test_the_labels_tell_the_truth_in_swedish(client, three):
    (candidate, *_rest), (alice, *_people) = three
    sign_in(client, alice)

    page = client.get(f"/sv/committee/candidates/{candidate.pk}/review/").content.decode()

    assert len([text for text in labels(page) if "(frivilligt)" in text]) == 5


def test_a_submitted_review_offers_change_not_save_draft(client, three):
    (candidate, *_rest), (alice, *_people) = three
    services.save_review(
        alice, candidate, scores=FULL, comments={"1": "Strong."}, recommendation="yes",
        submit=True,
    )  # fmt: skip
    sign_in(client, alice)
    url = reverse("review:review", args=[candidate.pk])

    shown = client.get(url).content.decode()
    editing = client.get(url + "?edit=1").content.decode()

    assert "Save draft" not in shown
    assert 'value="save"' not in shown
    assert "Change review" in shown
    assert "Strong." in shown
    assert "4 –" in shown  # the chosen score with its label
    assert "Save draft" not in editing
    assert "Save the changed review" in editing


def test_changing_a_submitted_review_keeps_it_submitted(client, three):
    (candidate, *_rest), (alice, *_people) = three
    services.save_review(
        alice, candidate, scores=FULL, comments={}, recommendation="yes", submit=True
    )
    sign_in(client, alice)
    data = {f"score_{n}": str(s) for n, s in FULL.items()} | {"recommendation": "maybe"}

    response = client.post(
        reverse("review:review", args=[candidate.pk]), {**data, "action": "submit"}, follow=True
    )

    review = Review.objects.get()
    assert (review.state, review.recommendation) == ("submitted", "maybe")
    assert [str(m) for m in response.context["messages"]] == ["Your review is changed."]


def test_after_the_review_phase_a_submitted_review_cannot_be_changed(client, three, child10):
    (candidate, *_rest), (alice, *_people) = three
    services.save_review(
        alice, candidate, scores=FULL, comments={}, recommendation="yes", submit=True
    )
    in_phase(child10, Phase.DELIBERATION)
    sign_in(client, alice)

    page = client.get(reverse("review:review", args=[candidate.pk]) + "?edit=1").content.decode()

    assert "Change review" not in page
    assert 'name="action"' not in page


def test_previous_and_next_follow_the_members_list(client, three):
    (first, second, third), (alice, *_people) = three
    sign_in(client, alice)

    at_first = client.get(reverse("review:review", args=[first.pk]))
    in_middle = client.get(reverse("review:review", args=[second.pk]))
    at_last = client.get(reverse("review:review", args=[third.pk]))

    assert (at_first.context["previous"], at_first.context["next"]) == (None, second)
    assert (in_middle.context["previous"], in_middle.context["next"]) == (first, third)
    assert (at_last.context["previous"], at_last.context["next"]) == (second, None)
    page = in_middle.content.decode()
    assert f'href="{reverse("review:review", args=[first.pk])}" rel="prev"' in page
    assert f'href="{reverse("review:review", args=[third.pk])}" rel="next"' in page


def test_the_nominations_are_on_the_review_page(client, three):
    (candidate, *_rest), (alice, *_people) = three
    sign_in(client, alice)

    response = client.get(reverse("review:review", args=[candidate.pk]))

    page = response.content.decode()
    assert len(response.context["dossier"]) == 1
    assert 'class="review-dossier"' in page
    assert "Nomination 1" in page
    assert page.index("review-dossier") < page.index('id="review-form"')


def test_a_member_not_assigned_gets_no_review_page(client, three, child10):
    (candidate, *_rest), _people = three
    outsider = member(child10, "outsider@example.org")
    sign_in(client, outsider)

    assert client.get(reverse("review:review", args=[candidate.pk])).status_code == 404
