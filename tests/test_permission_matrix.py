"""Every URL × every role: who gets the page, who is sent to sign in or to enrol a second factor,
and for whom it does not exist (404). The table is tests/permissions.py; docs/permissions.md is
the same in prose.

A new URL without a row fails `test_every_url_has_a_row`.
"""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from laurel.accounts.models import User
from tests.conftest import ROLES, make_user, shared_world, sign_in
from tests.permissions import LOGIN, MATRIX, MFA, MORE_ROLES, REDIRECT, expected_of
from tests.world import Objects, make_more_user


def url_names(patterns=None, namespace="") -> set[str]:
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_url_has_a_row():
    names = {"admin:*" if name.startswith("admin:") else name for name in url_names()}

    assert sorted(names - set(MATRIX)) == []
    assert sorted(set(MATRIX) - names) == []


def check(response, expected) -> None:
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    elif expected == MFA:
        assert response.status_code == 302
        assert response.url == reverse("mfa_activate_totp")
    elif expected == REDIRECT:
        assert response.status_code == 302
        assert not response.url.startswith(reverse("account_login"))
        assert response.url != reverse("mfa_activate_totp")
    else:
        assert response.status_code == expected


def refusal(response, expected):
    """None when the response is what the row expects; otherwise what was wrong."""
    try:
        check(response, expected)
    except AssertionError:
        where = f" → {response.url}" if response.status_code in {301, 302} else ""
        return f"expected {expected}, got {response.status_code}{where}"
    return None


def cast(cycle, staff):
    """The whole cast, made once for the module (tests.conftest.shared_world): a user of each
    role, the users come first, as in the platform (a laureate's contact is tied to its user, as
    accepting the invitation does; the conflicted chair's conflict and the other laureate are
    made with them, and with them what they need). Keys, read again for each test."""
    users = {role: staff if role == "staff" else make_user(role, cycle=cycle) for role in ROLES}
    objects = Objects(cycle, staff)
    users |= {role: make_more_user(role, objects) for role in MORE_ROLES}
    return {
        "users": {role: user and user.pk for role, user in users.items()},
        "made": {name: (type(made), made.pk) for name, made in objects.made.items()},
    }


# The cast is the same for every row: built once (2,000 users' and objects' worth of services
# otherwise), each row's test in a savepoint of its own, rolled back after it, so what one row
# makes (its URL's objects, a phase moved on) never reaches another.
world, child10, staff_user = shared_world(cast)


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(world, child10, staff_user, name):
    """One row, every role of ROLES and MORE_ROLES, in one world with the whole cast, then the
    objects the row's URL names. Each role's request runs in a savepoint that is rolled back, so
    no role sees what another's request changed (a claim used, a round closed, a draft-save
    counted)."""
    row = MATRIX[name]
    users = {
        role: pk and (staff_user if role == "staff" else User.objects.get(pk=pk))
        for role, pk in world.value["users"].items()
    }
    objects = Objects(child10, staff_user)
    made = world.value["made"].items()
    objects.made |= {key: model.objects.get(pk=pk) for key, (model, pk) in made}
    url = reverse("admin:index" if name == "admin:*" else name, kwargs=row.kwargs(objects))
    refused = {}
    for role, user in users.items():
        with transaction.atomic():
            client = Client()
            if user is not None:
                sign_in(client, user)
            response = getattr(client, row.method)(url)
            if problem := refusal(response, expected_of(name, role)):
                refused[role] = problem
            transaction.set_rollback(True)

    assert refused == {}, f"{url}: {refused}"
