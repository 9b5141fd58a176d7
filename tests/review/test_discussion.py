"""The discussion of a candidate: members without a conflict only; mentions notify."""

import pytest
from django.urls import reverse

from laurel.notifications.models import OutgoingEmail
from laurel.review import services
from laurel.review.models import Comment
from tests.conftest import sign_in
from tests.scenarios import member, ready

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(child10, staff_user):
    candidate = ready(child10, "Ljus", website="https://ljus.se", staff=staff_user)
    alice = member(child10, "alice@example.org")
    bob = member(child10, "bob@example.org")
    carol = member(child10, "carol@example.org")
    services.declare_conflict(carol, candidate, kind="board")
    return candidate, alice, bob, carol


def test_a_mention_tells_the_member_but_not_what_was_written(thread):
    candidate, alice, bob, _carol = thread

    services.post_comment(alice, candidate, text="@bob what do you make of criterion 2? @carol")

    email = OutgoingEmail.objects.get(key="discussion_mention")
    assert email.to == bob.email  # carol is conflicted: not told
    assert "criterion 2" not in email.body_text
    assert Comment.objects.get().mentions == [bob.pk]


def test_a_conflicted_member_neither_posts_nor_reads(client, thread):
    candidate, alice, _bob, carol = thread
    services.post_comment(alice, candidate, text="A first thought.")

    with pytest.raises(services.ReviewError, match="cannot take part"):
        services.post_comment(carol, candidate, text="Let me add…")
    sign_in(client, carol)
    page = client.get(reverse("review:candidate", args=[candidate.pk]))

    assert page.status_code == 403
    assert "A first thought." not in page.content.decode()


def test_members_post_from_the_page(client, thread):
    candidate, alice, _bob, _carol = thread
    sign_in(client, alice)

    client.post(reverse("review:comment", args=[candidate.pk]), {"text": "Strong on prevention."})
    page = client.get(reverse("review:candidate", args=[candidate.pk])).content.decode()

    assert "Strong on prevention." in page
