"""The role predicates are written once (accounts.rules) and hold only where the role is held:
a chair's or a member's rights hang on the cycle of their grant. Who is on a committee is one
query, and a page's cycle picked by the address is checked like any other object."""

import pytest
from django.urls import reverse

from laurel.accounts.enums import COMMITTEE_ROLES, Role
from laurel.accounts.queries import committee_members
from laurel.accounts.rules import (
    chairs,
    is_committee,
    is_finance,
    is_staff_member,
    sits_on_committee,
)
from tests.conftest import enrol_totp, sign_in
from tests.factories import CycleFactory, RoleGrantFactory, UserFactory

pytestmark = pytest.mark.django_db


def holder(role, cycle=None, **fields):
    user = UserFactory(**fields)
    RoleGrantFactory(user=user, role=role, cycle=cycle)
    return user


def test_the_committee_is_its_members_and_its_chair():
    assert {Role.COMMITTEE_MEMBER, Role.COMMITTEE_CHAIR} == COMMITTEE_ROLES


def test_committee_members_are_the_active_holders_of_a_committee_role_in_that_cycle(child10):
    other = CycleFactory(slug="another-award")
    member = holder(Role.COMMITTEE_MEMBER, child10, email="b.member@example.org")
    chair = holder(Role.COMMITTEE_CHAIR, child10, email="a.chair@example.org")
    holder(Role.COMMITTEE_MEMBER, child10, email="c.gone@example.org", is_active=False)
    holder(Role.COMMITTEE_MEMBER, other, email="d.elsewhere@example.org")
    holder(Role.FINANCE, email="e.finance@example.org")
    RoleGrantFactory(user=chair, role=Role.COMMITTEE_MEMBER, cycle=child10)  # both roles

    assert list(committee_members(child10)) == [chair, member]


def test_a_chair_and_a_member_hold_their_rights_only_in_the_cycle_of_their_grant(child10):
    other = CycleFactory(slug="another-award")
    chair = holder(Role.COMMITTEE_CHAIR, child10)
    member = holder(Role.COMMITTEE_MEMBER, child10)

    assert [chairs(chair, child10), chairs(chair, other), chairs(member, child10)] == [
        True,
        False,
        False,
    ]
    assert [sits_on_committee(chair, child10), sits_on_committee(member, child10)] == [True, True]
    assert [sits_on_committee(member, other), sits_on_committee(member, None)] == [False, False]
    assert [is_committee(member), is_staff_member(member), is_finance(member)] == [
        True,
        False,
        False,
    ]


def test_a_deactivated_account_holds_no_role(child10):
    staff = holder(Role.STAFF, is_active=False)
    chair = holder(Role.COMMITTEE_CHAIR, child10, is_active=False)

    assert [is_staff_member(staff), chairs(chair, child10), is_committee(chair)] == [
        False,
        False,
        False,
    ]


def test_a_member_who_names_another_cycle_in_the_address_finds_nothing_there(client, child10):
    other = CycleFactory(slug="another-award")
    member = holder(Role.COMMITTEE_MEMBER, other)
    enrol_totp(member)
    sign_in(client, member)

    own = client.get(reverse("review:home"), {"cycle": other.slug})
    latest = client.get(reverse("review:home"))
    not_theirs = client.get(reverse("review:home"), {"cycle": child10.slug})

    assert [own.status_code, latest.status_code, not_theirs.status_code] == [200, 200, 404]
    assert latest.context["cycle"] == other
