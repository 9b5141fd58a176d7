"""The final selection: the suggested slate, overrides, the chair's lock, letters, the embargo."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from laurel.candidates import services as screening
from laurel.cycles.enums import Phase
from laurel.cycles.models import Cycle
from laurel.cycles.phases import PhaseRefused
from laurel.notifications.enums import EmailState
from laurel.notifications.models import OutgoingEmail
from laurel.notifications.services import (
    ReleasedWithItsBatch,
    release_email,
)
from laurel.selection import queries, services
from laurel.selection.models import Decision, Override, Place
from tests.selection.helpers import scored_committee, shared_committee

TEXTS = {"sv": "Text på svenska.", "en": "Text in English."}


def _shortlisted(cycle, staff):
    cycle.laureate_count = 4
    cycle.save(update_fields=["laureate_count"])
    committee = scored_committee(cycle, staff, count=8)
    for candidate in committee.candidates:
        services.shortlist_candidate(candidate, kind="shortlist", actor=staff)
    return committee


# Eight scored candidates, all shortlisted: built once for the module (tests.conftest.shared_world),
# each test in a savepoint of its own. Every test here starts from it (the delivery task's own
# test is in tests/selection/test_embargoed_delivery.py).
world, child10, staff_user, committee = shared_committee(_shortlisted)


def suggest(committee, staff, **constraints):
    return services.suggest_slate(
        committee.candidates[0].cycle,
        max_per_country=constraints.get("max_per_country"),
        min_per_kind=constraints.get("min_per_kind", {}),
        reserve_count=2,
        from_shortlist=True,
        actor=staff,
    )


def names(decision, role):
    return [p.candidate.name for p in queries.places(decision)[role]]


def write_all(decision, actor):
    for place in decision.places.filter(role="laureate"):
        services.write_place(place, reason="Because.", citation=TEXTS, summary=TEXTS, actor=actor)


def test_the_suggested_slate_respects_the_country_limit_and_shows_its_cost(committee, staff_user):
    free = suggest(committee, staff_user)
    assert names(free, "laureate") == [
        "Ljusglimt",
        "Trygga Nätet",
        "Barnens Röst",
        "Netzwerk Kinderschutz",
    ]

    limited = suggest(committee, staff_user, max_per_country=1, min_per_kind={"technology": 1})

    assert names(limited, "laureate") == [
        "Ljusglimt",
        "Netzwerk Kinderschutz",
        "Safe Online Lab",
        "Fundacja Dzieci",
    ]
    assert names(limited, "reserve") == ["Trygga Nätet", "Barnens Röst"]
    assert limited.suggestion["costs"]["country"] > 0
    assert limited.suggestion["costs"]["kind:technology"] == 0
    assert limited.suggestion["unconstrained_score"] > limited.suggestion["score"]


def test_fewer_candidates_than_places_are_refused(committee, staff_user, child10):
    child10.laureate_count = 9
    child10.save(update_fields=["laureate_count"])

    with pytest.raises(services.SelectionError, match=r"Only 8 candidates .* 9 laureates"):
        suggest(committee, staff_user)
    assert Decision.objects.filter(places__isnull=False).count() == 0


def test_an_override_needs_a_reason_and_promotes_a_reserve(committee, staff_user):
    decision = suggest(committee, staff_user, max_per_country=1)
    laureate = queries.places(decision)["laureate"][-1].candidate
    reserve = queries.places(decision)["reserve"][0].candidate

    with pytest.raises(services.SelectionError, match="Give the reason"):
        services.replace_place(
            decision, removed=laureate, added=reserve, reason=" ", actor=committee.chair
        )
    services.replace_place(
        decision,
        removed=laureate,
        added=reserve,
        reason="Complements the group.",
        actor=committee.chair,
    )

    assert queries.places(decision)["laureate"][-1].candidate == reserve
    assert queries.places(decision)["reserve"][0].candidate == laureate
    assert [(o.removed, o.added, o.reason) for o in Override.objects.all()] == [
        (laureate, reserve, "Complements the group.")
    ]


def test_an_ineligible_or_withdrawn_candidate_cannot_be_chosen(committee, staff_user):
    decision = suggest(committee, staff_user)
    laureate = queries.places(decision)["laureate"][0].candidate
    outsider = committee.candidates[-1]
    screening.decide_eligibility(outsider, eligible=False, reason="outside_theme", actor=staff_user)

    with pytest.raises(services.SelectionError, match="not eligible"):
        services.replace_place(
            decision, removed=laureate, added=outsider, reason="x", actor=staff_user
        )

    # A laureate screened out after the suggestion stops the lock.
    write_all(decision, staff_user)
    screening.decide_eligibility(laureate, eligible=False, reason="other", actor=staff_user)
    with pytest.raises(services.SelectionError, match="no longer eligible"):
        services.lock_decision(decision, actor=committee.chair)
    assert Decision.objects.get().state == "draft"


def test_only_the_chair_locks_a_complete_decision_and_then_nothing_changes(committee, staff_user):
    decision = suggest(committee, staff_user)
    alice = committee.members[0]

    with pytest.raises(services.SelectionError, match="reason is missing"):
        services.lock_decision(decision, actor=committee.chair)
    write_all(decision, staff_user)
    with pytest.raises(services.SelectionError, match="Only the chair"):
        services.lock_decision(decision, actor=alice)
    services.lock_decision(decision, actor=committee.chair)

    place = decision.places.first()
    assert Cycle.objects.get(pk=decision.cycle_id).phase == Phase.DECIDED  # the lock moved it
    with pytest.raises(PhaseRefused, match="not in the phase “Decided”"):
        services.write_place(place, reason="New", citation=TEXTS, summary=TEXTS, actor=staff_user)
    with pytest.raises(PhaseRefused, match="not in the phase “Decided”"):
        suggest(committee, staff_user)
    with pytest.raises(PhaseRefused, match="cannot change in the phase “Decided”"):
        services.shortlist_candidate(committee.candidates[0], kind="reserve", actor=staff_user)
    assert Place.objects.get(pk=place.pk).reason == "Because."


@pytest.fixture
def locked(committee, staff_user, run_tasks):
    """A locked decision, with every email before it delivered and forgotten."""
    decision = suggest(committee, staff_user)
    write_all(decision, staff_user)
    run_tasks()
    mail.outbox.clear()
    return services.lock_decision(decision, actor=committee.chair)


def test_letters_wait_in_the_outbox_until_released_after_the_embargo(locked, staff_user, run_tasks):
    announce = timezone.now() + timedelta(days=2)
    counts = services.prepare_letters(
        locked, announce_at=announce, respond_by=announce + timedelta(days=14), actor=staff_user
    )

    assert counts == {
        "decision_laureate": 4,
        "decision_reserve": 2,
        "decision_not_selected": 2,
        "decision_nominator": 8,
    }
    assert set(services.letters(locked).values_list("state", flat=True)) == {EmailState.HELD}
    with pytest.raises(services.SelectionError, match="cannot leave before"):
        services.release_letters(locked, actor=staff_user)
    run_tasks()
    assert mail.outbox == []
    assert queries.announced_laureates(locked.cycle).count() == 0


def test_a_decision_letter_cannot_be_released_alone_from_the_outbox(
    locked, staff_user, staff_client, run_tasks
):
    announce = timezone.now() + timedelta(days=2)
    services.prepare_letters(
        locked, announce_at=announce, respond_by=announce + timedelta(days=14), actor=staff_user
    )
    email = services.letters(locked).first()

    with pytest.raises(ReleasedWithItsBatch):
        release_email(email, actor=staff_user)
    page = staff_client.post(reverse("outbox:release", args=[email.pk]), follow=True)
    run_tasks()

    assert "leaves with the others of its kind" in page.content.decode()
    assert mail.outbox == []
    assert OutgoingEmail.objects.get(pk=email.pk).state == EmailState.HELD


def test_after_the_embargo_every_letter_leaves_once_and_the_laureate_can_accept(
    locked, staff_user, run_tasks
):
    announce = timezone.now() - timedelta(minutes=1)
    services.prepare_letters(
        locked, announce_at=announce, respond_by=announce + timedelta(days=14), actor=staff_user
    )

    released = services.release_letters(locked, actor=staff_user)
    run_tasks()
    run_tasks()

    assert released == 16
    assert len(mail.outbox) == 16
    laureate_letter = next(m for m in mail.outbox if "is a laureate" in m.subject)
    assert "100,000\xa0SEK" in laureate_letter.body
    link = next(line for line in laureate_letter.body.splitlines() if "/laureate/" in line)
    token = link.rsplit("/laureate/", 1)[1].strip("/")
    place = services.answer_award(token, accept=True)
    assert place.answer == "accepted"
    with pytest.raises(services.AnswerRefused):
        services.answer_award(token, accept=False)
    # Public only once it has also said its name may be published.
    assert queries.announced_laureates(locked.cycle).count() == 0
    nominator_letters = [m for m in mail.outbox if "The committee has decided" in m.subject]
    assert len(nominator_letters) == 8
    assert all("Trains moderators" not in m.body for m in nominator_letters)
    # Nominators are outside the secretariat: their letter never says whether their nominee is a
    # laureate (it is not public before it accepts and agrees to be named), so all read alike.
    nominee = re.compile(r"nomination (\S+) of (.+?)\. The committee")
    named = {nominee.search(m.body).group(2) for m in nominator_letters}
    laureate_names = {p.candidate.name for p in queries.places(locked)["laureate"]}
    assert named & laureate_names and named - laureate_names  # both kinds were told
    assert len({nominee.sub("REF ORG", m.body) for m in nominator_letters}) == 1


def test_a_decision_with_more_laureates_than_places_cannot_be_locked(committee, staff_user):
    decision = suggest(committee, staff_user)
    write_all(decision, staff_user)
    outsider = queries.places(decision)["reserve"][0]
    # However it came about (a place added in the admin, say), one too many stops the lock.
    Place.objects.filter(pk=outsider.pk).update(role="laureate", position=5)

    with pytest.raises(services.SelectionError, match="names 5 laureates; exactly 4"):
        services.lock_decision(decision, actor=committee.chair)
    assert Decision.objects.get().state == "draft"


def test_the_reserves_can_be_reordered_until_the_lock(committee, staff_user):
    decision = suggest(committee, staff_user)
    first, second = queries.places(decision)["reserve"]

    services.move_reserve(second, offset=-1, actor=committee.chair)

    assert names(decision, "reserve") == [second.candidate.name, first.candidate.name]
    with pytest.raises(services.SelectionError, match="not a reserve"):
        laureate = queries.places(decision)["laureate"][0]
        services.move_reserve(laureate, offset=1, actor=committee.chair)
