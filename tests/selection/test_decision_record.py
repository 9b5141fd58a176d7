"""The locked decision as a frozen record: the report rendered from it alone (same bytes after
a late review), its content hash, overrides checked against the constraints with the chair's
reason, the lock's confirmation step, and who sees the chair's button."""

import hashlib
import json

import pytest
from django.urls import reverse

from laurel.cycles.enums import Phase
from laurel.review import queries as review_queries
from laurel.review import services as review
from laurel.selection import queries, services
from laurel.selection.models import Decision
from tests.conftest import sign_in
from tests.factories import in_phase
from tests.pdf import pdf_text
from tests.selection import pages_helpers as pages
from tests.selection.pages_helpers import complete, signed_in

# Five scored candidates (three Swedish), three laureates; bob has a conflict with the first.
# The draft: at most 1 per country, so Ljusglimt (SE), Netzwerk (DE) and Safe Online (IE) are
# the laureates and Trygga Nätet (SE) the reserve.
world, child10, staff_user, committee = pages.shared_committee()  # built once for the module
drafted = pages.drafted

REASON = "Two Swedish organisations: they work on different sides of the problem."


@pytest.fixture
def deliberating(drafted):
    in_phase(drafted.cycle, Phase.DELIBERATION)
    return drafted


def override_to_second_swede(chair_client, decision):
    laureates = queries.places(decision)["laureate"]
    removed = next(p.candidate for p in laureates if p.candidate.country == "IE")
    added = queries.places(decision)["reserve"][0].candidate
    response = chair_client.post(
        reverse("selection:override"),
        {"removed": removed.pk, "added": added.pk, "reason": "Stronger on victim support."},
    )
    assert response.status_code == 302
    return removed, added


def lock(chair_client, **data):
    return chair_client.post(reverse("selection:lock"), {**data, "confirmed": "yes"})


def test_an_override_that_breaks_a_constraint_is_named_and_costs_its_true_score(
    client, committee, deliberating
):
    chair = signed_in(client, committee.chair)
    removed, added = override_to_second_swede(chair, deliberating)

    page = chair.get(reverse("selection:decision"))

    body = page.content.decode()
    assert "At most 1 laureate from one country: the slate has 2 from Sweden." in body
    assert "At most 1 per country: <strong>broken by the committee's changes</strong>" in body
    decision = Decision.objects.get()
    check = services.check_slate(decision)
    scores = decision.suggestion["scores"]
    laureates = [p.candidate_id for p in queries.places(decision)["laureate"]]
    assert check.total == pytest.approx(sum(scores[str(pk)] for pk in laureates), abs=1e-3)
    assert check.given_up == pytest.approx(
        scores[str(removed.pk)] - scores[str(added.pk)], abs=1e-3
    )
    assert f"total score {check.total:.2f}" in body
    # The laureate taken out heads the reserves.
    assert [p.candidate for p in queries.places(decision)["reserve"]] == [removed]


def test_the_lock_needs_the_chairs_reason_for_each_broken_constraint(
    client, committee, deliberating
):
    chair = signed_in(client, committee.chair)
    override_to_second_swede(chair, deliberating)
    complete(deliberating, chair)

    refused = lock(chair)
    asked = chair.post(reverse("selection:lock"), {"because_country_SE": REASON})
    locked = lock(chair, because_country_SE=REASON)

    assert refused.status_code == 409
    assert "The chair gives a reason to lock the decision all the same." in (
        refused.content.decode()
    )
    # The refusal is said at the top of the long page too, with a link down to the lock.
    assert 'id="lock-refused"' in refused.content.decode()
    assert "(optional)" not in refused.content.decode().split('id="lock"')[1]
    assert asked.status_code == 200
    assert asked.templates[0].name == "core/confirm.html"
    assert "This cannot be undone." in asked.content.decode()
    assert f'name="because_country_SE" value="{REASON}"' in asked.content.decode()
    assert locked.status_code == 302
    decision = Decision.objects.get()
    assert decision.state == "locked"
    assert decision.breach_reasons == {"country:SE": REASON}
    assert decision.record["decision"]["slate"]["reasons"] == {"country:SE": REASON}
    assert decision.record["decision"]["slate"]["breaches"] == [
        {"name": "country:SE", "count": 2, "limit": 1}
    ]
    text = pdf_text(chair.get(reverse("selection:report")).content)
    assert (
        f"At most 1 laureate from one country: the slate has 2 from Sweden. Reason: {REASON}"
        in (text)
    )


def test_the_lock_asks_for_confirmation_first_and_changes_nothing_until_then(
    client, committee, deliberating
):
    chair = signed_in(client, committee.chair)
    complete(deliberating, chair)

    response = chair.post(reverse("selection:lock"))

    assert response.status_code == 200
    body = response.content.decode()
    assert "The decision is frozen as a record with a content hash" in body
    assert "Reviews close: no score can change any more." in body
    assert "Staff can prepare the decision letters." in body
    places = queries.places(Decision.objects.get())
    names = ", ".join(p.candidate.name for p in places["laureate"])
    assert f"Laureates: {names}. Reserves, in order: " in body  # what is being locked
    assert "<h1>Lock the decision?</h1>" in body
    assert Decision.objects.get().state == "draft"


@pytest.fixture
def locked(client, committee, deliberating):
    chair = signed_in(client, committee.chair)
    complete(deliberating, chair)
    assert lock(chair).status_code == 302
    client.logout()
    return Decision.objects.get()


def test_the_report_is_the_same_bytes_after_a_member_reviews_after_the_lock(
    client, committee, locked
):
    alice = committee.members[0]
    laureate = next(
        p.candidate
        for p in queries.places(locked)["laureate"]
        if review_queries.is_assigned(alice, p.candidate)
    )
    chair = signed_in(client, committee.chair)
    before = chair.get(reverse("selection:report")).content
    total_before = chair.get(reverse("selection:decision")).context["check"].total
    client.logout()

    sign_in(client, alice)
    client.post(
        reverse("review:review", args=[laureate.pk]),
        {"score_1": "1", "score_2": "1", "score_3": "1", "score_4": "1",
         "recommendation": "no", "action": "submit"},
    )  # fmt: skip
    client.logout()
    chair = signed_in(client, committee.chair)
    after = chair.get(reverse("selection:report")).content
    total_after = chair.get(reverse("selection:decision")).context["check"].total

    assert after == before
    assert total_after == total_before  # the page of a locked decision reads the record too
    decision = Decision.objects.get()
    expected = hashlib.sha256(
        json.dumps(
            decision.record, sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode()
    ).hexdigest()
    assert decision.record_hash == expected
    assert f"Content hash of the record (SHA-256): {expected}" in pdf_text(after)
    assert f'<code class="hash">{expected}</code>' in (
        chair.get(reverse("selection:decision")).content.decode()
    )


def test_the_record_holds_scores_reviews_texts_committee_and_the_lock(committee, locked):
    made = locked.record["decision"]
    laureate = made["laureates"][0]
    row = next(r for r in locked.record["scores"] if r["candidate"] == laureate["candidate"])

    assert (made["locked_by"]["id"], made["locked_at"]) == (
        committee.chair.pk,
        locked.locked_at.isoformat(),
    )
    assert [p["chair"] for p in locked.record["committee"] if p["id"] == committee.chair.pk] == [
        True
    ]
    assert row["reviews"] == 2 and row["rank"] >= 1 and row["normalised"] > 0
    assert laureate["citation"] == {
        "sv": f"Hyllning till {laureate['name']}.",
        "en": f"Citation for {laureate['name']}.",
    }
    assert laureate["summary"] == {"sv": "Stödjer barn.", "en": "Supports children."}


def test_a_chair_with_a_conflict_gets_no_score_of_it_from_the_locked_record(
    client, committee, deliberating
):
    laureate = queries.places(deliberating)["laureate"][-1].candidate
    review.declare_conflict(committee.chair, laureate, kind="personal")
    for place in deliberating.places.filter(role="laureate").select_related("candidate"):
        name = place.candidate.name
        services.write_place(
            place, reason=f"Reason for {name}.",
            citation={"sv": f"Hyllning till {name}.", "en": f"Citation for {name}."},
            summary={"sv": "Stödjer barn.", "en": "Supports children."}, actor=committee.members[0],
        )  # fmt: skip
    services.lock_decision(deliberating, actor=committee.chair)
    decision = Decision.objects.get()
    hidden_row = next(r for r in decision.record["scores"] if r["candidate"] == laureate.pk)

    chair = signed_in(client, committee.chair)
    text = pdf_text(chair.get(reverse("selection:report")).content)

    assert laureate.name in text  # named where the decision names it
    assert f"Reason for {laureate.name}." not in text
    assert f"{laureate.name} {laureate.country}" not in text
    assert f"{hidden_row['normalised']:.2f} {hidden_row['weighted']:.2f}" not in text
    assert "its part of the report is left out of your copy" in text


def test_only_the_chair_is_offered_the_lock(client, committee, deliberating, staff_user):
    staff = signed_in(client, staff_user)
    staff_page = staff.get(reverse("selection:decision")).content.decode()
    staff_lock = staff.post(reverse("selection:lock"), {"confirmed": "yes"})
    client.logout()
    chair_page = signed_in(client, committee.chair).get(reverse("selection:decision"))
    client.logout()
    member_page = signed_in(client, committee.members[0]).get(reverse("selection:decision"))

    assert "I confirm the decision as chair" not in staff_page
    assert "The chair of the committee locks the decision." in staff_page
    assert staff_lock.status_code == 404
    assert "I confirm the decision as chair" in chair_page.content.decode()
    assert member_page.status_code == 404
    assert Decision.objects.get().state == "draft"


def test_a_member_cannot_open_the_report(client, committee, locked):
    member = signed_in(client, committee.members[1])

    assert member.get(reverse("selection:report")).status_code == 404


def test_a_laureate_taken_out_for_an_outsider_heads_the_reserves(committee, deliberating):
    reserve = queries.places(deliberating)["reserve"][0].candidate
    laureate = queries.places(deliberating)["laureate"][0].candidate
    outsider = next(
        c
        for c in committee.candidates
        if c.pk not in {p.candidate_id for p in deliberating.places.all()}
    )

    services.replace_place(
        deliberating, removed=laureate, added=outsider, reason="Closer to the theme.",
        actor=committee.chair,
    )  # fmt: skip

    places = queries.places(deliberating)
    assert [(p.candidate, p.position) for p in places["reserve"]] == [(laureate, 1), (reserve, 2)]
    assert places["laureate"][0].candidate == outsider
