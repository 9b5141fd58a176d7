"""What many browser tests do first: sign a user in, directly (`signed_in_as`) or, where a test is
about signing in, through the real pages (`sign_in`, `sign_in_contact`)."""

import re

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from laurel.cycles.enums import Phase
from laurel.laureates import services
from laurel.laureates.models import Contact, Laureate
from tests.conftest import make_user
from tests.conftest import sign_in as sign_in_client
from tests.factories import PASSWORD, in_phase, laureate_contact
from tests.scenarios import delegate_values, ready, summit_values, totp_code


def signed_in_as(page, live_server, user) -> None:
    """Sign the browser in WITHOUT the sign-in pages: the session a full sign-in leaves (made as
    tests/conftest.py `sign_in` makes it for the test client: allauth's records of the password
    and, for a second-factor role, of the second factor, so the accounts middleware accepts it),
    its cookie put into the page's browser context. The cookie holds the session key itself; the
    session store keeps only its hash (laurel/accounts/sessions.py), as for a real sign-in.

    For every test that is not about signing in: the real pages cost 0.75 s a time. Those that
    are use `sign_in` or `sign_in_contact`. The page is left where it was (nothing is loaded)."""
    client = Client()
    sign_in_client(client, user)
    # What the real sign-in's last step proved: the server takes this session as signed in,
    # second factor included (a page a session without it is signed out of, 10 ms in-process).
    answer = client.get(reverse("mfa_index"))
    assert answer.status_code == 200, f"the session of {user} is refused: {answer}"
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
                "httpOnly": settings.SESSION_COOKIE_HTTPONLY,
                "sameSite": settings.SESSION_COOKIE_SAMESITE,
            }
        ]
    )


def sign_in(page, live_server, user) -> None:
    """Through the real sign-in pages, second factor included: for the tests about signing in
    (the others use `signed_in_as`)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import decrypt

    secret = Authenticator.objects.get(user=user, type="totp").wrap().instance.data["secret"]
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.get_by_label("Code").fill(totp_code(decrypt(secret)))
    page.get_by_role("button", name="Sign In").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/"))


def tab_to(page, locator, limit: int = 120) -> None:
    """Press Tab until the element has the focus: proof it is reachable by keyboard."""
    handle = locator.element_handle()
    for _ in range(limit):
        if page.evaluate("element => document.activeElement === element", handle):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{locator} is not reachable with the Tab key")


def type_into(page, locator, text: str) -> None:
    tab_to(page, locator)
    page.keyboard.type(text)


def sign_in_contact(page, url: str, email: str, language: str = "en") -> None:
    """A laureate contact signs in through the real pages with the password (no second factor
    for them): for the tests about signing in (the others use `signed_in_as`)."""
    page.goto(f"{url}/{language}/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill("correct horse battery staple")
    page.locator("main form button[type=submit]").click()
    # Signed in once the sign-in page is left: a goto before that would cancel the POST.
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def a_laureate_in_the_programme(cycle):
    """A laureate in the programme phase, its contact signed up, the summit defined:
    (staff, contact, laureate)."""
    staff = make_user("staff")
    candidate = ready(
        cycle, "Fundacja Dzieci", country="PL", website="https://dzieci.pl", staff=staff
    )
    laureate = Laureate.objects.create(cycle=cycle, candidate=candidate, accepted_at=timezone.now())
    in_phase(cycle, Phase.PROGRAMME)
    Contact.objects.create(laureate=laureate, email="office@dzieci.pl")
    contact = laureate_contact(cycle, "office@dzieci.pl")
    services.define_summit(cycle, values=summit_values(), actor=staff)
    return staff, contact, laureate


def a_laureate_with_two_delegates(cycle):
    staff, contact, laureate = a_laureate_in_the_programme(cycle)
    services.register_delegate(laureate, values=delegate_values(), actor=None)
    services.register_delegate(
        laureate, values=delegate_values(full_name="Piotr Nowak"), actor=None
    )
    return staff, contact, laureate


def person(browser, live_server, user):
    """A second person's page beside the test's own, in a browser context of its own, signed in
    directly (`signed_in_as`)."""
    page = browser.new_context().new_page()
    signed_in_as(page, live_server, user)
    return page


def fill_as_posted(page, values: dict, within: str = "") -> None:
    """Fill the page's form fields as `values` posts them (tests/nominations/helpers.complete_post):
    each field found once, by its name, as its kind is filled; the token, the action and the
    honeypot left alone."""
    for name, value in values.items():
        field = page.locator(f"{within} [name={name}]".strip())
        if name in {"token", "action", "fax_number"} or field.count() != 1:
            continue
        kind = field.evaluate("element => element.type")
        if kind == "checkbox":
            field.check()
        elif kind == "select-one":
            field.select_option(value)
        else:
            field.fill(value)
