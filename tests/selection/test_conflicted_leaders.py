"""A leader with a conflict is conflicted like any member: a chair sees no score, note, record,
reason or vote of that candidate, and staff lead and record its item; a conflicted member sees
nobody's vote on it."""

import pytest
from django.urls import reverse

from laurel.review import services as review
from laurel.selection import queries, services
from laurel.selection.models import ShortlistEntry
from tests.selection import pages_helpers as pages
from tests.selection.pages_helpers import pdf_text, shortlist_all, signed_in

# The same committee (five scored candidates; bob has a conflict with the first) and draft.
world, child10, staff_user, committee = pages.shared_committee()  # built once for the module
drafted = pages.drafted

ARGUMENTS = "Founded by the chair's cousin; strong reach in schools."
NOTE = "Ask about the cousin."


@pytest.fixture
def conflicted(committee, staff_user):
    """Everything shortlisted; the chair has a conflict with the second candidate, whose item
    staff have led and recorded."""
    entries = shortlist_all(committee, staff_user)
    candidate = committee.candidates[1]
    review.declare_conflict(committee.chair, candidate, kind="personal")
    entry = ShortlistEntry.objects.get(candidate=candidate)
    services.shortlist_candidate(candidate, kind="shortlist", note=NOTE, actor=staff_user)
    services.go_to(entry.cycle, entry=entry, actor=staff_user)
    services.record_discussion(
        entry, arguments=ARGUMENTS, outcome="supported", recused=[committee.chair],
        actor=staff_user,
    )  # fmt: skip
    assert len(entries) == len(committee.candidates)
    return ShortlistEntry.objects.select_related("candidate", "cycle").get(pk=entry.pk)


def test_a_conflicted_chair_gets_no_record_of_that_item_in_the_meeting(
    client, committee, conflicted
):
    chair = signed_in(client, committee.chair)

    response = chair.get(reverse("selection:meeting"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "record_form" not in response.context
    assert ARGUMENTS.replace("'", "&#x27;") not in page and ARGUMENTS not in page
    assert reverse("selection:record", args=[conflicted.pk]) not in page
    assert "You have a conflict with this candidate: staff lead and record its discussion." in page


def test_a_conflicted_chair_cannot_rewrite_the_record(client, committee, conflicted):
    chair = signed_in(client, committee.chair)

    response = chair.post(
        reverse("selection:record", args=[conflicted.pk]),
        {"arguments": "Rewritten.", "outcome": "not_supported"},
        follow=True,
    )

    entry = ShortlistEntry.objects.get(pk=conflicted.pk)
    assert (entry.arguments, entry.outcome) == (ARGUMENTS, "supported")
    assert "staff lead and record its discussion" in response.content.decode()


def test_a_conflicted_chair_sees_no_score_or_note_of_it_on_the_selection_page(
    client, committee, conflicted
):
    chair = signed_in(client, committee.chair)

    response = chair.get(reverse("selection:home"))

    assert response.status_code == 200
    assert conflicted.candidate not in [row["candidate"] for row in response.context["rows"]]
    assert committee.candidates[2] in [row["candidate"] for row in response.context["rows"]]
    assert NOTE not in response.content.decode()


def test_a_conflicted_chairs_report_leaves_that_candidate_out(
    client, committee, conflicted, tmp_path
):
    chair = signed_in(client, committee.chair)

    response = chair.get(reverse("selection:report"))

    assert response.status_code == 200
    text = " ".join(pdf_text(response.content, tmp_path).split())
    assert "strong reach in schools" not in text
    assert NOTE not in text
    assert "its part of the report is left out of your copy" in text
    assert committee.candidates[2].name in text


def test_staff_report_keeps_the_record(staff_client, conflicted, tmp_path):
    response = staff_client.get(reverse("selection:report"))

    text = " ".join(pdf_text(response.content, tmp_path).split())
    assert "strong reach in schools" in text
    assert NOTE in text


def test_a_conflicted_chair_sees_no_score_or_reason_of_a_laureate_and_cannot_write_it(
    client, committee, drafted, staff_user
):
    laureate = queries.places(drafted)["laureate"][0]
    review.declare_conflict(committee.chair, laureate.candidate, kind="personal")
    services.write_place(
        laureate, reason="Staff's reason.", citation={"en": "Staff's citation."}, summary={},
        actor=staff_user,
    )  # fmt: skip
    chair = signed_in(client, committee.chair)

    page = chair.get(reverse("selection:decision"))
    write = chair.post(
        reverse("selection:place", args=[laureate.pk]),
        {f"p{laureate.pk}-reason": "The chair's reason."},
    )

    body = page.content.decode()
    assert str(laureate.candidate_id) not in page.context["scores"]
    assert "Staff&#x27;s reason." not in body and "Staff's reason." not in body
    # Refused: the page again, saying why beside the laureate (no form for it).
    assert write.status_code == 409
    assert "You have a conflict with this candidate" in write.content.decode()
    assert write.context["place_forms"][0] == (laureate, None)
    laureate.refresh_from_db()
    assert laureate.reason == "Staff's reason."


def test_a_conflicted_member_sees_no_ones_vote_on_that_candidate(client, committee, staff_user):
    entries = shortlist_all(committee, staff_user)
    conflicted, other = entries[0].candidate, entries[1].candidate  # bob: a conflict with [0]
    round_ = services.open_round(
        conflicted.cycle, method="approval", secret=False, candidates=[conflicted, other],
        actor=staff_user,
    )  # fmt: skip
    alice, bob = committee.members
    services.cast_ballot(round_, voter=alice, ranks={conflicted.pk: 1, other.pk: 1}, actor=alice)
    services.cast_ballot(
        round_, voter=committee.chair, ranks={conflicted.pk: 1}, actor=committee.chair
    )
    services.close_round(round_, actor=staff_user)

    response = signed_in(client, bob).get(reverse("selection:round", args=[round_.pk]))

    marks = {
        voter.email: [name for _rank, name in names] for voter, names in response.context["ballots"]
    }
    assert marks == {alice.email: [other.name], committee.chair.email: []}
    who_voted = response.content.decode().split("Who voted how")[1]
    assert conflicted.name not in who_voted


def test_a_member_without_that_conflict_sees_every_vote(client, committee, staff_user):
    entries = shortlist_all(committee, staff_user)
    conflicted, other = entries[0].candidate, entries[1].candidate
    round_ = services.open_round(
        conflicted.cycle, method="approval", secret=False, candidates=[conflicted, other],
        actor=staff_user,
    )  # fmt: skip
    alice = committee.members[0]
    services.cast_ballot(round_, voter=alice, ranks={conflicted.pk: 1, other.pk: 1}, actor=alice)
    services.close_round(round_, actor=staff_user)

    response = signed_in(client, alice).get(reverse("selection:round", args=[round_.pk]))

    marks = {
        voter.email: sorted(n for _r, n in names) for voter, names in response.context["ballots"]
    }
    assert marks == {alice.email: sorted([conflicted.name, other.name])}


def test_a_conflicted_chair_takes_no_selection_step_on_that_candidate(
    client, committee, conflicted, staff_user
):
    chair = signed_in(client, committee.chair)
    before = list(ShortlistEntry.objects.order_by("kind", "position").values_list("pk", "kind"))

    to_reserve = chair.post(
        reverse("selection:shortlist"),
        {"candidate": conflicted.candidate_id, "kind": "reserve"},
        follow=True,
    )
    chair.post(reverse("selection:move", args=[conflicted.pk]), {"offset": -1})
    chair.post(reverse("selection:remove", args=[conflicted.pk]))

    after = list(ShortlistEntry.objects.order_by("kind", "position").values_list("pk", "kind"))
    assert after == before
    assert "You have a conflict with this candidate: staff take this step." in (
        to_reserve.content.decode()
    )


def test_a_conflicted_chair_does_not_swap_that_candidate_into_or_out_of_the_decision(
    client, committee, drafted
):
    laureate = queries.places(drafted)["laureate"][0].candidate
    reserve = queries.places(drafted)["reserve"][0].candidate
    review.declare_conflict(committee.chair, reserve, kind="personal")
    chair = signed_in(client, committee.chair)

    response = chair.post(
        reverse("selection:override"),
        {"removed": laureate.pk, "added": reserve.pk, "reason": "My cousin's organisation."},
    )

    assert response.status_code == 409
    assert [p.candidate for p in queries.places(drafted)["reserve"]] == [reserve]
