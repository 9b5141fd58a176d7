"""No one gives themselves a role: staff inviting their own address to the finance role and
accepting, or a superuser adding a role grant to their own account in the admin, would undo
the finance-only controls (found re-probing issue 14, items 2 and 5)."""

import pytest
from django.urls import reverse

from laurel.accounts import services
from laurel.accounts.models import Invitation, RoleGrant
from tests.accounts.helpers import user_change_form
from tests.conftest import enrol_totp, sign_in
from tests.factories import RoleGrantFactory, UserFactory

pytestmark = pytest.mark.django_db


def roles(user) -> set:
    return set(RoleGrant.objects.filter(user=user).values_list("role", flat=True))


def test_staff_cannot_invite_their_own_address(client, staff_user):
    sign_in(client, staff_user)

    response = client.post(
        reverse("accounts:invite"),
        {"email": staff_user.email.upper(), "role": "finance", "language": "en"},
    )

    assert response.status_code == 200
    assert "You cannot invite yourself" in response.content.decode()
    assert Invitation.objects.exists() is False


def test_an_invitation_one_sent_oneself_is_refused_when_accepted(client, staff_user):
    _invitation, token = services.invite(
        staff_user.email, role="finance", actor=staff_user, send=False
    )
    sign_in(client, staff_user)

    response = client.post(reverse("accounts:invitation", args=[token]))

    assert response.status_code == 403
    assert roles(staff_user) == {"staff"}


def test_a_superuser_cannot_add_a_role_to_their_own_account_in_the_admin(client):
    operator = UserFactory(email="operator@example.org", is_superuser=True)
    grant = RoleGrantFactory(user=operator, role="staff")
    enrol_totp(operator)
    sign_in(client, operator)

    response = client.post(
        f"/admin/accounts/user/{operator.pk}/change/",
        user_change_form(
            operator,
            **{
                "role_grants-TOTAL_FORMS": "2",
                "role_grants-INITIAL_FORMS": "1",
                "role_grants-0-id": str(grant.pk),
                "role_grants-0-user": str(operator.pk),
                "role_grants-0-role": "staff",
                "role_grants-1-user": str(operator.pk),
                "role_grants-1-role": "finance",
            },
        ),
    )

    assert response.status_code == 302
    assert roles(operator) == {"staff"}


def test_a_superuser_still_gives_a_colleague_a_role_in_the_admin(client):
    operator = UserFactory(email="operator@example.org", is_superuser=True)
    enrol_totp(operator)
    colleague = UserFactory(email="colleague@example.org")
    sign_in(client, operator)

    response = client.post(
        f"/admin/accounts/user/{colleague.pk}/change/",
        user_change_form(
            colleague,
            **{
                "role_grants-TOTAL_FORMS": "1",
                "role_grants-0-user": str(colleague.pk),
                "role_grants-0-role": "finance",
            },
        ),
    )

    assert response.status_code == 302
    assert roles(colleague) == {"finance"}


def test_the_admin_changes_no_sign_in_address(client):
    """Found re-probing issue 14, item 1: a superuser changed a laureate contact's address in
    the admin (no email to either address, no user.email_changed) or added an allauth address
    row for it; a password reset to that address then took the account, and its laureate."""
    operator = UserFactory(email="operator@example.org", is_superuser=True)
    enrol_totp(operator)
    contact = UserFactory(email="office@trygga.se")
    sign_in(client, operator)

    changed = client.post(
        f"/admin/accounts/user/{contact.pk}/change/",
        user_change_form(contact, email="attacker@example.net"),
    )
    address_rows = client.get("/admin/account/emailaddress/add/")

    contact.refresh_from_db()
    assert changed.status_code == 302
    assert contact.email == "office@trygga.se"
    assert address_rows.status_code == 404


def test_the_admin_does_not_change_what_a_pending_invitation_grants(client, staff_user):
    operator = UserFactory(email="operator@example.org", is_superuser=True)
    enrol_totp(operator)
    invitation, _token = services.invite(
        "friend@example.net", role="staff", actor=staff_user, send=False
    )
    sign_in(client, operator)

    client.post(
        f"/admin/accounts/invitation/{invitation.pk}/change/",
        {"email": "operator@example.org", "role": "finance", "full_name": "", "language": "en"},
    )
    added = client.get("/admin/accounts/invitation/add/")

    invitation.refresh_from_db()
    assert (invitation.email, invitation.role) == ("friend@example.net", "staff")
    assert added.status_code == 403
