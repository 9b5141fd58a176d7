"""Laureates: their contacts, prize and summit."""

import secrets
from datetime import date, datetime, timedelta
from decimal import Decimal

import factory
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from laurel.accounts.models import RoleGrant
from laurel.core.crypto import cipher, mask
from laurel.laureates.enums import DelegateState, PayingAccountState, VisaState
from laurel.laureates.models import (
    BankAccount,
    Contact,
    Delegate,
    Laureate,
    Payment,
    Summit,
    VisaRequest,
)
from laurel.laureates.models.prize import PayingAccount
from laurel.laureates.services.paying import masked
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


def _encrypted_proof() -> str:
    """A proof of the account stored as save_bank_details stores it: encrypted, random name."""
    name = f"bank-proofs/{secrets.token_hex(16)}.bin"
    return default_storage.save(name, ContentFile(cipher().encrypt(b"%PDF-1.4 statement")))


class BankAccountFactory(factory.django.DjangoModelFactory):
    """A laureate's bank details in use, as prize.save_bank_details stores them (a Swedish
    account, encrypted at rest, masked for screens, with an encrypted proof in storage).
    Trait `replaced`: newer details took its place (the time)."""

    class Meta:
        model = BankAccount

    class Params:
        replaced = factory.Trait(replaced_at=factory.LazyFunction(timezone.now))

    laureate = factory.SubFactory(LaureateFactory)
    holder = factory.SelfAttribute("laureate.candidate.name")
    iban = "SE4550000000058398257466"
    bic = "ESSESESS"
    bank_name = "Swedbank"
    bank_address = "Landsvägen 40, Sundbyberg"
    country = "SE"
    masked = factory.LazyAttribute(lambda o: f"{o.country} {mask(o.iban)}")
    proof_file = factory.LazyFunction(_encrypted_proof)
    proof_kind = "pdf"
    submitted_by = factory.SubFactory(UserFactory)


class PayingAccountFactory(factory.django.DjangoModelFactory):
    """The organiser's account a cycle's prizes are paid from, proposed by a finance user
    (paying.propose_paying_account: encrypted, masked). Traits: `approved` (what
    approve_paying_account sets: another finance user, the time, in use), `rejected`."""

    class Meta:
        model = PayingAccount

    class Params:
        approved = factory.Trait(
            state=PayingAccountState.APPROVED,
            decided_by=factory.SubFactory(UserFactory, finance=True),
            decided_at=factory.LazyFunction(timezone.now),
        )
        rejected = factory.Trait(
            state=PayingAccountState.REJECTED,
            decided_by=factory.SubFactory(UserFactory, finance=True),
            decided_at=factory.LazyFunction(timezone.now),
        )

    cycle = factory.SubFactory(CycleFactory)
    name = "The Foundation"
    iban = "SE3550000000054910000003"
    bic = "ESSESESS"
    masked = factory.LazyAttribute(lambda o: masked(o.iban))
    proposed_by = factory.SubFactory(UserFactory, finance=True)


class SummitFactory(factory.django.DjangoModelFactory):
    """A cycle's summit as summit.define_summit stores it, with the values of
    tests.scenarios.summit_values: 16 to 18 October 2030, registration closing on 1 September,
    so that DelegateFactory's delegates arrive before and leave after it."""

    class Meta:
        model = Summit

    cycle = factory.SubFactory(CycleFactory)
    title = factory.LazyFunction(lambda: {"sv": "Toppmöte 2030", "en": "Summit 2030"})
    starts_on = date(2030, 10, 16)
    ends_on = date(2030, 10, 18)
    place = "Stockholm"
    address = "Drottninggatan 1, Stockholm"
    ceremony_at = factory.LazyFunction(
        lambda: datetime(2030, 10, 18, 18, tzinfo=timezone.get_current_timezone())
    )
    registration_closes_at = factory.LazyFunction(
        lambda: datetime(2030, 9, 1, 12, tzinfo=timezone.get_current_timezone())
    )
    accommodation = factory.LazyFunction(
        lambda: {"sv": "Hotel Nordic, Stockholm", "en": "Hotel Nordic, Stockholm"}
    )
    costs = factory.LazyFunction(
        lambda: {"sv": "Vi betalar resa och logi.", "en": "We pay travel and accommodation."}
    )
    host = "The Foundation, Box 1, 111 11 Stockholm"
    signatory = "Anna Svensson"
    signatory_title = "Director"


def _delete_after(delegate: Delegate) -> date:
    """When the delegate's passport data goes: `passport_days` after the last day of its
    cycle's summit (made, if the test has not defined one)."""
    cycle = delegate.laureate.cycle
    summit = Summit.objects.filter(cycle=cycle).first() or SummitFactory(cycle=cycle)
    return summit.ends_on + timedelta(days=summit.passport_days)


class VisaRequestFactory(factory.django.DjangoModelFactory):
    """A delegate's passport data for a visa letter, as summit.give_passport_data stores it:
    encrypted, masked, waiting for approval, deleted `passport_days` after the cycle's summit
    (made if there is none). Traits: `approved` (approve_visa_letter: the delegate confirmed,
    who approved), `erased` (what the erasure leaves: no passport data, the time)."""

    class Meta:
        model = VisaRequest

    class Params:
        approved = factory.Trait(
            state=VisaState.APPROVED,
            approved_by=factory.SubFactory(UserFactory, staff=True),
        )
        erased = factory.Trait(
            state=VisaState.ERASED,
            passport_number="",
            nationality="",
            date_of_birth="",
            passport_expires_on="",
            masked="",
            erased_at=factory.LazyFunction(timezone.now),
        )

    delegate = factory.Maybe(
        "approved",
        factory.SubFactory(DelegateFactory, needs_visa=True, confirmed=True),
        factory.SubFactory(DelegateFactory, needs_visa=True),
    )
    passport_number = "AB1234567"
    nationality = "UA"
    date_of_birth = "1985-04-02"
    passport_expires_on = "2034-01-31"
    masked = factory.LazyAttribute(lambda o: mask(o.passport_number, keep=3))
    delete_after = factory.LazyAttribute(lambda o: _delete_after(o.delegate))
