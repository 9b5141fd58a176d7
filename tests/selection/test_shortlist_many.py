"""Several candidates onto the shortlist at once from the results table (issue 17, item 19):
in the results' order, one audit entry each, what was skipped named with its reason; only those
who lead the selection may do it."""

import pytest
from django.urls import reverse

from laurel.core.models import AuditEntry
from laurel.review import services as review
from laurel.selection import services
from laurel.selection.models import ShortlistEntry
from tests.selection.pages_helpers import shared_committee, signed_in

# The committee of the selection pages, built once for the module.
world, child10, staff_user, committee = shared_committee()

pytestmark = pytest.mark.django_db


def test_the_chair_puts_ticked_candidates_on_the_shortlist_in_the_results_order(
    client,
    committee,
):
    chair = signed_in(client, committee.chair)
    first, second, third, fourth, _fifth = committee.candidates
    services.shortlist_candidate(second, kind="shortlist", actor=committee.chair)
    page = chair.get(reverse("selection:home")).content.decode()

    response = chair.post(
        reverse("selection:shortlist_many"),
        {"candidates": [fourth.pk, second.pk, first.pk], "kind": "shortlist"},
        follow=True,
    )

    text = response.content.decode()
    assert page.count('form="shortlist-many"') == 5
    assert list(
        ShortlistEntry.objects.filter(kind="shortlist").values_list("candidate", flat=True)
    ) == [second.pk, first.pk, fourth.pk]  # best total first, after the one already there
    assert f"2 candidates added to the list: {first.name}, {fourth.name}." in text
    assert f"{second.name} was not added: already on that list" in text
    shortlisted = AuditEntry.objects.filter(key="candidate.shortlisted")
    assert sorted(int(e.subject_id) for e in shortlisted) == sorted(
        [first.pk, second.pk, fourth.pk]
    )
    assert not ShortlistEntry.objects.filter(candidate=third).exists()


def test_a_candidate_the_leader_is_conflicted_with_is_skipped_with_the_reason(
    client,
    committee,
):
    first, second, *_rest = committee.candidates
    review.declare_conflict(committee.chair, second, kind="employment")
    placed, skipped = services.shortlist_many(
        [first, second], kind="reserve", actor=committee.chair
    )

    assert placed == [first]
    assert [candidate for candidate, _why in skipped] == [second]
    assert list(ShortlistEntry.objects.values_list("candidate", "kind")) == [(first.pk, "reserve")]


def test_nothing_ticked_is_said_next_to_the_table_and_changes_nothing(
    client,
    committee,
):
    chair = signed_in(client, committee.chair)

    response = chair.post(reverse("selection:shortlist_many"), {"kind": "shortlist"}, follow=True)

    assert "Tick at least one candidate in the results table." in response.content.decode()
    assert not ShortlistEntry.objects.exists()


def test_a_member_cannot_shortlist_many(client, committee):
    alice = signed_in(client, committee.members[0])

    response = alice.post(
        reverse("selection:shortlist_many"),
        {"candidates": [c.pk for c in committee.candidates], "kind": "shortlist"},
    )

    assert response.status_code == 404
    assert not ShortlistEntry.objects.exists()


def test_in_swedish(client, committee):
    chair = signed_in(client, committee.chair)
    first = committee.candidates[0]

    response = chair.post(
        reverse("selection:shortlist_many").replace("/en/", "/sv/", 1),
        {"candidates": [first.pk], "kind": "shortlist"},
        follow=True,
    )

    assert f"1 kandidat har lagts till på listan: {first.name}." in response.content.decode()
