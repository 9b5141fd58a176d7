"""Mentions in the committee's discussion (issue 17, item 3): by the start of a name or an
email address, by the whole name; punctuation ends a mention; what fits nobody, several members
or a conflicted member is told to the writer, and so is who was notified."""

import pytest
from django.urls import reverse

from laurel.accounts.models import User
from laurel.notifications.models import OutgoingEmail
from laurel.review import services
from laurel.review.models import Comment
from laurel.review.services.discussing import read_mentions
from tests.conftest import sign_in
from tests.scenarios import member, ready

ALICE = User(email="alice.b@example.org", full_name="Alice Berg")
ALAN = User(email="alan@example.org", full_name="Alan Ek")
BOB = User(email="bob@example.org", full_name="")
AL = User(email="al@example.org", full_name="Alva Lind")
ALICE_EK = User(email="aek@example.org", full_name="Alice Ek")
PEOPLE = [ALICE, ALAN, BOB]


def read(text, members=PEOPLE):
    found = read_mentions(text, members)
    return found.members, [(w, fits) for w, fits in found.ambiguous], found.unknown


@pytest.mark.parametrize(
    "text",
    ["@alice", "@ali", "@alice.b", "@Berg", "@aliceberg", "@ALICE", "@Alice Berg, what now?"],
)
def test_a_unique_start_of_a_name_or_address_mentions_the_member(text):
    assert read(text) == ([ALICE], [], [])


@pytest.mark.parametrize(
    "text", ["Thanks @ali.", "@ali, see", "(@ali)", "@ali; and", "@ali!", "@ali?", "@ali:"]
)
def test_punctuation_after_a_mention_ends_it(text):
    assert read(text) == ([ALICE], [], [])


def test_an_address_in_the_text_is_no_mention():
    assert read("write to bob@example.org") == ([], [], [])


def test_a_start_several_members_share_is_ambiguous_and_names_them():
    assert read("@al what do you think?") == ([], [("@al", [ALICE, ALAN])], [])


def test_a_word_one_member_has_exactly_wins_over_words_it_only_starts():
    assert read("@al", [ALICE, ALAN, AL]) == ([AL], [], [])


def test_the_whole_name_tells_apart_members_with_the_same_first_name():
    members = [ALICE, ALICE_EK]

    assert read("@Alice Ek: and @alice", members) == ([ALICE_EK], [("@alice", members)], [])


def test_a_mention_that_fits_nobody_is_unknown():
    assert read("@zed and @bob.") == ([BOB], [], ["@zed"])


@pytest.fixture
def thread(child10, staff_user):
    candidate = ready(child10, "Ljus", website="https://ljus.se", staff=staff_user)
    alice = member(child10, "alice@example.org")
    alice.full_name = "Alice Berg"
    alice.save(update_fields=["full_name"])
    bob = member(child10, "bob@example.org")
    bob.full_name = "Bob Ek"
    bob.save(update_fields=["full_name"])
    carol = member(child10, "carol@example.org")
    carol.full_name = "Carol Nilsson"
    carol.save(update_fields=["full_name"])
    services.declare_conflict(carol, candidate, kind="board")
    return candidate, alice, bob, carol


@pytest.mark.django_db
def test_a_conflicted_member_is_never_notified_and_the_writer_is_told_why(thread):
    candidate, alice, bob, carol = thread

    posted = services.post_comment(alice, candidate, text="@bob. and @carol, your views?")

    assert [e.to for e in OutgoingEmail.objects.filter(key="discussion_mention")] == [bob.email]
    assert (posted.notified, posted.conflicted) == ([bob], [carol])
    assert Comment.objects.get().mentions == [bob.pk]


@pytest.mark.django_db
def test_the_email_names_the_writer_by_name(thread):
    candidate, alice, _bob, _carol = thread

    services.post_comment(alice, candidate, text="@Bob Ek, a question")

    email = OutgoingEmail.objects.get(key="discussion_mention")
    assert "Alice Berg mentioned you" in email.body_text
    assert "alice@example.org" not in email.body_text


@pytest.mark.django_db
def test_after_posting_the_writer_reads_who_was_notified_and_what_was_not_understood(
    client, thread
):
    candidate, alice, _bob, _carol = thread
    sign_in(client, alice)

    response = client.post(
        reverse("review:comment", args=[candidate.pk]),
        {"text": "@bob. @zed and @carol?"},
        follow=True,
    )

    page = response.content.decode()
    comment = Comment.objects.get()
    assert response.redirect_chain[-1][0].endswith(f"?posted={comment.pk}#comment-{comment.pk}")
    assert "Notified by email: Bob Ek." in page
    assert "@zed fits no member of the committee, so nobody was notified by it." in page
    assert (
        "Carol Nilsson was not notified: they have a conflict of interest with this candidate"
        in page
    )
    assert "<footer>Alice Berg, " in page


@pytest.mark.django_db
def test_an_ambiguous_mention_names_the_members_it_fits(client, thread, child10):
    candidate, alice, _bob, _carol = thread
    bert = member(child10, "bert@example.org")
    bert.full_name = "Bert Holm"
    bert.save(update_fields=["full_name"])
    sign_in(client, alice)

    page = client.post(
        reverse("review:comment", args=[candidate.pk]), {"text": "@b?"}, follow=True
    ).content.decode()

    assert "Nobody was notified." in page
    assert "@b fits more than one member (Alice Berg, Bert Holm, Bob Ek)" in page
    assert not OutgoingEmail.objects.filter(key="discussion_mention").exists()


@pytest.mark.django_db
def test_another_member_sees_no_outcome_of_someone_elses_message(client, thread):
    candidate, alice, bob, _carol = thread
    posted = services.post_comment(alice, candidate, text="@bob, @zed")
    sign_in(client, bob)

    page = client.get(
        reverse("review:candidate", args=[candidate.pk]) + f"?posted={posted.comment.pk}"
    ).content.decode()

    assert "@bob, @zed" in page
    assert "posted-outcome" not in page


@pytest.mark.django_db
def test_the_outcome_is_in_swedish_too(client, thread):
    candidate, alice, _bob, _carol = thread
    posted = services.post_comment(alice, candidate, text="@bob och @zed")
    sign_in(client, alice)

    page = client.get(
        f"/sv/committee/candidates/{candidate.pk}/?posted={posted.comment.pk}"
    ).content.decode()

    assert "Fick besked via e-post: Bob Ek." in page
    assert "@zed passar ingen ledamot i kommittén" in page
