"""The prize payment: bank details, finance users, an approved payment, and the accepted
laureate those tests pay."""

import pytest
from django.core import mail
from django.utils import timezone

from laurel.cycles.enums import Phase
from laurel.laureates import services
from laurel.laureates.models import Contact, Laureate
from laurel.laureates.services.prize import Details
from tests.conftest import enrol_totp
from tests.factories import RoleGrantFactory, UserFactory, in_phase
from tests.scenarios import ready

IBAN = "SE4550000000058398257466"


PROOF = b"%PDF-1.4 statement"


def details(**changes) -> Details:
    values = {
        "holder": "Trygga Nätet", "iban": IBAN, "bic": "ESSESESS", "account_number": "",
        "bank_name": "SEB", "bank_address": "Kungsträdgårdsgatan 8, Stockholm", "country": "SE",
    }  # fmt: skip
    return Details(**(values | changes))


def finance(email):
    user = UserFactory(email=email)
    RoleGrantFactory(user=user, role="finance", cycle=None)
    enrol_totp(user)
    return user


def approved_payment(laureate):
    """Bank details given, the payment requested and verified by one finance user and approved
    by another: (the requester, the payment)."""
    first, second = finance("f1@example.org"), finance("f2@example.org")
    services.save_bank_details(
        laureate, details=details(), proof=PROOF, proof_kind="pdf", actor=None
    )
    payment = services.request_payment(laureate, actor=first)
    services.verify_payment(
        payment, actor=first, account=services.current_account(payment.laureate).pk
    )
    services.approve_payment(payment, actor=second)
    return first, payment


@pytest.fixture
def laureate(child10, staff_user, run_tasks):
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff_user)
    laureate = Laureate.objects.create(
        cycle=child10, candidate=candidate, accepted_at=timezone.now()
    )
    in_phase(child10, Phase.PROGRAMME)
    Contact.objects.create(laureate=laureate, email="office@trygga.se", language="sv")
    Contact.objects.create(laureate=laureate, email="board@trygga.se", language="en")
    run_tasks()
    mail.outbox.clear()
    return laureate


OURS = {"name": "Child10 Foundation", "iban": "SE35 5000 0000 0549 1000 0003", "bic": "ESSESESS"}


NO_DEFAULT = {"name": "", "iban": "", "bic": ""}
