"""Money data is finance's alone: a superuser without the finance role reads no full account,
no proof and no bank file, and is refused with a 404, never a server error."""

from datetime import date

import pytest
from django.urls import reverse

from laurel.core.models import AuditEntry
from laurel.laureates import exports, services
from laurel.laureates.models import Payment
from tests.conftest import enrol_totp, make_user, sign_in
from tests.factories import RoleGrantFactory, UserFactory
from tests.laureates import prize_helpers as test_prize
from tests.laureates.prize_helpers import IBAN, approved_payment

laureate = test_prize.laureate  # the same accepted laureate, with two contacts

DEBTOR = {"name": "Child10", "iban": "SE3550000000054910000003", "bic": "ESSESESS"}


@pytest.fixture
def superuser(db):
    """Staff, and Django's superuser, but not finance."""
    user = UserFactory(email="root@example.org", is_superuser=True)
    RoleGrantFactory(user=user, role="staff", cycle=None)
    enrol_totp(user)
    return user


@pytest.fixture
def approved(laureate, settings):
    settings.PRIZE_DEBTOR = DEBTOR
    _requester, payment = approved_payment(laureate)
    return Payment.objects.select_related("account", "laureate").get(pk=payment.pk)


def test_a_superuser_who_is_not_finance_cannot_reveal_the_account(client, superuser, approved):
    sign_in(client, superuser)

    response = client.post(reverse("laureates:reveal", args=[approved.pk]))

    assert response.status_code == 404
    assert IBAN not in response.content.decode()
    assert AuditEntry.objects.filter(key="bank_account.revealed").count() == 0


def test_a_superuser_who_is_not_finance_cannot_read_the_proof(client, superuser, approved):
    sign_in(client, superuser)

    response = client.get(reverse("laureates:proof", args=[approved.pk]))

    assert response.status_code == 404
    assert b"statement" not in response.content
    assert AuditEntry.objects.filter(key="bank_account.proof_read").count() == 0


def test_a_superuser_who_is_not_finance_gets_no_bank_file(client, superuser, approved):
    sign_in(client, superuser)

    response = client.post(reverse("laureates:pain001"), {"execution_date": "2030-03-15"})

    assert response.status_code == 404
    assert IBAN not in response.content.decode()
    assert AuditEntry.objects.filter(key="payments.exported").count() == 0


def test_a_superuser_who_is_not_finance_takes_no_step_of_a_payment(client, superuser, approved):
    sign_in(client, superuser)

    response = client.post(reverse("laureates:step", args=[approved.pk, "cancel"]))

    assert response.status_code == 404
    assert Payment.objects.get(pk=approved.pk).state == "approved"


def test_the_services_refuse_money_data_to_anyone_but_finance(superuser, approved):
    with pytest.raises(services.PrizeError, match="Only finance"):
        exports.approved_file([approved], actor=superuser, execution_date=date(2030, 3, 15))
    with pytest.raises(services.PrizeError, match="Only finance"):
        services.reveal_account(approved.account, actor=superuser)
    with pytest.raises(services.PrizeError, match="Only finance"):
        services.proof_of(approved.account, actor=superuser)
    assert (
        AuditEntry.objects.filter(key__in=["payments.exported", "bank_account.revealed"]).count()
        == 0
    )


def test_finance_still_gets_the_bank_file(client, approved):
    reader = UserFactory(email="f3@example.org")
    RoleGrantFactory(user=reader, role="finance", cycle=None)
    enrol_totp(reader)
    sign_in(client, reader)

    response = client.post(reverse("laureates:pain001"), {"execution_date": "2030-03-15"})

    assert response.status_code == 200
    assert IBAN in response.content.decode()


@pytest.mark.parametrize("role", ["committee", "laureate", "plain"])
def test_requesting_a_payment_is_refused_at_the_page_to_anyone_but_staff_and_finance(
    client, laureate, role
):
    # The service no longer asks for the role: the page's permission (laureates.request_payment)
    # refuses everyone else before it is called.
    sign_in(client, make_user(role, laureate.cycle))

    response = client.post(reverse("laureates:request", args=[laureate.pk]))

    assert response.status_code == 404
    assert Payment.objects.count() == 0


@pytest.mark.parametrize("role", ["staff", "finance"])
def test_staff_and_finance_request_a_payment_at_the_page(client, laureate, staff_user, role):
    sign_in(client, staff_user if role == "staff" else make_user(role))

    response = client.post(reverse("laureates:request", args=[laureate.pk]))

    assert response.status_code == 302
    assert Payment.objects.get().laureate == laureate
