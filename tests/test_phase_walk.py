"""One cycle walked through every phase: in each, what its table allows is done (through the
services, and over HTTP as the role that does it) and everything else is refused with a message
naming the phase. Runs on SQLite and on PostgreSQL with the rest of the suite."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from laurel.candidates import services as screening
from laurel.candidates.models import Candidate
from laurel.core.texts import money
from laurel.cycles import services as cycles
from laurel.cycles.enums import Phase
from laurel.cycles.models import Cycle
from laurel.cycles.phases import ACTIONS, PhaseRefused
from laurel.laureates import services as laureates
from laurel.laureates.models import Laureate
from laurel.nominations.services import NominationsClosed
from laurel.review import queries as review_queries
from laurel.review import services as review
from laurel.review.models import Review
from laurel.selection import services as selection
from laurel.selection.models import Amendment, Decision, Place, VotingRound
from tests.candidates.helpers import confirmed
from tests.conftest import sign_in
from tests.laureates.portal_helpers import letter_to, token_of
from tests.scenarios import member, ready
from tests.selection.helpers import _assert_named_exactly, chair_of


def answer_page(decision, place) -> str:
    return f"/en/laureate/{token_of(letter_to(decision, place.candidate))}/"


# What each phase allows, from the walk's side: the table in laurel/cycles/phases.py must agree.
ALLOWED = {
    Phase.NOMINATIONS: {"nominate", "screen", "merge"},
    Phase.SCREENING: {"screen", "merge", "assign"},
    Phase.REVIEW: {"screen", "merge", "assign", "review"},
    Phase.DELIBERATION: {"screen", "shortlist", "vote", "decide", "lock"},
    Phase.DECIDED: {"letters", "answer", "programme"},
    Phase.PROGRAMME: {"letters", "answer", "programme"},
    Phase.ARCHIVED: set(),
}


class Walk:
    """The cycle, its people and a probe per action: a call that the phase check refuses before
    anything else happens (stand-in objects carry only the cycle), made only where refused."""

    def __init__(self, cycle, staff):
        self.cycle, self.staff = cycle, staff
        self.candidate = None
        self.member = None

    def probes(self):
        cycle, staff, candidate = self.cycle, self.staff, self.candidate
        decision = Decision(cycle=cycle)
        return {
            "nominate": lambda: confirmed(cycle, "Late Organisation", website="https://late.se"),
            "screen": lambda: screening.decide_eligibility(candidate, eligible=True, actor=staff),
            "merge": lambda: screening.merge_candidates(candidate, candidate, actor=staff),
            "assign": lambda: review.propose_assignment(cycle, actor=staff, k=1),
            "review": lambda: review.save_review(
                self.member,
                candidate,
                scores=dict.fromkeys(
                    map(str, cycle.criteria.values_list("number", flat=True)), cycle.score_max
                ),
                comments={},
                recommendation="yes",
            ),
            "shortlist": lambda: selection.shortlist_candidate(
                candidate, kind="shortlist", actor=staff
            ),
            "vote": lambda: selection.cast_ballot(
                VotingRound(cycle=cycle), voter=self.member, ranks={}, actor=self.member
            ),
            "decide": lambda: selection.suggest_slate(
                cycle,
                max_per_country=None,
                min_per_kind={},
                reserve_count=0,
                from_shortlist=True,
                actor=staff,
            ),
            "lock": lambda: selection.lock_decision(decision, actor=staff),
            "letters": lambda: selection.release_letters(decision, actor=staff),
            "programme": lambda: laureates.add_contact(
                Laureate(cycle=cycle), email="x@example.org", language="en", actor=staff
            ),
        }

    def assert_phase(self, phase):
        self.cycle.refresh_from_db()
        assert self.cycle.phase == phase
        refused = {}
        for action, probe in self.probes().items():
            if action in ALLOWED[phase]:
                continue
            error = NominationsClosed if action == "nominate" else PhaseRefused
            with pytest.raises(error) as caught:
                probe()
            refused[action] = str(caught.value)
        label = str(Phase(phase).label)
        assert [a for a, text in refused.items() if a != "nominate" and label not in text] == []
        return refused


def test_the_table_is_what_the_walk_expects():
    table = {phase: {a for a, rule in ACTIONS.items() if phase in rule.phases} for phase in Phase}
    assert {p: table[p] for p in ALLOWED} == ALLOWED
    assert table[Phase.DRAFT] == set()


def test_one_cycle_walks_through_every_phase(client, example_award, staff_user, run_tasks):
    """On each example award: Child10's four criteria scored 1 to 5, the Aurora Prize's three
    scored 0 to 3."""
    walk = Walk(example_award, staff_user)
    staff = staff_user
    numbers = [str(n) for n in example_award.criteria.values_list("number", flat=True)]
    full = dict.fromkeys(numbers, example_award.score_max)
    low = {f"score_{n}": str(example_award.score_min) for n in numbers}

    # Nominations open: nominations arrive, staff screen as they come.
    candidates = [
        ready(example_award, name, website=f"https://{name.lower()}.se", staff=staff)
        for name in ("Ljus", "Trygga", "Barnens")
    ]
    walk.candidate = candidates[0]
    for number, candidate in enumerate(candidates):
        token = screening.invite_organisation(
            candidate,
            email=f"office{number}@example.org",
            language="en",
            deadline=timezone.now() + timedelta(days=14),
            actor=staff,
        )
        screening.answer_claim(token, consent=True)
    chair = chair_of(example_award)
    walk.member = alice = member(example_award, "alice@example.org")
    refused = walk.assert_phase(Phase.NOMINATIONS)
    assert refused["assign"] == (
        "Assignments cannot be proposed or published in the phase “Nominations open”: "
        "only in “Screening, Review”."
    )
    sign_in(client, staff)
    response = client.post(reverse("review:assignment"), {"k": "2"}, follow=True)
    assert refused["assign"] in response.content.decode()  # a message, not a 500

    # Screening: staff close the call and assign the reviewers.
    cycles.move_phase(example_award, Phase.SCREENING, actor=staff)
    refused = walk.assert_phase(Phase.SCREENING)
    review.propose_assignment(example_award, actor=staff, k=2)
    review.publish_assignment(example_award, actor=staff)

    # Review: members review.
    cycles.move_phase(example_award, Phase.REVIEW, actor=staff)
    walk.assert_phase(Phase.REVIEW)
    for person in (chair, alice):
        for candidate in Candidate.objects.filter(pk__in=[c.pk for c in candidates]):
            if review_queries.is_assigned(person, candidate):
                review.save_review(
                    person, candidate, scores=full, comments={}, recommendation="yes", submit=True
                )

    sign_in(client, chair)  # the chair cannot shortlist before deliberation
    response = client.post(
        reverse("selection:shortlist"),
        {"candidate": candidates[0].pk, "kind": "shortlist"},
        HTTP_REFERER="http://testserver" + reverse("selection:home"),
        follow=True,
    )
    assert (
        "The shortlist and the meeting belong to the phase “Deliberation”: "
        "they cannot change in the phase “Review”."
    ) in response.content.decode()

    # Deliberation: reviews are closed, the committee shortlists, votes and decides.
    cycles.move_phase(example_award, Phase.DELIBERATION, actor=staff)
    refused = walk.assert_phase(Phase.DELIBERATION)
    assert refused["review"] == (
        "Reviews cannot be changed in the phase “Deliberation”: "
        "they are written only in the phase “Review”."
    )
    sign_in(client, alice)
    assigned = next(c for c in candidates if review_queries.is_assigned(alice, c))
    response = client.post(
        reverse("review:review", args=[assigned.pk]),
        low | {"recommendation": "no", "action": "submit"},
    )
    assert response.status_code in (200, 400)
    assert "Reviews cannot be changed in the phase" in response.content.decode()
    for candidate in candidates:
        selection.shortlist_candidate(candidate, kind="shortlist", actor=staff)
    round_ = selection.open_round(
        example_award, method="approval", secret=False, candidates=candidates, actor=chair
    )
    selection.cast_ballot(round_, voter=alice, ranks={candidates[0].pk: 1}, actor=alice)
    selection.close_round(round_, actor=chair)
    example_award.laureate_count = 2
    example_award.save(update_fields=["laureate_count"])
    decision = selection.suggest_slate(
        example_award,
        max_per_country=None,
        min_per_kind={},
        reserve_count=1,
        from_shortlist=True,
        actor=staff,
    )
    for place in decision.places.select_related("candidate"):
        name = place.candidate.name
        citation = {"sv": f"Hyllning till {name}.", "en": f"Citation for {name}."}
        summary = {"sv": f"Vad {name} gör.", "en": f"What {name} does."}
        selection.write_place(place, reason="R.", citation=citation, summary=summary, actor=staff)
    with pytest.raises(PhaseRefused, match="when the chair locks the decision"):
        cycles.move_phase(example_award, Phase.DECIDED, actor=staff)
    selection.lock_decision(decision, actor=chair)

    # Decided: the lock moved the cycle; nothing of the decision or the reviews changes now.
    refused = walk.assert_phase(Phase.DECIDED)
    sign_in(client, chair)
    report = client.get(reverse("selection:report")).content
    assert report.startswith(b"%PDF")
    scores = list(Review.objects.order_by("pk").values_list("scores", flat=True))
    with pytest.raises(PhaseRefused, match="Reviews cannot be changed in the phase “Decided”"):
        review.save_review(alice, assigned, scores={"1": 1}, comments={}, recommendation="no")
    sign_in(client, alice)  # and over HTTP, as the member would try it
    response = client.post(
        reverse("review:review", args=[assigned.pk]),
        low | {"recommendation": "no", "action": "submit"},
    )
    assert "Reviews cannot be changed in the phase" in response.content.decode()
    assert list(Review.objects.order_by("pk").values_list("scores", flat=True)) == scores
    sign_in(client, chair)
    assert client.get(reverse("selection:report")).content == report  # the same bytes
    sign_in(client, staff)
    dashboard = client.get(reverse("staff:dashboard")).content.decode()
    assert "Current phase: <strong>Decided</strong>" in dashboard
    now = timezone.now()
    selection.prepare_letters(
        decision,
        announce_at=now - timedelta(minutes=1),
        respond_by=now + timedelta(days=9),
        actor=staff,
    )
    # Each laureate's letter tells what this award brings, in its own file's words.
    prize = money(example_award.prize_amount, example_award.prize_currency, "en")
    for place in decision.places.filter(role="laureate").select_related("candidate"):
        letter = letter_to(decision, place.candidate).body_text
        assert [b.text["en"] in letter for b in example_award.benefits.all()] == [True] * (
            example_award.benefits.count()
        )
        assert f"{example_award.laureate_count} laureates each receive {prize}." in letter
    sign_in(client, staff)
    page = Client().get("/en/laureates/").content.decode()  # letters written: nobody public
    assert not [p for p in decision.places.select_related("candidate") if p.candidate.name in page]
    assert Client().get("/en/laureates.json").status_code == 404
    selection.release_letters(decision, actor=staff)
    dashboard = client.get(reverse("staff:dashboard")).content.decode()
    assert "Current phase: <strong>Decided</strong>" in dashboard  # announced, still decided
    run_tasks()

    # Announced: nobody is public until it has accepted *and* said its name may be published.
    anyone = Client()
    _assert_named_exactly(anyone, decision, [])
    first, second = Place.objects.filter(decision=decision, role="laureate").order_by("position")
    reserve = Place.objects.get(decision=decision, role="reserve")
    anyone.post(answer_page(decision, first), {"answer": "accept", "publish_name": "on"})
    _assert_named_exactly(anyone, decision, [first])
    # The second declines, through its confirmation step: never public, an amendment recorded.
    anyone.post(answer_page(decision, second), {"answer": "decline"})
    assert Place.objects.get(pk=second.pk).answer == ""  # asked first, nothing changed
    anyone.post(answer_page(decision, second), {"answer": "decline", "confirmed": "yes"})
    assert Place.objects.get(pk=second.pk).answer == "declined"
    _assert_named_exactly(anyone, decision, [first])
    # The reserve is offered the place: nothing about it is public until it accepts and consents.
    offered = selection.offer_place(
        Place.objects.get(pk=second.pk),
        reserve=reserve,
        respond_by=timezone.now() + timedelta(days=5),
        reason="The laureate declined.",
        citation={"sv": "Hyllning.", "en": "Citation."},
        summary={"sv": "Vad den gör.", "en": "What it does."},
        actor=staff,
    )
    _assert_named_exactly(anyone, decision, [first])
    offer_letter = selection.letters(decision).get(batch__endswith=f":offer:{reserve.pk}")
    anyone.post(f"/en/laureate/{token_of(offer_letter)}/", {"answer": "accept"})
    _assert_named_exactly(anyone, decision, [first])  # accepted, nothing ticked: not named
    assert set(Amendment.objects.filter(decision=decision).values_list("kind", flat=True)) == {
        "laureate_declined",
        "reserve_promoted",
    }
    assert client.get(reverse("selection:report")).content != report  # amendments are listed
    accepted = Laureate.objects.get(candidate=first.candidate)
    # An at-risk answer in its area takes the first laureate off at once.
    laureates.set_media_consent(
        accepted,
        publish_name=True,
        publish_logo=False,
        publish_staff_names=False,
        at_risk=True,
        actor=None,
    )
    _assert_named_exactly(anyone, decision, [])
    assert Laureate.objects.filter(candidate=offered.candidate).exists()
    laureates.add_contact(accepted, email="board@example.org", language="en", actor=staff)

    # Programme, then archived: nothing changes any more.
    cycles.move_phase(example_award, Phase.PROGRAMME, actor=staff)
    walk.assert_phase(Phase.PROGRAMME)
    laureates.add_contact(accepted, email="coach@example.org", language="en", actor=staff)
    cycles.move_phase(example_award, Phase.ARCHIVED, actor=staff)
    refused = walk.assert_phase(Phase.ARCHIVED)
    assert refused["programme"].startswith("The programme is not running in the phase “Archived”")
    assert Cycle.objects.get(pk=example_award.pk).phase == Phase.ARCHIVED
    assert mail.outbox  # the letters left


def test_a_phase_refusal_over_http_is_a_message_never_a_server_error(client, child10, staff_user):
    """A view without a form that does not catch PhaseRefused itself still shows its message."""
    sign_in(client, staff_user)
    response = client.post(
        reverse("review:publish"),
        HTTP_REFERER="http://testserver" + reverse("review:assignment"),
    )
    assert response.status_code == 302
    assert response["Location"] == "http://testserver" + reverse("review:assignment")
    page = client.get(response["Location"]).content.decode()
    assert "Assignments cannot be proposed or published in the phase" in page


def test_a_phase_refusal_on_a_form_page_keeps_what_was_typed(client, child10, staff_user):
    """A phase can move while someone fills a form: the refusal is the form's error, on its
    own page, with what was typed (no redirect that would lose it)."""
    sign_in(client, staff_user)
    response = client.post(
        reverse("review:assignment"),
        {"k": "2", "min_load": "1", "max_load": "7"},
        HTTP_REFERER="http://testserver" + reverse("review:assignment"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Assignments cannot be proposed or published in the phase" in page
    form = response.context["form"]
    assert (form["k"].value(), form["min_load"].value(), form["max_load"].value()) == (
        "2",
        "1",
        "7",
    )
    [error] = form.non_field_errors()
    assert error.startswith("Assignments cannot be proposed or published in the phase")
