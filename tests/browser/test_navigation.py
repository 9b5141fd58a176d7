"""The navigation of two roles in Chromium, in English and Swedish: every link it shows opens
(no 403, no 404), passes axe, and leads to what the role does."""

import re

import pytest
from playwright.sync_api import expect

from laurel.accounts.enums import Role
from tests.browser.conftest import AXE_SOURCE
from tests.browser.helpers import signed_in_as
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
    signed_in_as(page, live_server, make(child10))

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


# --- The staff side navigation and scrollable tables (issue 17, items 11 and 18) ---

SHARED_PAGES = {
    "selection/": {"en": "Selection", "sv": "Urval"},
    "staff/review/results/": {"en": "Results of the review", "sv": "Bedömningens resultat"},
    "programme/cohort/": {"en": "The laureates' space", "sv": None},
    "staff/summit/": {"en": "The summit", "sv": None},
    "staff/support/": {"en": "Support programme", "sv": None},
    "staff/prizes/": {"en": "Prize payments", "sv": "Utbetalningar av priset"},
}


@pytest.mark.parametrize("language", ["en", "sv"])
def test_staff_keep_the_side_navigation_on_every_section_and_see_where_they_are(
    page, live_server, child10, axe, language
):
    from laurel.candidates.models import Candidate, Organisation

    staff = make_user("staff")
    organisation = Organisation.objects.create(name="Ljus", country="SE")
    candidate = Candidate.objects.create(
        cycle=child10, organisation=organisation, name="Ljus", country="SE"
    )
    signed_in_as(page, live_server, staff)
    nav = page.locator("nav.staff-nav")

    for path, names in SHARED_PAGES.items():
        page.goto(f"{live_server.url}/{language}/{path}")
        current = nav.locator('a[aria-current="page"]')
        expect(current).to_have_count(1)
        expect(current).to_have_attribute("href", f"/{language}/{path}")
        if names[language]:
            expect(current).to_have_text(names[language])
        assert page.title().endswith(" · Child10 Award 2022")
        assert axe(page) == []

    page.goto(f"{live_server.url}/{language}/staff/candidates/{candidate.pk}/")
    section = nav.locator('a[aria-current="true"]')
    expect(section).to_have_attribute("href", f"/{language}/staff/candidates/")
    expect(nav.locator('a[aria-current="page"]')).to_have_count(0)
    # The section is marked by more than colour: a bar and bold text.
    assert section.evaluate("a => getComputedStyle(a).fontWeight") == "700"
    assert axe(page) == []

    # The keyboard reaches the navigation right after the skip link and the site's menus.
    page.goto(f"{live_server.url}/{language}/staff/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('nav.staff-nav') !== null"):
            break
    assert page.evaluate("document.activeElement.getAttribute('href')") == f"/{language}/staff/"


def test_finance_reads_the_payments_without_the_staff_navigation(page, live_server, child10, axe):
    signed_in_as(page, live_server, make_user("finance"))

    page.goto(f"{live_server.url}/en/staff/prizes/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Prize payments")
    expect(page.locator("nav.staff-nav")).to_have_count(0)
    assert page.title() == "Prize payments · Child10 Award 2022"
    assert axe(page) == []


AXE_RULE = "async (rule) => (await axe.run(document, {runOnly: {type: 'rule', values: [rule]}}))"


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_audit_log_scrolls_sideways_by_keyboard(page, live_server, child10, axe, language):
    from laurel.core.services import record

    staff = make_user("staff")
    for number in range(3):
        record(
            "candidate.screened",
            actor=staff,
            summary=f"Organisation-with-a-very-long-unbroken-name-{number}-" + "x" * 80,
        )
    page.set_viewport_size({"width": 700, "height": 900})
    signed_in_as(page, live_server, staff)

    page.goto(f"{live_server.url}/{language}/staff/audit/")
    region = page.locator(".table-scroll")
    assert region.evaluate("box => box.scrollWidth > box.clientWidth")
    name = {"en": "Audit log entries (scrolls sideways)", "sv": "Granskningsloggens poster"}
    expect(page.get_by_role("region", name=re.compile(re.escape(name[language])))).to_have_count(1)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('table-scroll')"):
            break
    assert page.evaluate("document.activeElement.getAttribute('role')") == "region"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")

    # Keyboard scrolling may be animated: give it up to five seconds.
    for _ in range(50):
        if region.evaluate("box => box.scrollLeft") > 0:
            break
        page.wait_for_timeout(100)
    assert region.evaluate("box => box.scrollLeft") > 0
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(AXE_RULE, "scrollable-region-focusable")
    assert result["violations"] == []
    assert [p["id"] for p in result["passes"]] == ["scrollable-region-focusable"]
    assert axe(page) == []


def test_every_wide_staff_table_is_a_named_region(page, live_server, child10, axe):
    """The other staff tables (no shared include) are named after their caption by
    static/js/scroll-regions.js."""
    staff = make_user("staff")
    signed_in_as(page, live_server, staff)

    page.goto(f"{live_server.url}/en/staff/users/")

    regions = page.locator(".table-scroll")
    assert regions.count() >= 1
    for box in regions.all():
        expect(box).to_have_attribute("role", "region")
        # Named by its caption, or by the heading before it where the table has none.
        name = page.locator(f"#{box.get_attribute('aria-labelledby')}")
        assert name.evaluate("e => e.tagName") in {"CAPTION", "H2", "H3"}
        assert name.inner_text().strip()
    assert axe(page) == []
