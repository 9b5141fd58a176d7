"""The committee reads the answers to the award's own questions (issue 20) only as the award
file allows: those visible to the committee or public, an answer that is personal data
redacted like any detail staff redact ([…]), a staff-only answer never (on the candidate page,
on the review page and in the dossier PDF)."""

import pytest
from django.urls import reverse

from laurel.candidates import services as screening
from laurel.review import services
from tests.conftest import sign_in
from tests.pdf import pdf_text
from tests.scenarios import (
    STAFF_ONLY,
    VISIBILITY_ANSWERS,
    VISIBILITY_QUESTIONS,
    asking,
    member,
    open_review,
    ready,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def candidate(staff_user):
    """Ready for the committee, its committee's version prepared from the redacted texts."""
    cycle = asking(VISIBILITY_QUESTIONS)
    staff = staff_user
    found = ready(cycle, "Ljus", staff, questions=VISIBILITY_ANSWERS)
    nomination = found.placements.get().nomination
    screening.save_committee_version(
        nomination, texts=screening.redacted_texts(nomination), actor=staff
    )
    return found


def read_as_committee(words: str) -> None:
    """What the committee must read, and what it must not, in a page's or a PDF's words."""
    assert "Is it part of a network?" in words
    assert "How does it work online?" in words
    assert VISIBILITY_ANSWERS["approach"] in words
    # A retired question's answer stays readable to whom it was visible.
    assert VISIBILITY_ANSWERS["founders"] in words
    # Personal data: the question is there, its answer redacted as staff redact a detail.
    assert "Whom may we ask about it?" in words
    assert "Greta Lind" not in words
    # Staff only: neither the question nor the answer.
    assert "Anything we should know?" not in words
    assert STAFF_ONLY not in words


def test_a_member_reads_the_answers_visible_to_the_committee_on_the_candidate_page(
    client, candidate
):
    sign_in(client, member(candidate.cycle, "alice@example.org"))

    response = client.get(reverse("review:candidate", args=[candidate.pk]))

    assert response.status_code == 200
    page = response.content.decode()
    read_as_committee(page)
    shown = " ".join(page.split())  # the words and tags, however the template spaces them
    assert '<h3>Is it part of a network?</h3> <p class="prose">Yes</p>' in shown
    assert '<h3>Whom may we ask about it?</h3> <p class="prose">[…]</p>' in shown


def test_the_dossier_pdf_holds_the_same_answers_and_no_staff_only_one(client, candidate):
    sign_in(client, member(candidate.cycle, "alice@example.org"))

    response = client.get(reverse("review:dossier_pdf", args=[candidate.pk]))

    assert response.status_code == 200
    words = pdf_text(response.content)
    read_as_committee(words)
    assert "Whom may we ask about it? […]" in words


def test_the_review_page_shows_the_same_answers_to_the_assigned_member(
    client, candidate, staff_user
):
    cycle = candidate.cycle
    alice = member(cycle, "alice@example.org")
    open_review(cycle)
    services.propose_assignment(cycle, actor=staff_user, k=1)
    services.publish_assignment(cycle, actor=staff_user)
    sign_in(client, alice)

    response = client.get(reverse("review:review", args=[candidate.pk]))

    assert response.status_code == 200
    read_as_committee(response.content.decode())


def test_staff_do_not_read_the_committee_s_pages_and_the_committee_not_staff_s(
    client, candidate, staff_user
):
    """Wrong roles: staff have their own page of the nomination (every answer); a member
    asking for it, or for the committee's version being prepared, finds nothing."""
    nomination = candidate.placements.get().nomination
    sign_in(client, staff_user)
    staff_reads_committee = client.get(reverse("review:candidate", args=[candidate.pk]))
    client.logout()
    sign_in(client, member(candidate.cycle, "alice@example.org"))

    pages = [
        client.get(reverse(name, args=[candidate.pk, nomination.pk]))
        for name in ("candidates:nomination", "candidates:committee_version")
    ]

    assert staff_reads_committee.status_code == 404
    assert [page.status_code for page in pages] == [404, 404]
    assert all(STAFF_ONLY.encode() not in page.content for page in pages)
