"""Reviewing: drafts, submission, revision, the phase, and who sees whose reviews."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from laurel.core.models import AuditEntry
from laurel.cycles.enums import Phase
from laurel.cycles.phases import PhaseRefused
from laurel.review import services
from laurel.review.models import CommitteeSettings, Review
from tests.conftest import sign_in
from tests.factories import in_phase
from tests.review import helpers
from tests.scenarios import FULL, member

# Fixtures these tests share with other modules.
setting = helpers.setting

pytestmark = pytest.mark.django_db


def test_a_draft_may_be_partial_and_a_submission_must_be_complete(setting):
    candidate, (alice, *_rest) = setting

    draft = services.save_review(alice, candidate, scores={"1": 4}, comments={"1": "Strong."})
    with pytest.raises(services.ReviewError, match="score every criterion"):
        services.save_review(alice, candidate, scores={"1": 4}, comments={}, submit=True)

    draft.refresh_from_db()
    assert (draft.state, draft.scores, draft.comments) == ("draft", {"1": 4}, {"1": "Strong."})


def test_submitting_and_revising_until_staff_move_the_cycle_past_review(setting):
    candidate, (alice, *_rest) = setting

    services.save_review(
        alice, candidate, scores=FULL, comments={}, recommendation="yes", submit=True
    )
    services.save_review(
        alice, candidate, scores={**FULL, "1": 5}, comments={}, recommendation="yes"
    )

    review = Review.objects.get()
    assert (review.state, review.scores["1"]) == ("submitted", 5)
    keys = sorted(
        AuditEntry.objects.filter(key__startswith="review.").values_list("key", flat=True)
    )
    assert keys == ["review.revised", "review.submitted"]
    in_phase(candidate.cycle, Phase.DELIBERATION)
    with pytest.raises(PhaseRefused, match="Reviews cannot be changed in the phase “Deliberation”"):
        services.save_review(alice, candidate, scores=FULL, comments={}, recommendation="no")
    review.refresh_from_db()
    assert review.recommendation == "yes"


def test_the_review_dates_alone_do_not_close_reviews_staff_move_the_phase(setting):
    """The dates plan the phase and drive reminders; the stored phase decides."""
    candidate, (alice, *_rest) = setting
    after = candidate.cycle.review_close_at + timedelta(minutes=1)

    with time_machine.travel(after):
        services.save_review(
            alice, candidate, scores=FULL, comments={}, recommendation="yes", submit=True
        )

    assert Review.objects.get().state == "submitted"


def test_a_submitted_review_stays_complete_and_a_late_autosave_changes_nothing(setting):
    """The race a browser test met: an autosave sent while the member was still typing arrives
    after the submission; it must not put the older, partial answers back."""
    candidate, (alice, *_rest) = setting
    services.save_review(
        alice, candidate, scores=FULL, comments={}, recommendation="yes", submit=True
    )

    with pytest.raises(services.ReviewError, match="with its button"):
        services.save_review(alice, candidate, scores={"1": 4}, comments={}, autosave=True)
    with pytest.raises(services.ReviewError, match="score every criterion"):
        services.save_review(alice, candidate, scores={"1": 4}, comments={})  # a revision

    review = Review.objects.get()
    assert (review.state, review.scores, review.recommendation) == ("submitted", FULL, "yes")


def test_a_refused_first_submission_leaves_no_review_behind(setting):
    candidate, (alice, *_rest) = setting

    with pytest.raises(services.ReviewError, match="score every criterion"):
        services.save_review(alice, candidate, scores={"1": 4}, comments={}, submit=True)

    assert not Review.objects.exists()


@pytest.mark.parametrize("score", [0, 6, "five", 4.5])
def test_a_score_outside_the_scale_is_refused(setting, score):
    candidate, (alice, *_rest) = setting

    with pytest.raises(services.ReviewError, match="Scores go from 1 to 5"):
        services.save_review(alice, candidate, scores={"1": score}, comments={})

    assert Review.objects.count() == 0


def test_an_unassigned_or_conflicted_candidate_cannot_be_reviewed(setting, child10):
    candidate, (alice, *_rest) = setting
    outsider = member(child10, "late@example.org")
    services.declare_conflict(alice, candidate, kind="personal")

    with pytest.raises(services.ReviewError, match="not assigned to you"):
        services.save_review(outsider, candidate, scores={}, comments={})
    with pytest.raises(services.ReviewError, match="conflict"):
        services.save_review(alice, candidate, scores={}, comments={})


def test_abstaining_needs_a_reason_and_drops_the_scores(setting):
    candidate, (alice, *_rest) = setting

    with pytest.raises(services.ReviewError, match="why you abstain"):
        services.save_review(
            alice, candidate, scores=FULL, comments={}, abstained=True, submit=True
        )
    review = services.save_review(
        alice, candidate, scores=FULL, comments={}, abstained=True,
        abstain_reason="I know its director.", submit=True,
    )  # fmt: skip

    assert (review.state, review.scores, review.abstained) == ("submitted", {}, True)


@pytest.mark.parametrize(
    ("mode", "before_own", "after_own"),
    [("never", False, False), ("after_own", False, True), ("always", True, True)],
)
def test_others_reviews_are_visible_as_the_phase_says(setting, mode, before_own, after_own):
    candidate, (alice, bob, _carol) = setting
    CommitteeSettings.objects.create(cycle=candidate.cycle, visibility=mode)
    services.save_review(bob, candidate, scores=FULL, comments={}, recommendation="no", submit=True)

    before = services.others_visible(alice, candidate)
    services.save_review(
        alice, candidate, scores=FULL, comments={}, recommendation="yes", submit=True
    )

    assert (before, services.others_visible(alice, candidate)) == (before_own, after_own)


def test_a_conflicted_member_never_sees_the_reviews(setting):
    candidate, (alice, _bob, _carol) = setting
    CommitteeSettings.objects.create(cycle=candidate.cycle, visibility="always")
    services.declare_conflict(alice, candidate, kind="funding")

    assert services.others_visible(alice, candidate) is False


def test_the_review_page_keeps_what_was_typed_when_refused(client, setting):
    candidate, (alice, *_rest) = setting
    sign_in(client, alice)

    response = client.post(
        reverse("review:review", args=[candidate.pk]),
        {"score_1": "4", "comment_1": "Strong helpline.", "action": "submit"},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "score every criterion" in page
    assert "Strong helpline." in page
    assert Review.objects.count() == 0


def test_the_review_page_saves_a_draft_then_submits(client, setting):
    candidate, (alice, *_rest) = setting
    sign_in(client, alice)
    url = reverse("review:review", args=[candidate.pk])
    data = {f"score_{n}": str(s) for n, s in FULL.items()} | {"recommendation": "yes"}

    client.post(url, {**data, "action": "save"})
    assert Review.objects.get().state == "draft"
    client.post(url, {**data, "action": "submit"})

    assert Review.objects.get().state == "submitted"
    home = client.get(reverse("review:home"))
    assert [r.state for _a, r in home.context["queue"]] == ["submitted"]


def test_htmx_autosave_keeps_a_draft_as_the_member_types(client, setting):
    candidate, (alice, *_rest) = setting
    sign_in(client, alice)
    url = reverse("review:review", args=[candidate.pk])

    response = client.post(
        url,
        {"score_2": "3", "comment_2": "Thinking…", "action": "autosave"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert "Saved at" in response.content.decode()
    review = Review.objects.get()
    assert (review.state, review.scores, review.comments) == ("draft", {"2": 3}, {"2": "Thinking…"})


def test_autosave_never_revises_a_submitted_review(client, setting):
    candidate, (alice, *_rest) = setting
    services.save_review(
        alice, candidate, scores=FULL, comments={}, recommendation="yes", submit=True
    )
    sign_in(client, alice)

    response = client.post(
        reverse("review:review", args=[candidate.pk]),
        {"score_1": "1", "action": "autosave"},
        HTTP_HX_REQUEST="true",
    )

    assert "with its button" in response.content.decode()
    assert Review.objects.get().scores["1"] == 4
