"""The laureates' programme: the cohort space (laureates.services.cohort) and the support plan
(laureates.services.support)."""

from datetime import date, datetime
from decimal import Decimal

import factory
from django.utils import timezone

from laurel.laureates.enums import (
    DigestFrequency,
    InitiativeKind,
    InitiativeStatus,
    Rag,
    SupportArea,
)
from laurel.laureates.models import (
    Assessment,
    Contact,
    DigestPreference,
    Event,
    Initiative,
    InitiativeMilestone,
    LibraryDocument,
    Milestone,
    Objective,
    Post,
    Reply,
    Session,
    Signature,
)
from tests.factories.accounts import UserFactory
from tests.factories.cycles import CycleFactory
from tests.factories.laureates import ContactFactory, LaureateFactory
from tests.factories.nominations import stored_pdf


def speaks_for(user, laureate) -> None:
    """What cohort.laureate_of reads: the user is a contact of the laureate, tied by id."""
    if not Contact.objects.filter(laureate=laureate, user=user).exists():
        ContactFactory(laureate=laureate, email=user.email, user=user)


def _tied_to_its_laureate(person: str):
    """After making: the person at `person` speaks for the object's laureate, if it has one."""

    def tie(made, create, extracted, **kwargs):
        if create and made.laureate is not None:
            speaks_for(getattr(made, person), made.laureate)

    return factory.PostGeneration(tie)


def _laureate_of_its_cycle():
    return factory.SubFactory(LaureateFactory, cycle=factory.SelfAttribute("..cycle"))


class PostFactory(factory.django.DjangoModelFactory):
    """A message in the cohort space by a laureate's contact, as cohort.post stores it: the
    author speaks for the laureate (a contact of it, tied by id). Trait `by_staff`: a post by
    someone who speaks for no laureate (staff)."""

    class Meta:
        model = Post
        skip_postgeneration_save = True

    class Params:
        by_staff = factory.Trait(laureate=None, author=factory.SubFactory(UserFactory, staff=True))

    cycle = factory.SubFactory(CycleFactory)
    author = factory.SubFactory(UserFactory)
    laureate = _laureate_of_its_cycle()
    title = "Who is going to the conference in Lisbon?"
    body = "We could share a stand."
    contact = _tied_to_its_laureate("author")


class ReplyFactory(factory.django.DjangoModelFactory):
    """A reply to a post by a contact of another laureate of the post's cycle (cohort.reply)."""

    class Meta:
        model = Reply
        skip_postgeneration_save = True

    post = factory.SubFactory(PostFactory)
    author = factory.SubFactory(UserFactory)
    laureate = factory.SubFactory(LaureateFactory, cycle=factory.SelfAttribute("..post.cycle"))
    body = "We are going: let us talk."
    contact = _tied_to_its_laureate("author")


class InitiativeFactory(factory.django.DjangoModelFactory):
    """A joint statement proposed by a laureate of the cycle, its one owner
    (cohort.propose_initiative). Pass `owners` (laureates of the cycle) for others. Traits:
    `active`, `dropped` (set_initiative_status)."""

    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    class Params:
        active = factory.Trait(status=InitiativeStatus.ACTIVE)
        dropped = factory.Trait(status=InitiativeStatus.DROPPED)

    cycle = factory.SubFactory(CycleFactory)
    kind = InitiativeKind.STATEMENT
    title = "A joint statement on online safety"
    description = "What the laureates ask of the platforms."

    @factory.post_generation
    def owners(initiative, create, extracted, **kwargs):
        if create:
            initiative.owners.set(extracted or [LaureateFactory(cycle=initiative.cycle)])


class InitiativeMilestoneFactory(factory.django.DjangoModelFactory):
    """A milestone of an initiative, not done (cohort.add_initiative_milestone). Trait
    `finished`: marked done."""

    class Meta:
        model = InitiativeMilestone

    class Params:
        finished = factory.Trait(done=True)

    initiative = factory.SubFactory(InitiativeFactory)
    title = "First draft shared"
    due_on = date(2030, 11, 1)


class SignatureFactory(factory.django.DjangoModelFactory):
    """A laureate of the initiative's cycle co-signs it, signed by its contact (cohort.co_sign:
    the signer speaks for the laureate)."""

    class Meta:
        model = Signature
        skip_postgeneration_save = True

    initiative = factory.SubFactory(InitiativeFactory)
    laureate = factory.SubFactory(
        LaureateFactory, cycle=factory.SelfAttribute("..initiative.cycle")
    )
    signed_by = factory.SubFactory(UserFactory)
    contact = _tied_to_its_laureate("signed_by")


class LibraryDocumentFactory(factory.django.DjangoModelFactory):
    """A document shared in the cohort's library (cohort.share_document: a PDF under a random
    name, its title shown), by a member of staff."""

    class Meta:
        model = LibraryDocument

    cycle = factory.SubFactory(CycleFactory)
    title = "Safeguarding toolkit"
    file = stored_pdf()
    kind = "pdf"
    uploaded_by = factory.SubFactory(UserFactory, staff=True)


class EventFactory(factory.django.DjangoModelFactory):
    """An event of the programme's calendar (cohort.add_event): two hours, online."""

    class Meta:
        model = Event

    cycle = factory.SubFactory(CycleFactory)
    title = "Peer call on fundraising"
    starts_at = factory.LazyFunction(
        lambda: datetime(2030, 11, 5, 14, tzinfo=timezone.get_current_timezone())
    )
    ends_at = factory.LazyFunction(
        lambda: datetime(2030, 11, 5, 16, tzinfo=timezone.get_current_timezone())
    )
    where = "https://meet.example.org/peer-call"


class DigestPreferenceFactory(factory.django.DjangoModelFactory):
    """How often a person hears of the cohort space: weekly, the default (cohort.choose_digest).
    Trait `never`: they chose to hear nothing."""

    class Meta:
        model = DigestPreference

    class Params:
        never = factory.Trait(frequency=DigestFrequency.NEVER)

    user = factory.SubFactory(UserFactory)
    cycle = factory.SubFactory(CycleFactory)
    frequency = DigestFrequency.WEEKLY


class AssessmentFactory(factory.django.DjangoModelFactory):
    """A laureate's own level in one area of its needs assessment (support.assess_needs stores
    one per area; the areas taken in turn: pass `area` when it matters)."""

    class Meta:
        model = Assessment

    laureate = factory.SubFactory(LaureateFactory)
    area = factory.Iterator(SupportArea.values)
    level = 3
    note = "We would like a plan for the next three years."


class ObjectiveFactory(factory.django.DjangoModelFactory):
    """An objective of a laureate's support plan (support.add_objective)."""

    class Meta:
        model = Objective

    laureate = factory.SubFactory(LaureateFactory)
    area = SupportArea.FUNDRAISING
    title = "Two new institutional donors"


class MilestoneFactory(factory.django.DjangoModelFactory):
    """A milestone of an objective, on track (support.add_milestone). Trait `at_risk`: what
    set_milestone_status sets for amber (the status, a note)."""

    class Meta:
        model = Milestone

    class Params:
        at_risk = factory.Trait(status=Rag.AMBER, note="The first donor postponed its answer.")

    objective = factory.SubFactory(ObjectiveFactory)
    title = "Shortlist of donors"
    due_on = date(2030, 12, 1)
    status = Rag.GREEN


class SessionFactory(factory.django.DjangoModelFactory):
    """A coaching session logged for a laureate (support.log_session)."""

    class Meta:
        model = Session

    laureate = factory.SubFactory(LaureateFactory)
    held_on = date(2030, 11, 12)
    topic = "Fundraising strategy"
    hours = Decimal("1.5")
    coach = "Carla Coach"
