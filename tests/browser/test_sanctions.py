"""Sanctions screening in Chromium (issue 21): a laureate whose name a list also names; its
payment waits; two members of staff clear the strong hit, each with a reason; finance then
approves the payment. In English and Swedish, axe-core on every page."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from laurel.cycles.enums import Phase
from laurel.laureates import services
from laurel.laureates.models import Laureate, Payment
from laurel.sanctions.services import import_list
from tests.browser.helpers import signed_in_as
from tests.conftest import enrol_totp, make_user
from tests.factories import RoleGrantFactory, UserFactory, in_phase
from tests.laureates.prize_helpers import details, finance
from tests.sanctions.helpers import edited
from tests.scenarios import ready

pytestmark = pytest.mark.django_db(transaction=True)

TEXTS = {
    "en": {
        "nav": "Sanctions screening",
        "why": "Why",
        "clear": "Clear: a false match",
        "agree": "Agree: a false match",
        "asked": "Clear the hit as a false match?",
        "final": "Clear the hit",
        "decided": "Decided",
        "waits": "cannot be approved until the sanctions screening is clear",
        "approve": "Approve the payment",
        "none": "No hit waits for a decision.",
        "approved": "The payment is approved.",
        "in_history": "Payment approved",
    },
    "sv": {
        "nav": "Sanktionskontroll",
        "why": "Varför",
        "clear": "Skriv av: en felaktig träff",
        "agree": "Håll med: en felaktig träff",
        "asked": "Vill du skriva av träffen som felaktig?",
        "final": "Skriv av träffen",
        "decided": "Avgjort",
        "waits": "kan inte godkännas förrän sanktionskontrollen är klar",
        "approve": "Godkänn utbetalningen",
        "none": "Ingen träff väntar på beslut.",
        "approved": "Utbetalningen är godkänd.",
        "in_history": "Utbetalningen godkänd",
    },
}


def staff_member(email: str):
    user = UserFactory(email=email)
    RoleGrantFactory(user=user, role="staff", cycle=None)
    enrol_totp(user)
    return user


@pytest.mark.parametrize("language", ["en", "sv"])
def test_staff_clear_a_strong_hit_with_four_eyes_and_finance_approves_the_payment(
    browser, live_server, child10, axe, language
):
    t = TEXTS[language]
    url = f"{live_server.url}/{language}"
    candidate = ready(
        child10, "Trygga Nätet", website="https://trygga.se", staff=make_user("staff")
    )
    laureate = Laureate.objects.create(
        cycle=child10, candidate=candidate, accepted_at=timezone.now()
    )
    in_phase(child10, Phase.PROGRAMME)
    listed = edited("eu", 'wholeName="Nordlicht Handels GmbH"', 'wholeName="Trygga Natet AB"')
    import_list(source="eu", data=listed, file_name="eu.xml")
    services.save_bank_details(
        laureate, details=details(), proof=b"%PDF-1.4 statement", proof_kind="pdf", actor=None
    )
    first_finance, second_finance = finance("f1@example.org"), finance("f2@example.org")
    payment = services.request_payment(laureate, actor=first_finance)
    services.verify_payment(
        payment, actor=first_finance, account=services.current_account(laureate).pk
    )

    # Finance tries first: the payment waits for the screening.
    money = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    signed_in_as(money, live_server, second_finance)
    money.goto(f"{url}/staff/prizes/{payment.pk}/")
    assert axe(money) == []
    money.get_by_role("button", name=t["approve"]).click()
    expect(money.locator("main")).to_contain_text(t["waits"])

    # Two members of staff clear each hit (the laureate's name and the account holder's): the
    # first clears both, which stay in the queue until a second agrees.
    for email, button in (("s1@example.org", t["clear"]), ("s2@example.org", t["agree"])):
        page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
        signed_in_as(page, live_server, staff_member(email))
        page.goto(f"{url}/staff/sanctions/")
        expect(page.locator("h1")).to_have_text(t["nav"])
        assert axe(page) == []
        links = page.locator("h2#hits + div a")
        expect(links).to_have_count(2)
        for _hit in range(2):
            links.first.click()  # the queue puts those still open, then awaiting, first
            expect(page.locator("h1")).to_contain_text("Trygga")
            assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
            assert axe(page) == []
            page.get_by_label(t["why"]).fill("Swedish association, registry 802000-0000 checked.")
            page.get_by_role("button", name=button).click()
            if button == t["agree"]:  # the last word on the hit is asked again, with the reason
                expect(page.locator("h1")).to_have_text(t["asked"])
                assert axe(page) == []
                page.get_by_role("button", name=t["final"], exact=True).click()
            expect(page.locator(".messages")).to_contain_text(t["decided"])
        if button == t["agree"]:
            expect(page.locator("main")).to_contain_text(t["none"])
        page.context.close()

    money.goto(f"{url}/staff/prizes/{payment.pk}/")
    expect(money.locator("section:has(#screening)")).to_contain_text("Trygga Natet AB")
    assert money.evaluate("document.scrollingElement.scrollWidth") <= 390
    money.get_by_role("button", name=t["approve"]).click()
    expect(money.locator("main")).to_contain_text(t["approved"])
    # The history names the approval and every screening and decision before it, and scrolls
    # within the page at phone width.
    expect(money.locator("section:has(#payment-history) tbody tr").first).to_contain_text(
        t["in_history"]
    )
    assert money.evaluate("document.scrollingElement.scrollWidth") <= 390
    assert axe(money) == []
    assert Payment.objects.get(pk=payment.pk).state == "approved"
