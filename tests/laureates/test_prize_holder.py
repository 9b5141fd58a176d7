"""The prize's account holder is the organisation by any name the name engine knows it by
(issue 18, item 3): its other names, its nominations' names, its acronym; never a person."""

import pytest
from django.utils import timezone

from laurel.candidates import services as screening
from laurel.candidates.models import Placement
from laurel.cycles.enums import Phase
from laurel.laureates import services
from laurel.laureates.models import BankAccount, Laureate
from laurel.laureates.services.prize import Details
from tests.candidates.helpers import confirmed
from tests.factories import in_phase
from tests.scenarios import ready

pytestmark = pytest.mark.django_db

PROOF = b"%PDF-1.4 statement"


def details(holder: str) -> Details:
    return Details(
        holder=holder,
        iban="SE4550000000058398257466",
        bic="ESSESESS",
        account_number="",
        bank_name="SEB",
        bank_address="Kungsträdgårdsgatan 8, Stockholm",
        country="SE",
    )


def laureate_of(candidate) -> Laureate:
    laureate = Laureate.objects.create(
        cycle=candidate.cycle, candidate=candidate, accepted_at=timezone.now()
    )
    in_phase(candidate.cycle, Phase.PROGRAMME)
    return laureate


def save(laureate, holder):
    return services.save_bank_details(
        laureate, details=details(holder), proof=PROOF, proof_kind="pdf", actor=None
    )


def test_the_holder_may_be_written_as_a_merged_nomination_wrote_the_organisation(
    child10, staff_user
):
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff_user)
    nomination = confirmed(child10, "Safe Net Sweden", email="other@example.org")
    other = Placement.objects.get(nomination=nomination).candidate
    screening.merge_candidates(other, candidate, actor=staff_user)
    laureate = laureate_of(candidate)

    account = save(laureate, "Safe Net Sweden")

    assert BankAccount.objects.get() == account
    assert account.holder == "Safe Net Sweden"


def test_the_holder_may_be_a_name_the_organisation_was_known_by(child10, staff_user):
    candidate = ready(child10, "Barnens Trygga Nätet", staff=staff_user)
    organisation = candidate.organisation
    organisation.aliases = ["Föreningen Tryggt Nät"]
    organisation.save(update_fields=["aliases"])

    save(laureate_of(candidate), "Tryggt Nät")

    assert BankAccount.objects.count() == 1


def test_the_holder_may_be_the_organisations_acronym(child10, staff_user):
    """Needs the engine that compares acronyms with initials (issue 18, item 2)."""
    candidate = ready(child10, "Föreningen Trygga Nätet för Barn", staff=staff_user)

    save(laureate_of(candidate), "TNB")

    assert BankAccount.objects.count() == 1


@pytest.mark.parametrize("holder", ["Anna Andersson", "Barnfri Webb", "  "])
def test_a_person_or_another_organisation_is_refused(child10, staff_user, holder):
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff_user)
    confirmed(child10, "Barnfri Webb", email="other@example.org")
    laureate = laureate_of(candidate)

    with pytest.raises(services.PrizeError, match="must be the organisation itself") as refused:
        save(laureate, holder)

    assert refused.value.field == "holder"
    assert not BankAccount.objects.exists()
