"""No button that will refuse: the finance user who requested a payment is not offered to
approve it (four eyes); another finance user is."""

import re

import pytest
from django.urls import reverse

from laurel.cycles.enums import Phase
from laurel.laureates import services
from tests.conftest import sign_in
from tests.factories import in_phase
from tests.laureates.prize_helpers import PROOF, details, finance, laureate  # noqa: F401

pytestmark = pytest.mark.django_db


def requested(winner, *, by):
    """The laureate's bank details given, in the programme, and its payment requested."""
    in_phase(winner.cycle, Phase.PROGRAMME)
    services.save_bank_details(winner, details=details(), proof=PROOF, proof_kind="pdf", actor=None)
    return services.request_payment(winner, actor=by)


def test_only_another_finance_user_is_offered_the_approval(laureate, client):  # noqa: F811
    first, second = finance("f1@example.org"), finance("f2@example.org")
    payment = requested(laureate, by=first)
    services.verify_payment(
        payment, actor=first, account=services.current_account(payment.laureate).pk
    )
    url = reverse("laureates:payment", args=[payment.pk])
    approve = reverse("laureates:step", args=[payment.pk, "approve"])

    sign_in(client, first)
    requester = client.get(url).content.decode()
    sign_in(client, second)
    other = client.get(url).content.decode()

    assert approve not in requester
    assert "another finance user must approve it (four eyes)" in requester
    assert approve in other


def test_who_checked_the_bank_details_is_not_offered_the_approval(laureate, client):  # noqa: F811
    """A helper's attack found one finance user could check the bank details and approve the
    payment alone, where the second pair of eyes must be another finance user's."""
    first, checker, third = (finance(f"f{n}@example.org") for n in (1, 2, 3))
    payment = requested(laureate, by=first)
    services.verify_payment(
        payment, actor=checker, account=services.current_account(payment.laureate).pk
    )
    url = reverse("laureates:payment", args=[payment.pk])
    approve = reverse("laureates:step", args=[payment.pk, "approve"])

    sign_in(client, checker)
    page = client.get(url).content.decode()
    refused = client.post(approve, follow=True).content.decode()

    assert approve not in page
    assert "You checked the bank details of this payment: another finance user" in page
    assert "another finance user must approve it (four eyes)" in refused
    payment.refresh_from_db()
    assert payment.state == "verified" and payment.approved_by is None
    services.approve_payment(payment, actor=third)
    payment.refresh_from_db()
    assert payment.state == "approved" and payment.approved_by == third


def test_bank_details_sent_while_the_page_was_open_are_not_verified_unseen(
    laureate,  # noqa: F811
    client,
):
    """A helper's attack: finance opened the payment (SE account), the laureate sent new
    details (a German account), finance clicked "checked" on the open page, and the German
    account was verified without being seen. The click names the account the page showed."""
    first = finance("f1@example.org")
    payment = requested(laureate, by=first)
    url = reverse("laureates:payment", args=[payment.pk])
    verify = reverse("laureates:step", args=[payment.pk, "verify"])
    sign_in(client, first)
    page = client.get(url).content.decode()
    shown = re.search(r'name="account" value="(\d+)"', page)[1]

    services.save_bank_details(
        laureate,
        details=details(country="DE", iban="DE89370400440532013000", bic="COBADEFFXXX"),
        proof=PROOF,
        proof_kind="pdf",
        actor=None,
    )
    refused = client.post(verify, {"account": shown}, follow=True).content.decode()

    payment.refresh_from_db()
    assert payment.state == "requested" and payment.verified_by is None
    assert "sent new bank details after this page was shown" in refused
    now_shown = re.search(r'name="account" value="(\d+)"', refused)[1]
    assert now_shown != shown
    client.post(verify, {"account": now_shown})
    payment.refresh_from_db()
    assert payment.state == "verified" and payment.account_id == int(now_shown)
