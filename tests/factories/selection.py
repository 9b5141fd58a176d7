"""Selection: rounds of votes and the decision."""

import factory
from django.db.models import F, Max
from django.utils import timezone

from laurel.selection.enums import (
    AmendmentKind,
    Answer,
    DecisionState,
    LetterKind,
    ListKind,
    Outcome,
    PlaceRole,
)
from laurel.selection.models import (
    Amendment,
    Ballot,
    Decision,
    Letter,
    Meeting,
    Override,
    Place,
    Receipt,
    ShortlistEntry,
    VotingRound,
)
from laurel.selection.services.recording import build_record, content_hash
from tests.factories.accounts import UserFactory, seat_on_committee
from tests.factories.candidates import CandidateFactory
from tests.factories.cycles import CycleFactory


class VotingRoundFactory(factory.django.DjangoModelFactory):
    """An open, secret approval round on the shortlist."""

    class Meta:
        model = VotingRound

    cycle = factory.SubFactory(CycleFactory)
    number = factory.Sequence(lambda n: n + 1)
    method = "approval"
    topic = "shortlist"
    opened_by = factory.SubFactory(UserFactory)
    opened_at = factory.LazyFunction(timezone.now)


class DecisionFactory(factory.django.DjangoModelFactory):
    """The cycle's decision, a draft. Trait `locked`: what deciding.lock_decision sets (the
    state, who and when, the frozen record and its hash; the record is of the places the
    decision has when made, none: a test about the record locks through the service)."""

    class Meta:
        model = Decision
        skip_postgeneration_save = True

    class Params:
        locked = factory.Trait(
            state=DecisionState.LOCKED,
            locked_by=factory.SubFactory(UserFactory),
            locked_at=factory.LazyFunction(timezone.now),
        )

    cycle = factory.SubFactory(CycleFactory)

    @factory.post_generation
    def frozen(decision, create, extracted, **kwargs):
        if create and decision.state != DecisionState.DRAFT:
            decision.record = build_record(decision.cycle, decision)
            decision.record_hash = content_hash(decision.record)
            decision.save(update_fields=["record", "record_hash"])


class PlaceFactory(factory.django.DjangoModelFactory):
    """A laureate's place in a decision, on an eligible candidate of the same cycle."""

    class Meta:
        model = Place

    decision = factory.SubFactory(DecisionFactory)
    candidate = factory.SubFactory(
        CandidateFactory, ready=True, cycle=factory.SelfAttribute("..decision.cycle")
    )
    role = "laureate"
    position = factory.Sequence(lambda n: n + 1)


def _ready_candidate_of(cycle: str):
    """A candidate ready for the committee, in the cycle at `cycle` (a path from the object)."""
    return factory.SubFactory(CandidateFactory, ready=True, cycle=factory.SelfAttribute(cycle))


def _seat_voter(made, create, extracted, **kwargs):
    """Only the committee votes: the voter sits on the round's cycle's committee."""
    if create:
        seat_on_committee(made.voter, made.round.cycle)


class ShortlistEntryFactory(factory.django.DjangoModelFactory):
    """A candidate ready for the committee put on the shortlist, at its end, as
    shortlisting.shortlist_candidate does. Traits: `reserve` (on the reserve list instead),
    `recorded` (what record_discussion sets: the arguments, the outcome, who and when)."""

    class Meta:
        model = ShortlistEntry

    class Params:
        reserve = factory.Trait(kind=ListKind.RESERVE)
        recorded = factory.Trait(
            arguments="Strong on prevention; the committee supports it.",
            outcome=Outcome.SUPPORTED,
            recorded_by=factory.SubFactory(UserFactory),
            recorded_at=factory.LazyFunction(timezone.now),
        )

    cycle = factory.SubFactory(CycleFactory)
    candidate = _ready_candidate_of("..cycle")
    kind = ListKind.SHORTLIST
    position = factory.LazyAttribute(
        lambda o: (
            (
                ShortlistEntry.objects.filter(cycle=o.cycle, kind=o.kind).aggregate(
                    n=Max("position")
                )["n"]
                or 0
            )
            + 1
        )
    )
    added_by = factory.SubFactory(UserFactory)


class MeetingFactory(factory.django.DjangoModelFactory):
    """A cycle's selection meeting at its overview, as go_to first makes it. Trait `moved`: the
    chair moved it to a shortlisted candidate of the cycle (go_to: the entry, one step on)."""

    class Meta:
        model = Meeting

    class Params:
        moved = factory.Trait(
            current=factory.SubFactory(
                ShortlistEntryFactory, cycle=factory.SelfAttribute("..cycle")
            ),
            step=1,
        )

    cycle = factory.SubFactory(CycleFactory)


class ReceiptFactory(factory.django.DjangoModelFactory):
    """That a member of the round's committee voted in it (voting.cast_ballot's receipt; the
    round's tally is cast_ballot's to keep)."""

    class Meta:
        model = Receipt
        skip_postgeneration_save = True

    round = factory.SubFactory(VotingRoundFactory)
    voter = factory.SubFactory(UserFactory)
    seated = factory.PostGeneration(_seat_voter)


class BallotFactory(factory.django.DjangoModelFactory):
    """A ballot in a round that is not secret, as cast_ballot keeps one: the voter sits on the
    committee and has the round's receipt; it approves one candidate of the round's cycle, put
    in the round (`candidate`). The round's running tally is left as it is: counting is
    cast_ballot's, so a test of a count casts through it."""

    class Meta:
        model = Ballot
        exclude = ("candidate",)
        skip_postgeneration_save = True

    round = factory.SubFactory(VotingRoundFactory, secret=False)
    voter = factory.SubFactory(UserFactory)
    candidate = _ready_candidate_of("..round.cycle")
    ranks = factory.LazyAttribute(lambda o: {str(o.candidate.pk): 1})

    @factory.post_generation
    def cast(ballot, create, extracted, **kwargs):
        if create:
            _seat_voter(ballot, create, extracted)
            ballot.round.candidates.add(*[int(pk) for pk in ballot.ranks])
            Receipt.objects.get_or_create(round=ballot.round, voter=ballot.voter)


class OverrideFactory(factory.django.DjangoModelFactory):
    """The committee chose another candidate than Laurel's suggestion, as
    deciding.replace_place leaves it: `added` a laureate of the decision, `removed` now its
    first reserve, both ready candidates of the decision's cycle."""

    class Meta:
        model = Override
        skip_postgeneration_save = True

    decision = factory.SubFactory(DecisionFactory)
    removed = _ready_candidate_of("..decision.cycle")
    added = _ready_candidate_of("..decision.cycle")
    reason = "The committee preferred its work with schools."
    by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def places(override, create, extracted, **kwargs):
        if create:
            laureates = override.decision.places.filter(role=PlaceRole.LAUREATE).count()
            PlaceFactory(
                decision=override.decision,
                candidate=override.added,
                role=PlaceRole.LAUREATE,
                position=laureates + 1,
            )
            override.decision.places.filter(role=PlaceRole.RESERVE).update(
                position=F("position") + 1
            )
            PlaceFactory(
                decision=override.decision,
                candidate=override.removed,
                role=PlaceRole.RESERVE,
                position=1,
            )


def _place_of_its_decision(**values):
    """A place in the decision of the object being made, on a ready candidate of its cycle."""
    return factory.SubFactory(PlaceFactory, decision=factory.SelfAttribute("..decision"), **values)


class AmendmentFactory(factory.django.DjangoModelFactory):
    """A laureate declined through its letter's private page, as announcing.answer_award
    records it on the locked decision: its place answered "declined", no one signed in, the
    reason the service gives. Trait `reserve_promoted`: what offer_place records (the declined
    place left, a reserve coming in as a laureate with its citation and description in Swedish
    and English, written on its place too; signed by staff)."""

    class Meta:
        model = Amendment

    class Params:
        reserve_promoted = factory.Trait(
            kind=AmendmentKind.RESERVE_PROMOTED,
            place=_place_of_its_decision(
                role=PlaceRole.DECLINED,
                answer=Answer.DECLINED,
                answered_at=factory.LazyFunction(timezone.now),
            ),
            incoming=_place_of_its_decision(
                role=PlaceRole.LAUREATE,
                citation=factory.SelfAttribute("..citation"),
                summary=factory.SelfAttribute("..summary"),
            ),
            reason="The first reserve is offered the place the laureate declined.",
            citation=factory.LazyFunction(
                lambda: {"sv": "För modigt arbete.", "en": "For brave work."}
            ),
            summary=factory.LazyFunction(
                lambda: {"sv": "Driver en stödlinje.", "en": "Runs a helpline."}
            ),
            by=factory.SubFactory(UserFactory),
        )

    decision = factory.SubFactory(DecisionFactory, locked=True)
    kind = AmendmentKind.LAUREATE_DECLINED
    place = _place_of_its_decision(
        answer=Answer.DECLINED, answered_at=factory.LazyFunction(timezone.now)
    )
    reason = "The laureate declined the award on its letter's private page."
    by = None
    at = factory.LazyFunction(timezone.now)


class LetterFactory(factory.django.DjangoModelFactory):
    """A decision letter to a laureate of a locked decision, as prepare_letters writes one
    before its email: to the organisation's contact, in English (the subject and text are plain
    stand-ins, not lettering.default_text's; the outbox email is write_email's). Traits:
    `hand_edited` (staff changed the text: the flag, who and when), `hand_readdressed` (staff
    changed the recipient)."""

    class Meta:
        model = Letter
        skip_postgeneration_save = True

    class Params:
        hand_edited = factory.Trait(
            edited=True,
            body="Our warm congratulations, written again by hand.",
            edited_by=factory.SubFactory(UserFactory),
            edited_at=factory.LazyFunction(timezone.now),
        )
        hand_readdressed = factory.Trait(
            readdressed=True,
            to=factory.Sequence(lambda n: f"director{n}@laureate.example.org"),
            edited_by=factory.SubFactory(UserFactory),
            edited_at=factory.LazyFunction(timezone.now),
        )

    decision = factory.SubFactory(DecisionFactory, locked=True)
    kind = LetterKind.LAUREATE
    candidate = factory.SubFactory(
        CandidateFactory,
        ready=True,
        cycle=factory.SelfAttribute("..decision.cycle"),
        organisation__contact_email=factory.Sequence(lambda n: f"contact{n}@laureate.example.org"),
        organisation__contact_language="en",
    )
    to = factory.SelfAttribute("candidate.organisation.contact_email")
    language = "en"
    subject = "The award's decision"
    body = "The committee has chosen your organisation as a laureate."

    @factory.post_generation
    def place(letter, create, extracted, **kwargs):
        """A laureate's letter is about its place in the decision."""
        placed = Place.objects.filter(decision=letter.decision, candidate=letter.candidate)
        if create and letter.kind == LetterKind.LAUREATE and not placed.exists():
            PlaceFactory(decision=letter.decision, candidate=letter.candidate)
