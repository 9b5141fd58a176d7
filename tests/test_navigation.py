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
