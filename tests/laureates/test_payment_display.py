"""How payments read (issue 17, item 17): one money format per language, the revealed IBAN in
groups of four, cancelling a payment only after a confirmation step, and the bank form's
countries by their CLDR names in the page's language and alphabetical order."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from laurel.accounts.models import RoleGrant
from laurel.core.models import AuditEntry
from laurel.core.templatetags.laurel import iban_groups, money
from laurel.laureates import services
from laurel.laureates.models import Contact, Payment
from tests.conftest import enrol_totp, sign_in
from tests.factories import UserFactory
from tests.laureates import prize_helpers as test_prize
from tests.laureates.prize_helpers import approved_payment, finance

laureate = test_prize.laureate  # an accepted laureate in the programme phase, 100 000 SEK

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "amount", "currency", "shown"),
    [
        ("en", Decimal("100000.00"), "SEK", "100,000 SEK"),
        ("sv", Decimal("100000.00"), "SEK", "100 000 kr"),
        ("en", Decimal("1234.5"), "EUR", "1,234.50 EUR"),
        ("sv", Decimal("1234.5"), "EUR", "1 234,50 EUR"),
        ("sv", Decimal("25.50"), "SEK", "25,50 kr"),
        ("sv", 0, "SEK", "0 kr"),
    ],
)
def test_money_is_written_the_way_each_language_writes_it(language, amount, currency, shown):
    with translation.override(language):
        assert money(amount, currency) == shown.replace(" ", NBSP)


def test_an_iban_is_grouped_in_fours_whatever_spacing_it_came_with():
    assert iban_groups("SE4550000000058398257466") == "SE45 5000 0000 0583 9825 7466"
    assert iban_groups(" de89 3704 00440532013000") == "de89 3704 0044 0532 0130 00"
    assert iban_groups("") == ""


@pytest.mark.parametrize(("language", "amount"), [("en", "100,000 SEK"), ("sv", "100 000 kr")])
def test_the_payments_list_and_page_show_the_amount_in_the_page_language(
    laureate, client, language, amount
):
    _requester, payment = approved_payment(laureate)
    services.mark_paid(
        payment,
        paid_on=date(2022, 3, 20),
        fees=Decimal("25.50"),
        exchange_rate=None,
        actor=finance("f3@example.org"),
    )
    sign_in(client, finance("f4@example.org"))

    listing = client.get(f"/{language}/staff/prizes/").content.decode()
    page = client.get(f"/{language}/staff/prizes/{payment.pk}/").content.decode()

    fees = {"en": "25.50 SEK", "sv": "25,50 kr"}[language]
    assert amount.replace(" ", NBSP) in listing
    assert amount.replace(" ", NBSP) in page
    assert fees.replace(" ", NBSP) in page
    for raw in ("100000.00", "100000", "25.50 SEK" if language == "sv" else "25,50"):
        assert raw not in listing + page


def test_the_revealed_iban_is_grouped_in_fours(laureate, client):
    _requester, payment = approved_payment(laureate)
    sign_in(client, finance("f3@example.org"))

    page = client.post(reverse("laureates:reveal", args=[payment.pk])).content.decode()

    details = re.search(r'<section aria-labelledby="details">.*?</section>', page, re.S).group(0)
    assert '<dd class="account-number">SE45 5000 0000 0583 9825 7466</dd>' in details


def test_cancel_is_apart_from_approve_and_asks_for_confirmation_first(laureate, client):
    requester = finance("f1@example.org")
    services.save_bank_details(
        laureate, details=test_prize.details(), proof=b"%PDF", proof_kind="pdf", actor=None
    )
    payment = services.request_payment(laureate, actor=requester)
    services.verify_payment(
        payment, actor=requester, account=services.current_account(payment.laureate).pk
    )
    sign_in(client, finance("f2@example.org"))
    url = reverse("laureates:step", args=[payment.pk, "cancel"])

    page = client.get(reverse("laureates:payment", args=[payment.pk])).content.decode()
    step = client.post(url)
    state_after_step = Payment.objects.get().state
    done = client.post(url, {"confirmed": "yes"})

    handle = re.search(r'<section aria-labelledby="handle">.*?</section>', page, re.S).group(0)
    cancel = re.search(r'<section aria-labelledby="cancel".*?</section>', page, re.S).group(0)
    assert "Approve the payment" in handle and "Cancel the payment" not in handle
    assert "Cancel the payment…" in cancel and "Approve" not in cancel
    assert step.status_code == 200
    assert "Cancel the payment to Trygga Nätet?" in step.content.decode()
    assert f"of 100,000{NBSP}SEK is cancelled" in step.content.decode()
    assert "This cannot be undone." in step.content.decode()
    assert state_after_step == "verified"
    assert done.status_code == 302
    assert Payment.objects.get().state == "cancelled"
    assert AuditEntry.objects.filter(key="payment.cancelled").count() == 1


def bank_form_countries(laureate, client, language: str) -> list[str]:
    contact = UserFactory(email="office@trygga.se")
    RoleGrant.objects.create(user=contact, role="laureate_contact", cycle=laureate.cycle)
    Contact.objects.filter(laureate=laureate, email=contact.email).update(user=contact)
    enrol_totp(contact)
    sign_in(client, contact)  # with the second factor given just now
    response = client.get(f"/{language}/programme/bank/")
    assert response.status_code == 200
    select = re.search(r'<select name="country".*?</select>', response.content.decode(), re.S)
    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select.group(0))
    return [name for code, name in options if code]


def test_the_bank_form_lists_countries_by_their_swedish_names_in_swedish_order(laureate, client):
    names = bank_form_countries(laureate, client, "sv")

    for name in ("Albanien", "Georgien", "Nordmakedonien", "Nauru", "Bahamas", "USA"):
        assert name in names
    for name in ("Albania", "Georgia", "Makedonien", "Naoero", "Bahamas (The)"):
        assert name not in names
    assert names[:3] == ["Afghanistan", "Albanien", "Algeriet"]
    assert names[-3:] == ["Åland", "Österrike", "Östtimor"]  # Å, Ä, Ö after Z
    assert names.index("Tyskland") < names.index("Ukraina") < names.index("Ungern")


def test_the_bank_form_lists_countries_by_their_english_names_ignoring_accents(laureate, client):
    names = bank_form_countries(laureate, client, "en")

    for name in ("Nauru", "Bahamas", "North Macedonia", "United States"):
        assert name in names
    for name in ("Naoero", "Bahamas (The)", "United States of America"):
        assert name not in names
    assert names[:4] == ["Afghanistan", "Åland Islands", "Albania", "Algeria"]
    assert names.index("Curaçao") < names.index("Cyprus")
    assert names[-1] == "Zimbabwe"
