"""A laureate accepts through its letter's link and its contact chooses what may be published,
in Chromium, in both languages; axe-core on every page."""

import re

import pytest
from playwright.sync_api import expect

from laurel.accounts.models import RoleGrant
from laurel.cycles.enums import Phase
from laurel.laureates.models import Laureate
from laurel.selection import queries
from tests.browser.helpers import a_laureate_in_the_programme, sign_in_contact, signed_in_as
from tests.factories import UserFactory, in_phase, laureate_contact, tie_contacts
from tests.laureates.portal_helpers import announced, letter_to, token_of  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("language", ["en", "sv"])
def test_accepting_and_choosing_what_is_published(page, live_server, announced, axe, language):  # noqa: F811
    place = queries.places(announced)["laureate"][0]
    letter = letter_to(announced, place.candidate)
    url = live_server.url

    page.goto(f"{url}/{language}/laureate/{token_of(letter)}/")
    assert axe(page) == []
    page.locator("button[value=accept]").click()
    expect(page.locator("main h1")).to_have_text("Thank you" if language == "en" else "Tack")
    assert axe(page) == []

    contact = UserFactory(email=letter.to)
    contact.set_password("correct horse battery staple")
    contact.save(update_fields=["password"])
    RoleGrant.objects.create(user=contact, role="laureate_contact", cycle=announced.cycle)
    tie_contacts(contact)
    sign_in_contact(page, url, contact.email)
    expect(page).to_have_url(f"{url}/en/programme/")
    page.goto(f"{url}/{language}/programme/")
    assert axe(page) == []
    page.locator("#id_publish_name").uncheck()
    page.locator("#id_at_risk").check()
    page.locator("form button[type=submit]").last.click()
    expect(page.locator(".message--success")).to_be_visible()
    assert axe(page) == []
    laureate = Laureate.objects.get()
    assert (laureate.publish_name, laureate.at_risk) == (False, True)
    page.goto(f"{url}/{language}/laureates/")
    expect(page.locator("main")).not_to_contain_text(place.candidate.name)
    assert axe(page) == []


def test_bank_details_and_a_four_eyes_payment(
    browser, page, live_server, child10, axe, settings, tmp_path
):
    from django.utils import timezone
    from lxml import etree

    from laurel.laureates import exports
    from laurel.laureates.models import Contact, Payment
    from tests.conftest import enrol_totp, make_user
    from tests.laureates.prize_helpers import finance
    from tests.scenarios import ready, totp_code

    settings.PRIZE_DEBTOR = {
        "name": "Child10",
        "iban": "SE3550000000054910000003",
        "bic": "ESSESESS",
    }
    staff = make_user("staff")
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    laureate = Laureate.objects.create(
        cycle=child10, candidate=candidate, accepted_at=timezone.now()
    )
    in_phase(child10, Phase.PROGRAMME)
    contact = UserFactory(email="office@trygga.se")
    Contact.objects.create(laureate=laureate, email="office@trygga.se", user=contact)
    RoleGrant.objects.create(user=contact, role="laureate_contact", cycle=child10)
    proof = tmp_path / "statement.pdf"
    proof.write_bytes(b"%PDF-1.4 a bank statement")
    url = live_server.url

    sign_in_contact(page, url, contact.email)
    page.get_by_role("link", name="Bank details for the prize").click()
    # A password alone opens no bank form: the page says how to set up an authenticator app.
    expect(page.get_by_role("link", name="Set up an authenticator app")).to_be_visible()
    assert axe(page) == []
    secret = enrol_totp(contact)  # what the enrolment pages do
    page.get_by_role("link", name="Come back to this page").click()
    # Then a code from the app, asked again before the bank details.
    page.get_by_label("Code").fill(totp_code(secret))
    assert axe(page) == []
    page.get_by_role("button", name="Confirm").click()
    page.get_by_label("Account holder").fill("Trygga Nätet")
    page.get_by_label("The bank's country").select_option("SE")
    page.get_by_label("IBAN").fill("SE45 5000 0000 0583 9825 7467")  # one digit wrong
    page.get_by_label("BIC (SWIFT code)").fill("ESSESESS")
    page.get_by_label("Bank", exact=True).fill("SEB")
    page.get_by_label("The bank's address").fill("Kungsträdgårdsgatan 8, Stockholm")
    page.get_by_label("Proof that the account is the organisation's").set_input_files(str(proof))
    page.get_by_role("button", name="Save the bank details").click()
    expect(page.locator(".errorlist").first).to_contain_text("not a valid IBAN")
    assert axe(page) == []
    page.get_by_label("IBAN").fill("SE45 5000 0000 0583 9825 7466")
    page.get_by_label("Proof that the account is the organisation's").set_input_files(str(proof))
    page.get_by_role("button", name="Save the bank details").click()
    expect(page.locator(".message--success")).to_contain_text("Finance will check them")
    expect(page.locator(".checklist")).to_contain_text("SE •••• 7466")
    assert axe(page) == []

    first, second = finance("f1@example.org"), finance("f2@example.org")
    for who, steps in ((first, ["request", "reveal", "verify"]), (second, ["approve", "export"])):
        finance_page = browser.new_context(accept_downloads=True).new_page()
        signed_in_as(finance_page, live_server, who)
        finance_page.goto(f"{url}/en/staff/prizes/")
        assert axe(finance_page) == []
        if "request" in steps:
            finance_page.get_by_role("button", name="Request the payment Trygga Nätet").click()
        finance_page.get_by_role("link", name=re.compile("PRIZE")).click()
        if "reveal" in steps:
            finance_page.get_by_role("button", name="Show the full bank details (logged)").click()
            expect(finance_page.locator("section[aria-labelledby=details]")).to_contain_text(
                "SE45 5000 0000 0583 9825 7466"
            )
            assert axe(finance_page) == []
            finance_page.get_by_role("button", name="The bank details are checked").click()
        if "approve" in steps:
            finance_page.get_by_role("button", name="Approve the payment").click()
            expect(finance_page.locator(".message--success")).to_have_text(
                "The payment is approved."
            )
            assert axe(finance_page) == []
        if "export" in steps:
            finance_page.goto(f"{url}/en/staff/prizes/")
            finance_page.get_by_label("Pay on").fill("2022-03-15")
            with finance_page.expect_download() as download:
                finance_page.get_by_role("button", name="Download the bank file").click()
            document = etree.parse(download.value.path())
            assert exports.schema().validate(document)
    payment = Payment.objects.get()
    assert (payment.state, payment.requested_by, payment.approved_by) == ("approved", first, second)


def test_two_delegates_one_with_a_visa_letter(browser, page, live_server, child10, axe, tmp_path):
    import subprocess

    from tests.scenarios import START, delegate_values

    staff, contact, _laureate = a_laureate_in_the_programme(child10)
    type(child10).objects.filter(pk=child10.pk).update(
        code_of_conduct={"sv": "https://example.org/sv", "en": "https://example.org/en"}
    )
    url = live_server.url

    signed_in_as(page, live_server, contact)
    page.goto(f"{url}/en/programme/")
    page.get_by_role("link", name="The summit: your delegates").click()
    expect(page).to_have_url(re.compile(r"/en/programme/summit/$"))
    assert axe(page) == []
    for name, visa in (("Maria Kowalska", False), ("Olena Shevchenko", True)):
        values = delegate_values(full_name=name)
        form = page.locator("section[aria-labelledby=register]")
        for field in (
            "full_name",
            "role",
            "email",
            "phone",
            "travelling_from",
            "emergency_contact",
        ):
            form.locator(f"#id_{field}").fill(str(values[field]))
        form.locator("#id_arrive_on").fill(values["arrive_on"].isoformat())
        form.locator("#id_leave_on").fill(values["leave_on"].isoformat())
        form.locator("#id_booking_0").check()
        form.locator("#id_dietary").fill("Vegetarian")
        form.locator("#id_needs_visa").set_checked(visa)
        form.locator("#id_dietary_consent").set_checked(visa)  # the first time without consent
        form.locator("#id_code_of_conduct").check()
        form.get_by_role("button", name="Register the delegate").click()
        if not visa:  # refused beside the consent box, everything typed kept
            expect(page.locator("#id_dietary_consent_error")).to_contain_text("Tick the box")
            expect(page.locator("#id_full_name")).to_have_value(name)
            assert axe(page) == []
            page.locator("#id_dietary_consent").check()
            page.locator("#id_code_of_conduct").check()
            page.get_by_role("button", name="Register the delegate").click()
        expect(page.locator(".message--success")).to_have_text("The delegate is registered.")
    page.locator("summary").click()
    details = page.locator("details")
    details.get_by_label("Passport number").fill("FT123456")
    details.get_by_label("Country of citizenship").select_option("UA")
    details.get_by_label("Date of birth").fill("1985-04-02")
    details.get_by_label("Passport valid until").fill("2033-01-01")
    details.get_by_role("button", name="Save the passport data").click()
    expect(page.locator(".message--success")).to_contain_text("passport data is saved")
    expect(page.locator("main")).to_contain_text("•••• 456")
    expect(page.locator("main")).not_to_contain_text("FT123456")
    assert axe(page) == []

    staff_page = browser.new_context(accept_downloads=True).new_page()
    signed_in_as(staff_page, live_server, staff)
    staff_page.goto(f"{url}/en/staff/summit/")
    assert axe(staff_page) == []
    staff_page.get_by_role("button", name="Confirm Olena Shevchenko").click()
    staff_page.get_by_role("link", name="Waiting for approval Olena Shevchenko").click()
    staff_page.get_by_role("button", name="Approve the request").click()
    expect(staff_page.locator(".message--success")).to_contain_text("letter can be downloaded")
    with staff_page.expect_download() as download:
        staff_page.get_by_role("link", name="The letter in English (PDF)").click()
    path = tmp_path / "letter.pdf"
    download.value.save_as(path)
    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "We invite Olena Shevchenko" in text and "FT123456" in text
    assert "a national of Ukraine" in text
    assert f"from {START.day} October 2030" in text


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_support_programme_pages(browser, page, live_server, child10, axe, language):
    from datetime import date
    from decimal import Decimal

    from django.utils import timezone

    from laurel.laureates import services
    from laurel.laureates.models import Contact
    from tests.conftest import make_user
    from tests.scenarios import ready

    staff = make_user("staff")
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    laureate = Laureate.objects.create(
        cycle=child10, candidate=candidate, accepted_at=timezone.now()
    )
    in_phase(child10, Phase.PROGRAMME)
    Contact.objects.create(laureate=laureate, email="office@trygga.se")
    objective = services.add_objective(
        laureate, area="advocacy", title="Joint statement", actor=staff
    )
    services.add_milestone(objective, title="First draft", due_on=date(2030, 5, 1), actor=staff)
    services.log_session(
        laureate, held_on=date(2030, 3, 2), topic="Strategy", hours=Decimal("1.5"), coach="Eva",
        notes="Good start.", actor=staff,
    )  # fmt: skip
    contact = laureate_contact(child10, "office@trygga.se")
    url = live_server.url

    signed_in_as(page, live_server, contact)
    page.goto(f"{url}/{language}/programme/support/")
    expect(page.locator("main")).to_contain_text("First draft")
    assert axe(page) == []
    page.locator("main form button[type=submit]").last.click()  # nothing chosen: every area asked
    expect(page.locator(".errorlist").first).to_be_visible()
    assert axe(page) == []

    staff_page = browser.new_context().new_page()
    signed_in_as(staff_page, live_server, staff)
    for path in ("staff/support/", f"staff/support/{laureate.pk}/"):
        staff_page.goto(f"{url}/{language}/{path}")
        expect(staff_page.locator("main h1")).to_be_visible()
        assert axe(staff_page) == []


def test_a_session_recorded_and_an_initiative_co_signed(browser, page, live_server, child10, axe):
    from django.utils import timezone

    from laurel.laureates import services
    from laurel.laureates.models import Contact, Session, Signature
    from tests.conftest import make_user
    from tests.scenarios import ready

    staff = make_user("staff")
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    laureate = Laureate.objects.create(
        cycle=child10, candidate=candidate, accepted_at=timezone.now()
    )
    in_phase(child10, Phase.PROGRAMME)
    Contact.objects.create(laureate=laureate, email="office@trygga.se")
    contact = laureate_contact(child10, "office@trygga.se")
    services.propose_initiative(
        child10, kind="statement", title="Safety by design", description="A joint statement.",
        owners=[laureate], actor=staff,
    )  # fmt: skip
    url = live_server.url

    staff_page = browser.new_context().new_page()
    signed_in_as(staff_page, live_server, staff)
    staff_page.goto(f"{url}/en/staff/support/{laureate.pk}/")
    form = staff_page.locator("form[action$='/sessions/']")
    form.get_by_label("Date").fill("2030-03-02")
    form.get_by_label("Topic").fill("Fundraising strategy")
    form.get_by_label("Hours").fill("1.5")
    form.get_by_label("Coach").fill("Eva Lind")
    form.get_by_role("button", name="Record the session").click()
    expect(staff_page.locator(".message--success")).to_have_text("Saved.")
    expect(staff_page.locator("section[aria-labelledby=sessions]")).to_contain_text(
        "Fundraising strategy"
    )
    assert axe(staff_page) == []
    assert Session.objects.get().coach == "Eva Lind"

    signed_in_as(page, live_server, contact)
    for language in ("en", "sv"):
        page.goto(f"{url}/{language}/programme/cohort/")
        assert axe(page) == []
    page.goto(f"{url}/en/programme/cohort/")
    page.get_by_role("link", name="Safety by design").click()
    expect(page.get_by_role("button", name="Our organisation co-signs")).to_be_visible()
    assert axe(page) == []
    page.get_by_role("button", name="Our organisation co-signs").click()
    expect(page.locator("main")).to_contain_text("Trygga Nätet (")
    assert axe(page) == []
    assert Signature.objects.get().laureate == laureate
