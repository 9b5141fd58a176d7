"""The navigation shows only what the user may open, decided by the same rules as the views:
every link in it opens (200, not 403 or 404) for each role, and each role's own pages are
reachable from it."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from laurel.accounts.enums import Role
from laurel.candidates.models import Candidate, Organisation
from laurel.cycles.models import Cycle
from laurel.laureates.models import Contact, Laureate
from tests.conftest import enrol_totp, make_user, sign_in
from tests.factories import RoleGrantFactory, UserFactory

pytestmark = pytest.mark.django_db

NAVS = re.compile(
    r'<(nav|footer) class="(?:site-nav|staff-nav|site-footer)"[^>]*>(.*?)</(?:nav|footer)>', re.S
)
HREF = re.compile(r'href="([^"]+)"')


def nav_links(html: str) -> set[str]:
    return {
        urlsplit(href).path
        for _tag, nav in NAVS.findall(html)
        for href in HREF.findall(nav)
        if not href.startswith("mailto:")  # the secretariat's address in the footer
    }


def laureate_contact(cycle):
    user = make_user("laureate", cycle)
    organisation = Organisation.objects.create(name="Ljus", country="SE")
    candidate = Candidate.objects.create(
        cycle=cycle, organisation=organisation, name="Ljus", country="SE"
    )
    laureate = Laureate.objects.create(cycle=cycle, candidate=candidate, accepted_at=timezone.now())
    Contact.objects.create(laureate=laureate, email=user.email, user=user)
    return user


def chair(cycle):
    user = UserFactory(email="chair@example.org")
    RoleGrantFactory(user=user, role=Role.COMMITTEE_CHAIR, cycle=cycle)
    enrol_totp(user)
    return user


def superuser(with_staff_role: bool):
    user = UserFactory(email="root@example.org")
    type(user).objects.filter(pk=user.pk).update(is_superuser=True)
    user.refresh_from_db()
    if with_staff_role:
        RoleGrantFactory(user=user, role=Role.STAFF)
    enrol_totp(user)
    return user


USERS = {
    "anonymous": lambda cycle: None,
    "staff": lambda cycle: make_user("staff"),
    "chair": chair,
    "member": lambda cycle: make_user("committee", cycle),
    "finance": lambda cycle: make_user("finance"),
    "laureate contact": laureate_contact,
    "superuser": lambda cycle: superuser(with_staff_role=False),
    "superuser with the staff role": lambda cycle: superuser(with_staff_role=True),
    "signed in, no role": lambda cycle: make_user("plain"),
    "laureate contact not yet tied": lambda cycle: make_user("laureate", cycle),
}
# The starting points each role must find in the navigation.
OWN_PAGES = {
    "anonymous": ["account_login", "nominations:privacy", "selection:laureates"],
    "staff": [
        "staff:dashboard",
        "candidates:list",
        "selection:home",
        "laureates:payments",
        "accounts:users",
        "outbox:list",
        "privacy:requests",
    ],
    "chair": ["review:home", "selection:home", "mfa_index"],
    "member": ["review:home", "selection:home", "mfa_index"],
    "finance": ["laureates:payments", "mfa_index"],
    "laureate contact": ["laureates:home"],
    "superuser": ["mfa_index"],
    "superuser with the staff role": ["staff:dashboard", "admin:index"],
    "signed in, no role": [],
    "laureate contact not yet tied": [],
}
# What a role must not find there: the dead ends issue 15 found.
NOT_SHOWN = {
    "superuser": ["review:home", "laureates:home", "staff:dashboard", "selection:home"],
    "superuser with the staff role": ["review:home", "laureates:home"],
    "staff": ["review:home", "laureates:home"],
    "finance": ["staff:dashboard", "review:home", "selection:home"],
    "laureate contact": ["staff:dashboard", "review:home", "selection:home"],
    "member": ["staff:dashboard", "laureates:payments"],
    # The role alone (no contact tied to the account yet) opens no programme page.
    "laureate contact not yet tied": ["laureates:home"],
}


def walk(client, start: str) -> dict[str, int]:
    """Every navigation link reachable from `start` through navigation links, with the status
    of the page it opens (redirects followed)."""
    seen: dict[str, int] = {}
    todo = [start]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        response = client.get(path, follow=True)
        seen[path] = response.status_code
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            todo.extend(nav_links(response.content.decode()) - set(seen))
    return seen


@pytest.mark.parametrize("role", list(USERS))
def test_every_navigation_link_opens_for_the_role(client, child10, role):
    user = USERS[role](child10)
    if user is not None:
        sign_in(client, user)

    reached = walk(client, reverse("nominations:call"))

    refused = {path: status for path, status in reached.items() if status != 200}
    assert refused == {}
    shown = set(reached)
    assert sorted(reverse(name) for name in OWN_PAGES[role] if reverse(name) not in shown) == []
    assert sorted(reverse(name) for name in NOT_SHOWN.get(role, []) if reverse(name) in shown) == []


# --- The staff side navigation (issue 17, item 11) ---

STAFF_NAV = re.compile(r'<nav class="staff-nav"[^>]*>(.*?)</nav>', re.S)
LINK = re.compile(r'<a href="([^"]+)"([^>]*)>([^<]*)</a>')
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
# The cycle's order, then administration.
STAFF_ORDER = [
    "staff:dashboard",
    "nominations:staff_list",
    "candidates:list",
    "candidates:suggestions",
    "review:conflicts",
    "review:assignment",
    "review:progress",
    "review:results",
    "selection:home",
    "laureates:cohort",
    "laureates:staff_summit",
    "laureates:support_overview",
    "laureates:payments",
    "sanctions:queue",
    "accounts:users",
    "outbox:list",
    "audit:log",
    "privacy:retention",
    "privacy:requests",
    "api_tokens:list",
    "audit:tasks",
]
# The pages that once dropped the side navigation; they are shared with other roles.
SHARED_PAGES = [
    "review:results",
    "laureates:staff_summit",
    "laureates:cohort",
    "laureates:support_overview",
    "laureates:payments",
    "selection:home",
]


def staff_nav(html: str) -> list[tuple[str, str]]:
    """(path, aria-current) of each link in the staff navigation, in order."""
    found = STAFF_NAV.findall(html)
    if not found:
        return []
    current = re.compile(r'aria-current="([^"]+)"')
    return [
        (path, (current.search(attributes) or [None, ""])[1])
        for path, attributes, _label in LINK.findall(found[0])
    ]


def test_the_staff_navigation_follows_the_cycle_then_administration(client, child10):
    sign_in(client, make_user("staff"))

    html = client.get(reverse("staff:dashboard")).content.decode()

    assert [path for path, _current in staff_nav(html)] == [reverse(n) for n in STAFF_ORDER]
    assert html.index(reverse("laureates:payments")) < html.index("Administration")
    assert html.index("Administration") < html.index(reverse("accounts:users"))


@pytest.mark.parametrize("name", SHARED_PAGES)
def test_a_shared_page_keeps_the_staff_navigation_with_its_own_entry_current(client, child10, name):
    sign_in(client, make_user("staff"))

    response = client.get(reverse(name))

    assert response.status_code == 200
    links = staff_nav(response.content.decode())
    assert [path for path, current in links if current] == [reverse(name)]
    assert dict(links)[reverse(name)] == "page"


def test_a_sub_page_marks_its_section_not_the_page(client, child10):
    staff = make_user("staff")
    sign_in(client, staff)
    organisation = Organisation.objects.create(name="Ljus", country="SE")
    candidate = Candidate.objects.create(
        cycle=child10, organisation=organisation, name="Ljus", country="SE"
    )

    def links_on(url):
        return staff_nav(client.get(url).content.decode())

    detail = links_on(reverse("candidates:detail", args=[candidate.pk]))
    duplicates = links_on(reverse("candidates:suggestions"))
    settings_page = links_on(reverse("staff:cycle", args=[child10.slug]))

    assert [(p, c) for p, c in detail if c] == [(reverse("candidates:list"), "true")]
    # The longest prefix wins: the duplicates page is its own section, not the candidates'.
    assert [(p, c) for p, c in duplicates if c] == [(reverse("candidates:suggestions"), "page")]
    # The cycle's settings belong to the dashboard; the dashboard does not claim all of /staff/.
    assert [(p, c) for p, c in settings_page if c] == [(reverse("staff:dashboard"), "true")]


def test_a_page_outside_every_section_marks_nothing():
    from laurel.core.navigation import STAFF_NAVIGATION, section_of

    entries = [entry for group in STAFF_NAVIGATION.values() for entry in group]

    assert section_of(reverse("nominations:call"), entries) is None
    assert section_of(reverse("staff:dashboard") + "nothing-here/", entries) is None
    assert section_of(reverse("accounts:users"), entries).url_name == "accounts:users"
    assert section_of(reverse("staff:dashboard"), entries).url_name == "staff:dashboard"


@pytest.mark.parametrize(
    ("role", "name"),
    [
        ("finance", "laureates:payments"),
        ("laureate contact", "laureates:cohort"),
        ("chair", "review:results"),
        ("chair", "selection:home"),
    ],
)
def test_a_shared_page_shows_no_staff_navigation_to_another_role(client, child10, role, name):
    sign_in(client, USERS[role](child10))

    response = client.get(reverse(name))

    html = response.content.decode()
    assert response.status_code == 200
    assert staff_nav(html) == []
    assert "<h1>" in html
    assert "Staff area" not in TITLE.search(html)[1]


def test_the_chair_finds_the_results_from_the_selection(client, child10):
    sign_in(client, chair(child10))

    html = client.get(reverse("selection:home")).content.decode()

    results = f"{reverse('review:results')}?cycle={child10.slug}"
    assert f'href="{results}"' in html
    assert client.get(results).status_code == 200


def test_the_chair_finds_the_results_where_they_land(client, child10):
    """The chair lands on the committee page after signing in (accounts.adapter)."""
    sign_in(client, chair(child10))

    html = client.get(reverse("review:home")).content.decode()

    assert f'href="{reverse("review:results")}?cycle={child10.slug}"' in html


@pytest.mark.parametrize("page", ["review:home", "selection:meeting"])
def test_a_committee_member_is_not_offered_the_results(client, child10, page):
    sign_in(client, make_user("committee", child10))

    html = client.get(reverse(page)).content.decode()

    assert reverse("review:results") not in html


def test_the_staff_navigation_hides_what_the_staff_role_cannot_open(client, child10):
    """Finance-only and committee-only pages are not staff entries; the admin is for superusers."""
    sign_in(client, make_user("staff"))

    html = client.get(reverse("staff:dashboard")).content.decode()

    paths = [path for path, _current in staff_nav(html)]
    assert reverse("review:home") not in paths
    assert reverse("admin:index") not in paths


def test_the_superuser_with_the_staff_role_finds_the_admin_last(client, child10):
    sign_in(client, superuser(with_staff_role=True))

    html = client.get(reverse("staff:dashboard")).content.decode()

    assert [path for path, _current in staff_nav(html)][-1] == reverse("admin:index")


# --- Page titles end with the site's name (item 11) ---


def html_pages_for(role: str):
    from tests.permissions import MATRIX, OK

    return sorted(
        name
        for name, row in MATRIX.items()
        if row.method == "get" and row.expected.get(role) == OK and name != "admin:*"
    )


class _RolledBack(Exception):
    pass


@pytest.mark.parametrize("role", ["staff", "committee", "finance", "laureate", "anonymous"])
def test_every_page_title_ends_with_the_award(client, child10, role):
    """Every page the permission matrix opens for the role, with the matrix's own objects, each
    made afresh (and rolled back) as the matrix makes them for one row."""
    from django.db import transaction

    from tests.permissions import MATRIX
    from tests.world import Objects

    staff = make_user("staff") if role != "staff" else None
    user = make_user(role, cycle=child10)
    if user is not None:
        sign_in(client, user)
    suffix = " · Child10 Award 2022"

    wrong, checked = {}, []
    for name in html_pages_for(role):
        try:
            with transaction.atomic():
                objects = Objects(Cycle.objects.get(pk=child10.pk), staff or user)
                response = client.get(reverse(name, kwargs=MATRIX[name].kwargs(objects)))
                raise _RolledBack
        except _RolledBack:
            pass
        html = response.content.decode() if "text/html" in response["Content-Type"] else ""
        if "<html" not in html:
            continue  # a download, or an htmx fragment of a page
        found = TITLE.search(html)
        title = " ".join(found[1].split()) if found else ""
        checked.append(name)
        if response.status_code != 200 or not title.endswith(suffix) or title.count(suffix) != 1:
            wrong[name] = (response.status_code, title)

    assert wrong == {}
    assert len(checked) >= {"staff": 50, "anonymous": 10}.get(role, 5)


@pytest.mark.parametrize(
    ("name", "section"),
    [
        ("selection:decision", "selection:home"),
        ("selection:meeting", "selection:home"),
        ("selection:letters", "selection:home"),
        ("laureates:support_plan", "laureates:support_overview"),
    ],
)
def test_the_selections_and_programmes_sub_pages_keep_the_staff_navigation(
    client, child10, name, section
):
    """Found walking the cycle (issue 17): the final selection, the meeting, the letters and a
    support plan dropped the side navigation that every other staff page keeps."""
    sign_in(client, make_user("staff"))
    organisation = Organisation.objects.create(name="Ljus", country="SE")
    candidate = Candidate.objects.create(
        cycle=child10, organisation=organisation, name="Ljus", country="SE"
    )
    laureate = Laureate.objects.create(
        cycle=child10, candidate=candidate, accepted_at=timezone.now()
    )
    args = [laureate.pk] if name == "laureates:support_plan" else []

    response = client.get(reverse(name, args=args))

    assert response.status_code == 200
    links = staff_nav(response.content.decode())
    assert [(path, current) for path, current in links if current] == [(reverse(section), "true")]
    assert "Staff area" in TITLE.search(response.content.decode())[1]


@pytest.mark.parametrize("name", ["selection:decision", "selection:meeting"])
def test_the_chair_sees_the_selection_pages_without_the_staff_navigation(client, child10, name):
    sign_in(client, chair(child10))

    response = client.get(reverse(name))

    assert response.status_code == 200
    assert staff_nav(response.content.decode()) == []
    assert "<h1>" in response.content.decode()
