"""A new staff member's first visit, in a real browser: invitation, account, second factor,
staff area. Every page, error states included, passes axe."""

import re

import pytest
from playwright.sync_api import expect

from laurel.accounts import services
from laurel.accounts.enums import Role
from tests.browser.helpers import signed_in_as
from tests.factories import PASSWORD
from tests.scenarios import totp_code

pytestmark = pytest.mark.django_db(transaction=True)


def test_invited_staff_member_enrols_a_second_factor_before_the_staff_area(
    page, live_server, child10, axe
):
    _invitation, token = services.invite(
        "new.staff@example.org", role=Role.STAFF, actor=None, language="sv"
    )
    page.goto(f"{live_server.url}/sv/invitation/{token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Skapa ditt konto")
    assert axe(page) == []

    # A mismatched password: the message sits beside its field, the name is kept.
    page.get_by_label("Fullständigt namn").fill("Sara Staff")
    page.get_by_label("Lösenord", exact=True).fill(PASSWORD)
    page.get_by_label("Lösenordet igen").fill("something else entirely")
    page.get_by_role("button", name="Skapa konto").click()
    again = page.get_by_label("Lösenordet igen")
    expect(again).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_password2_error")).to_have_text("De två lösenorden är inte likadana.")
    expect(page.get_by_label("Fullständigt namn")).to_have_value("Sara Staff")
    assert axe(page) == []

    page.get_by_label("Lösenord", exact=True).fill(PASSWORD)
    again.fill(PASSWORD)
    page.get_by_role("button", name="Skapa konto").click()

    # Straight to enrolment: the staff area is out of reach until a second factor exists.
    expect(page).to_have_url(re.compile(r"/sv/accounts/2fa/totp/activate/$"))
    assert axe(page) == []
    page.goto(f"{live_server.url}/sv/staff/")
    expect(page).to_have_url(re.compile(r"/sv/accounts/2fa/totp/activate/$"))

    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Autentiseringskod").fill("000000")
    page.get_by_role("button", name="Aktivera").click()
    expect(page.locator(".errorlist")).to_be_visible()
    assert axe(page) == []
    page.get_by_label("Autentiseringskod").fill(totp_code(secret))
    page.get_by_role("button", name="Aktivera").click()

    page.goto(f"{live_server.url}/sv/staff/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Översikt")
    expect(page.get_by_text("Aktuell fas: Nominering pågår")).to_be_visible()
    assert axe(page) == []


@pytest.mark.parametrize(
    "path",
    [
        "/en/staff/",
        "/en/staff/users/",
        "/en/staff/users/invite/",
        "/en/staff/cycles/child10-2022/",
        "/en/staff/cycles/child10-2022/edit/",
        "/en/staff/cycles/child10-2022/criteria/1/edit/",
        "/en/staff/audit/",
        "/en/staff/outbox/",
        "/sv/staff/tasks/",
        "/sv/staff/retention/",
        "/en/staff/requests/",
        "/sv/staff/api-tokens/",
        "/en/staff/nominations/",
        "/sv/staff/nominations/?show=held",
        "/en/staff/nominations/late-codes/",
        "/sv/staff/cycles/child10-2022/edit/",
    ],
)
def test_staff_pages_pass_axe(page, live_server, child10, axe, path):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from laurel.nominations import services as nominations
    from laurel.nominations.models import new_token
    from tests.conftest import make_user
    from tests.core.tasks_for_tests import needs_file

    staff = make_user("staff")
    services.invite("someone@example.org", role=Role.FINANCE, actor=staff)
    token, _ = new_token()
    draft, _ = nominations.save_draft(
        child10,
        token=token,
        language="en",
        complete=True,
        send_resume_link=False,
        data={
            "org_name": "Held Org",
            "org_country": "SE",
            "relationship": "self",
            "answers": {"1": "Call 070-123 45 67."},
        },
    )
    nominations.submit_nomination(draft, token=token, gate=nominations.Held("no-proof-of-work"))
    failed = DBTaskResult.objects.get(pk=needs_file.enqueue("/nowhere").id)
    failed.status = TaskResultStatus.FAILED
    failed.save(update_fields=["status"])
    signed_in_as(page, live_server, staff)

    page.goto(f"{live_server.url}{path}")

    expect(page.locator("main h1")).to_be_visible()
    assert axe(page) == []


def test_invite_form_errors_are_tied_to_their_fields(page, live_server, child10, axe):
    from tests.conftest import make_user

    signed_in_as(page, live_server, make_user("staff"))
    page.goto(f"{live_server.url}/en/staff/users/invite/")

    page.get_by_label("Email address").fill("not-an-address")
    page.get_by_label("Role").select_option("committee_member")
    page.get_by_role("button", name="Send invitation").click()

    expect(page.get_by_label("Email address")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Award cycle")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Email address")).to_have_value("not-an-address")
    assert axe(page) == []
