"""Prize payments in Chromium (issue 17, items 7 and 17): finance sets the account the prizes are
paid from with four eyes; amounts read as each language writes money; cancelling a payment sits
apart from approving it and is confirmed first, by keyboard too. axe-core on every page."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from laurel.cycles.enums import Phase
from laurel.laureates import services
from laurel.laureates.models import Laureate, Payment
from laurel.laureates.models.prize import PayingAccount
from tests.browser.helpers import signed_in_as
from tests.conftest import make_user
from tests.factories import in_phase
from tests.laureates.prize_helpers import details, finance
from tests.scenarios import ready

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def laureate(child10, settings):
    settings.PRIZE_DEBTOR = {"name": "", "iban": "", "bic": ""}  # no default from the server
    staff = make_user("staff")
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    laureate = Laureate.objects.create(
        cycle=child10, candidate=candidate, accepted_at=timezone.now()
    )
    in_phase(child10, Phase.PROGRAMME)
    services.save_bank_details(
        laureate, details=details(), proof=b"%PDF-1.4 statement", proof_kind="pdf", actor=None
    )
    return laureate


def test_finance_sets_the_paying_account_with_four_eyes(browser, page, live_server, laureate, axe):
    first, second = finance("f1@example.org"), finance("f2@example.org")
    url = live_server.url

    signed_in_as(page, live_server, first)
    page.goto(f"{url}/en/staff/prizes/")
    expect(page.locator("#no-paying-account")).to_contain_text("cannot be made yet")
    assert axe(page) == []
    page.get_by_role("link", name="Set the account the prizes are paid from").click()
    page.get_by_label("Account holder").fill("Child10 Foundation")
    page.get_by_label("IBAN").fill("SE35 5000 0000 0549 1000 0004")  # one digit wrong
    page.get_by_label("BIC (SWIFT code)").fill("ESSESESS")
    page.get_by_role("button", name="Propose the account").click()
    expect(page.locator(".errorlist").first).to_contain_text("not a valid IBAN")
    expect(page.get_by_label("Account holder")).to_have_value("Child10 Foundation")
    assert axe(page) == []
    page.get_by_label("IBAN").fill("SE35 5000 0000 0549 1000 0003")
    page.get_by_role("button", name="Propose the account").click()
    expect(page.locator(".message--success")).to_contain_text("another finance user")
    expect(page.get_by_role("button", name="Check and approve the account")).to_have_count(0)
    assert axe(page) == []

    other = browser.new_context().new_page()
    signed_in_as(other, live_server, second)
    other.goto(f"{url}/en/staff/prizes/account/")
    other.get_by_role("button", name="Check and approve the account").click()
    expect(other.locator("main")).to_contain_text("IBAN SE35 5000 0000 0549 1000 0003")
    assert axe(other) == []
    other.get_by_role("button", name="Approve the account").click()
    expect(other.locator(".message--success")).to_contain_text("pays from it now")
    assert axe(other) == []
    other.goto(f"{url}/en/staff/prizes/")
    expect(other.locator("main")).to_contain_text("Paid from Child10 Foundation, SE •••• 0003.")
    assert PayingAccount.objects.get().state == "approved"


@pytest.mark.parametrize(("language", "amount"), [("en", "100,000 SEK"), ("sv", "100 000 kr")])
def test_cancelling_a_payment_is_apart_from_approving_and_confirmed_by_keyboard(
    page, live_server, laureate, axe, language, amount
):
    requester = finance("f1@example.org")
    payment = services.request_payment(laureate, actor=requester)
    services.verify_payment(
        payment, actor=requester, account=services.current_account(payment.laureate).pk
    )
    signed_in_as(page, live_server, finance("f2@example.org"))
    url = live_server.url

    page.goto(f"{url}/{language}/staff/prizes/")
    expect(page.locator("main table")).to_contain_text(amount.replace(" ", "\u00a0"))
    page.goto(f"{url}/{language}/staff/prizes/{payment.pk}/")
    expect(page.locator("dl.facts").first).to_contain_text(amount.replace(" ", "\u00a0"))
    assert axe(page) == []
    approve = page.locator("section[aria-labelledby=handle] button[type=submit]").last
    cancel = page.locator("section[aria-labelledby=cancel] button[type=submit]")
    approve_box, cancel_box = approve.bounding_box(), cancel.bounding_box()
    # Not side by side: the cancel button is below, under its own heading, well apart.
    assert cancel_box["y"] >= approve_box["y"] + approve_box["height"] + 40
    cancel.focus()
    page.keyboard.press("Enter")
    expect(page.locator("main h1")).to_contain_text("Trygga Nätet")
    assert Payment.objects.get().state == "verified"  # nothing before the second step
    assert axe(page) == []
    confirm = page.locator("main form button[type=submit]")
    confirm.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".message--success")).to_be_visible()
    assert Payment.objects.get().state == "cancelled"
