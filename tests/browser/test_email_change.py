"""Staff change someone's sign-in address (nobody changes their own), in Chromium; axe-core on
the page, its error state included."""

import pytest
from playwright.sync_api import expect

from laurel.accounts.models import User
from tests.browser.helpers import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_change_an_address_after_confirming(page, live_server, child10, axe):
    from tests.conftest import make_user

    staff = make_user("staff")
    person = make_user("laureate", cycle=child10)
    sign_in(page, live_server, staff)

    page.goto(f"{live_server.url}/en/staff/users/")
    page.get_by_role("link", name=f"Change the address {person.email}").click()
    expect(page.locator("main h1")).to_have_text("Change the email address")
    assert axe(page) == []
    page.get_by_label("New email address").fill("new.office@example.org")
    page.get_by_role("button", name="Change the address").click()
    # Not confirmed: the message sits beside the box, the address typed is kept.
    expect(page.get_by_label("New email address")).to_have_value("new.office@example.org")
    expect(page.locator(".errorlist").first).to_be_visible()
    assert axe(page) == []
    page.get_by_label("I have checked with the person").check()
    page.get_by_role("button", name="Change the address").click()

    expect(page.locator(".message--success")).to_contain_text("The address is changed.")
    assert User.objects.get(pk=person.pk).email == "new.office@example.org"
