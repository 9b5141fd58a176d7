"""Factories without surprises: each makes the plainest valid object; tests say what differs."""

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from laurel.accounts.enums import Role
from laurel.accounts.models import RoleGrant, User
from laurel.candidates.enums import CandidateState
from laurel.candidates.models import Candidate, DuplicateSuggestion, Organisation, Placement
from laurel.cycles.enums import DATE_FIELDS
from laurel.cycles.models import Benefit, Criterion, Cycle
from laurel.laureates.enums import DelegateState
from laurel.laureates.models import Contact, Delegate, Laureate, Payment
from laurel.nominations.enums import NominationState
from laurel.nominations.models import Nomination
from laurel.notifications.enums import EmailState
from laurel.notifications.models import OutgoingEmail
from laurel.privacy.models import SubjectRequest
from laurel.review.enums import AssignmentState, ConflictKind, ConflictState, ReviewState
from laurel.review.models import Affiliation, Assignment, CommitteeProfile, Conflict, Review
from laurel.selection.models import Decision, Place, VotingRound

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password(PASSWORD)


class RoleGrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleGrant

    user = factory.SubFactory(UserFactory)
    role = Role.STAFF
    cycle = None


def _days(n: int):
    return factory.LazyFunction(lambda: timezone.now() + timedelta(days=n))


class CycleFactory(factory.django.DjangoModelFactory):
    """A cycle whose nominations are open now (opened a week ago, closing in four weeks)."""

    class Meta:
        model = Cycle

    slug = factory.Sequence(lambda n: f"award-{n}")
    time_zone = "Europe/Stockholm"
    organiser = {"sv": "Arrangören", "en": "The Organiser"}
    name = factory.Sequence(lambda n: {"sv": f"Priset {n}", "en": f"The Award {n}"})
    theme = {"sv": "Temat", "en": "The theme"}
    theme_description = {"sv": "Temats beskrivning", "en": "The theme's description"}
    background = {"sv": "Bakgrund.", "en": "Background."}
    benefits_intro = {"sv": "Pristagarna får:", "en": "The laureates receive:"}
    region = {"sv": "Europa", "en": "Europe"}
    prize_funder = {"sv": "Stiftelsen", "en": "The Foundation"}
    prize_amount = 100000
    eligible_countries = ["SE", "NO", "XK"]
    score_labels = {str(n): {"sv": f"Nivå {n}", "en": f"Level {n}"} for n in range(1, 6)}
    nominations_open_at = _days(-7)
    nominations_close_at = _days(28)
    review_open_at = _days(40)
    review_close_at = _days(60)
    decision_at = _days(80)
    programme_start_at = _days(90)
    archive_at = _days(400)
    # Stored, as load_award stores it: the phase the dates plan for now, unless a test names one
    # (CycleFactory(phase=Phase.DELIBERATION)) or moves it later (in_phase).
    phase = factory.LazyAttribute(
        lambda o: Cycle(**{field: getattr(o, field) for field in DATE_FIELDS}).planned_phase
    )


def in_phase(cycle: Cycle, phase: str) -> Cycle:
    """Put an existing cycle in a phase, as if staff had moved it there (no checks, no audit):
    for arranging a test; the moves themselves are tested through cycles.services."""
    cycle.phase = phase
    cycle.save(update_fields=["phase"])
    return cycle


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    cycle = factory.SubFactory(CycleFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: {"sv": f"Kriterium {n}", "en": f"Criterion {n}"})
    text = {"sv": "Vad kriteriet kräver.", "en": "What the criterion asks."}
    guidance = {str(n): {"sv": f"Råd {n}", "en": f"Guidance {n}"} for n in range(1, 6)}


class BenefitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Benefit

    cycle = factory.SubFactory(CycleFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = {"sv": "En förmån.", "en": "A benefit."}


def tie_contacts(user) -> None:
    """What accepting a laureate contact's invitation does: the laureates' contacts at this
    user's address now act through this user, by id (for tests that skip the invitation)."""
    Contact.objects.filter(email__iexact=user.email).update(user=user)


def laureate_contact(cycle, email: str):
    """A laureate contact's account as accepting the invitation leaves it: the user, the role
    in the cycle, and the laureates' contacts at that address tied to it by id."""
    user = UserFactory(email=email)
    RoleGrant.objects.create(user=user, role="laureate_contact", cycle=cycle)
    tie_contacts(user)
    return user


# Nominations and candidates ------------------------------------------------------------------
# A trait sets on the object what the service named in its note sets there, and no more: no
# audit entry, no email, no task. A test about the service itself goes through the service.


class NominationFactory(factory.django.DjangoModelFactory):
    """A draft nomination of an organisation, as the public form saves one.

    Traits: `submitted` (what nominations.services.submit_nomination sets: the reference, the
    time, the state), `confirmed` (submitted, then what confirm_nomination sets; no candidate:
    placing it is PlacementFactory's or the service's)."""

    class Meta:
        model = Nomination
        skip_postgeneration_save = True

    cycle = factory.SubFactory(CycleFactory)
    token_hash = factory.Sequence(lambda n: f"token-hash-{n}")
    language = "en"
    org_name = factory.Sequence(lambda n: f"Organisation {n}")
    org_country = "SE"
    org_city = "Malmö"
    org_website = factory.Sequence(lambda n: f"https://organisation-{n}.example.org")
    org_description = "Runs a helpline and trains platform moderators."
    nominator_name = "Nora Nominator"
    nominator_email = factory.Sequence(lambda n: f"nominator{n}@example.org")
    relationship = "partner"
    organisation_aware = "yes"
    declared_true = True
    declared_safeguarding = True
    declared_privacy = True
    complete = True

    class Params:
        submitted = factory.Trait(
            state=NominationState.SUBMITTED,
            reference=factory.Sequence(lambda n: f"TEST-{n:04d}"),
            submitted_at=factory.LazyFunction(timezone.now),
        )
        confirmed = factory.Trait(
            submitted=True,
            state=NominationState.CONFIRMED,
            confirmed_at=factory.LazyFunction(timezone.now),
        )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    country = "SE"
    website = factory.Sequence(lambda n: f"https://organisation-{n}.example.org")


class CandidateFactory(factory.django.DjangoModelFactory):
    """A candidate waiting to be screened.

    Traits: `eligible` (what candidates.services.decide_eligibility sets for eligible),
    `ineligible` (the same with a reason), `ready` (eligible, then what mark_ready sets: the
    flag and its time; the diligence checks and the committee version mark_ready requires are
    not made, so a test that reads them uses tests.scenarios.ready)."""

    class Meta:
        model = Candidate

    cycle = factory.SubFactory(CycleFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.SelfAttribute("organisation.name")
    country = factory.SelfAttribute("organisation.country")
    nomination_count = 1
    nominator_count = 1
    languages = factory.LazyFunction(lambda: ["en"])
    first_nominated_at = factory.LazyFunction(timezone.now)

    class Params:
        eligible = factory.Trait(state=CandidateState.ELIGIBLE)
        ineligible = factory.Trait(
            state=CandidateState.INELIGIBLE, ineligible_reason="outside_theme"
        )
        ready = factory.Trait(
            eligible=True,
            ready_for_committee=True,
            ready_at=factory.LazyFunction(timezone.now),
        )


def _candidate_of_its_cycle(**traits):
    """A candidate in the cycle of the object being made."""
    return factory.SubFactory(CandidateFactory, cycle=factory.SelfAttribute("..cycle"), **traits)


class PlacementFactory(factory.django.DjangoModelFactory):
    """A confirmed nomination placed on a candidate of the same cycle (what placing does)."""

    class Meta:
        model = Placement

    candidate = factory.SubFactory(CandidateFactory)
    nomination = factory.SubFactory(
        NominationFactory, confirmed=True, cycle=factory.SelfAttribute("..candidate.cycle")
    )
    placed_at = factory.LazyFunction(timezone.now)


class DuplicateSuggestionFactory(factory.django.DjangoModelFactory):
    """An open suggestion that two candidates of one cycle are the same organisation (the pair
    stored lowest id first, as the suggester stores it)."""

    class Meta:
        model = DuplicateSuggestion
        exclude = ("one", "other")

    cycle = factory.SubFactory(CycleFactory)
    one = _candidate_of_its_cycle()
    other = _candidate_of_its_cycle()
    first = factory.LazyAttribute(lambda o: min(o.one, o.other, key=lambda c: c.pk))
    second = factory.LazyAttribute(lambda o: max(o.one, o.other, key=lambda c: c.pk))
    confidence = 0.9
    reasons = factory.LazyFunction(lambda: ["same_website"])


# The committee and its reviews ----------------------------------------------------------------


class CommitteeProfileFactory(factory.django.DjangoModelFactory):
    """A committee member's profile in a cycle (the grant itself is RoleGrantFactory's)."""

    class Meta:
        model = CommitteeProfile

    user = factory.SubFactory(UserFactory)
    cycle = factory.SubFactory(CycleFactory)
    languages = factory.LazyFunction(lambda: ["en", "sv"])
    country = "SE"


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    profile = factory.SubFactory(CommitteeProfileFactory)
    name = factory.Sequence(lambda n: f"Employer {n}")
    kind = "employment"


class ConflictFactory(factory.django.DjangoModelFactory):
    """A conflict the member declared (confirmed, as declaring one leaves it)."""

    class Meta:
        model = Conflict

    cycle = factory.SubFactory(CycleFactory)
    member = factory.SubFactory(UserFactory)
    candidate = _candidate_of_its_cycle()
    kind = ConflictKind.EMPLOYMENT
    state = ConflictState.CONFIRMED

    class Params:
        suggested = factory.Trait(state=ConflictState.SUGGESTED, declared=False)


class AssignmentFactory(factory.django.DjangoModelFactory):
    """A member assigned a candidate, published (what publish_assignment sets)."""

    class Meta:
        model = Assignment

    cycle = factory.SubFactory(CycleFactory)
    candidate = _candidate_of_its_cycle(ready=True)
    member = factory.SubFactory(UserFactory)
    state = AssignmentState.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    class Params:
        proposed = factory.Trait(state=AssignmentState.PROPOSED, published_at=None)


class ReviewFactory(factory.django.DjangoModelFactory):
    """A member's draft review of a candidate. Trait `submitted`: scored on four criteria with a
    recommendation, and what review.services sets on submitting (the state and its time)."""

    class Meta:
        model = Review

    cycle = factory.SubFactory(CycleFactory)
    candidate = _candidate_of_its_cycle(ready=True)
    member = factory.SubFactory(UserFactory)

    class Params:
        submitted = factory.Trait(
            scores=factory.LazyFunction(lambda: {"1": 4, "2": 3, "3": 5, "4": 2}),
            recommendation="yes",
            state=ReviewState.SUBMITTED,
            submitted_at=factory.LazyFunction(timezone.now),
        )


# Selection ------------------------------------------------------------------------------------


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
    """The cycle's decision, a draft."""

    class Meta:
        model = Decision

    cycle = factory.SubFactory(CycleFactory)


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


# Laureates ------------------------------------------------------------------------------------


class LaureateFactory(factory.django.DjangoModelFactory):
    """A laureate that accepted its place (what accepting sets: the time), on a candidate that
    was ready for the committee. The phase is the test's to set (in_phase)."""

    class Meta:
        model = Laureate

    cycle = factory.SubFactory(CycleFactory)
    candidate = _candidate_of_its_cycle(ready=True)
    accepted_at = factory.LazyFunction(timezone.now)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    laureate = factory.SubFactory(LaureateFactory)
    email = factory.Sequence(lambda n: f"office{n}@laureate.example.org")
    language = "en"


class PaymentFactory(factory.django.DjangoModelFactory):
    """A prize payment requested by finance, as laureates.services.request_payment makes it (the
    cycle's prize amount and currency). Verified and approved payments need encrypted bank
    details: tests.laureates.prize_helpers.approved_payment makes them through the services."""

    class Meta:
        model = Payment

    laureate = factory.SubFactory(LaureateFactory)
    amount = factory.LazyAttribute(lambda o: Decimal(o.laureate.cycle.prize_amount))
    currency = factory.LazyAttribute(lambda o: o.laureate.cycle.prize_currency)
    reference = factory.Sequence(lambda n: f"TEST-PRIZE-{n:04d}")
    requested_by = factory.SubFactory(UserFactory)


class DelegateFactory(factory.django.DjangoModelFactory):
    """A delegate registered for the summit with the values of tests.scenarios.delegate_values
    (the summit itself is not made: a test about dates or places defines it). Trait
    `confirmed`: what confirm_delegate sets (the state and its time)."""

    class Meta:
        model = Delegate

    laureate = factory.SubFactory(LaureateFactory)
    full_name = "Maria Kowalska"
    role = "Director"
    email = factory.Sequence(lambda n: f"delegate{n}@example.org")
    phone = "+48 600 000 000"
    travelling_from = "Warsaw, Poland"
    arrive_on = factory.LazyFunction(lambda: date(2030, 10, 15))
    leave_on = factory.LazyFunction(lambda: date(2030, 10, 19))
    booking = "organiser"
    emergency_contact = "Jan Kowalski, +48 600 000 001"

    class Params:
        confirmed = factory.Trait(
            state=DelegateState.CONFIRMED, confirmed_at=factory.LazyFunction(timezone.now)
        )


# Email and privacy ----------------------------------------------------------------------------


class OutgoingEmailFactory(factory.django.DjangoModelFactory):
    """A queued email. Trait `sent`: what the sender sets once delivered (state, time, one
    attempt)."""

    class Meta:
        model = OutgoingEmail

    key = "test.message"
    to = factory.Sequence(lambda n: f"reader{n}@example.org")
    language = "en"
    subject = "A message"
    body_text = "The message's text."

    class Params:
        sent = factory.Trait(
            state=EmailState.SENT, sent_at=factory.LazyFunction(timezone.now), attempts=1
        )


class SubjectRequestFactory(factory.django.DjangoModelFactory):
    """An open access request received today, due when the law says (SubjectRequest.due_date),
    as privacy.requests opens one."""

    class Meta:
        model = SubjectRequest

    kind = "access"
    email = factory.Sequence(lambda n: f"subject{n}@example.org")
    name = "Sam Subject"
    received_on = factory.LazyFunction(lambda: timezone.localdate())
    due_on = factory.LazyAttribute(lambda o: SubjectRequest.due_date(o.received_on))
    opened_by = factory.SubFactory(UserFactory)
