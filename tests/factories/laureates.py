"""Laureates: their contacts, prize and summit."""

from datetime import date
from decimal import Decimal

import factory
from django.utils import timezone

from laurel.accounts.models import RoleGrant
from laurel.laureates.enums import DelegateState
from laurel.laureates.models import Contact, Delegate, Laureate, Payment
from tests.factories.accounts import UserFactory
from tests.factories.candidates import _candidate_of_its_cycle
from tests.factories.cycles import CycleFactory


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
