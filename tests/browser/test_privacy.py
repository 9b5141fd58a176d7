"""The secretariat answers a data-subject request in a real browser, keyboard first: records
it, reads what is held, downloads the copy, erases, closes. axe on every step, errors included."""

import re

import pytest
from playwright.sync_api import expect

from laurel.privacy.models import SubjectRequest
from tests.browser.helpers import signed_in_as
from tests.candidates.helpers import confirmed
from tests.conftest import make_user
from tests.pdf import pdf_text

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_request_from_record_to_erasure(page, live_server, child10, axe, language):
    confirmed(child10, "Other Org", email="anna.berg@example.org")
    staff = make_user("staff")
    signed_in_as(page, live_server, staff)
    page.goto(f"{live_server.url}/{language}/staff/requests/")

    page.locator("#id_kind").select_option("erasure")
    page.locator("main form button[type=submit]").press("Enter")  # nothing given
    expect(page.locator("#id_email_error, .errorlist").first).to_be_visible()
    assert axe(page) == []

    page.locator("#id_email").fill("anna.berg@example.org")
    page.locator("#id_email").press("Enter")
    expect(page).to_have_url(re.compile(r"/staff/requests/\d+/$"))
    assert axe(page) == []

    with page.expect_download() as download:
        page.locator("main a[href$='export.pdf']").click()
    assert "anna.berg@example.org" in pdf_text(download.value.path().read_bytes())

    page.locator("form[action$='/erase/'] button").press("Enter")  # not confirmed
    expect(page.locator("form[action$='/erase/'] .errorlist")).to_be_visible()
    assert axe(page) == []
    page.locator("#id_confirm").check()
    page.locator("form[action$='/erase/'] button").press("Enter")
    expect(page.locator(".message--success")).to_be_visible()
    assert axe(page) == []

    page.locator("#id_notes").fill("Erased; confirmed by email.")
    page.locator("form[action$='/close/'] button").press("Enter")
    expect(page.locator("main h1")).to_be_visible()
    assert SubjectRequest.objects.get().state == "done"
    assert axe(page) == []
