"""The navigation of two roles in Chromium, in English and Swedish: every link it shows opens
(no 403, no 404), passes axe, and leads to what the role does."""

import pytest
from playwright.sync_api import expect

from laurel.accounts.enums import Role
from tests.browser.test_staff_journey import sign_in
from tests.conftest import enrol_totp, make_user
from tests.factories import RoleGrantFactory, UserFactory


def chair(cycle):
    user = UserFactory(email="chair@example.org")
    RoleGrantFactory(user=user, role=Role.COMMITTEE_CHAIR, cycle=cycle)
    enrol_totp(user)
    return user


ROLES = {
    "chair": (chair, {"en": ["Committee", "Selection"], "sv": ["Kommittén", "Urval"]}),
    "finance": (
        lambda cycle: make_user("finance"),
        {"en": ["Prize payments"], "sv": ["Utbetalningar av priset"]},
    ),
}
HIDDEN = {"en": ["Staff area", "Your programme"], "sv": ["Personalens sidor", "Ert program"]}


@pytest.mark.parametrize("language", ["en", "sv"])
@pytest.mark.parametrize("role", list(ROLES))
def test_every_link_in_the_navigation_opens(page, live_server, child10, axe, role, language):
    make, shown = ROLES[role]
    sign_in(page, live_server, make(child10))

    page.goto(f"{live_server.url}/{language}/")
    nav = page.locator("nav.site-nav")
    for name in shown[language]:
        expect(nav.get_by_role("link", name=name, exact=True)).to_be_visible()
    for name in HIDDEN[language]:
        expect(nav.get_by_role("link", name=name, exact=True)).to_have_count(0)
    links = nav.get_by_role("link").evaluate_all("links => links.map(a => a.href)")

    for href in links:
        response = page.goto(href)
        assert (href, response.status) == (href, 200)
        assert axe(page) == []
