import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from laurel.accounts import services
from laurel.accounts.enums import InvitationState, Role
from laurel.accounts.models import Invitation, RoleGrant
from laurel.core.models import AuditEntry
from tests.conftest import make_user, sign_in
from tests.factories import RoleGrantFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_staff_invite_a_committee_member_to_a_cycle(staff_client, child10, run_tasks):
    form = {
        "email": "member@example.org",
        "full_name": "Maria Member",
        "role": Role.COMMITTEE_MEMBER,
        "cycle": child10.pk,
        "language": "sv",
    }
    asked = staff_client.post(reverse("accounts:invite"), form).content.decode()
    nothing_yet = Invitation.objects.count()
    response = staff_client.post(reverse("accounts:invite"), form | {"confirmed": "yes"})
    run_tasks()

    invitation = Invitation.objects.get()
    assert "They get the role “Committee member” in Child10 Award 2022" in asked
    assert "1 email will be sent to people outside the secretariat." in asked
    assert nothing_yet == 0
    assert response.status_code == 302
    assert (invitation.role, invitation.cycle, invitation.language) == (
        Role.COMMITTEE_MEMBER,
        child10,
        "sv",
    )
    assert mail.outbox[0].subject == "Du är inbjuden till Child10 Award 2022 som Kommittéledamot"


def test_a_committee_invitation_without_a_cycle_is_refused_beside_the_field(staff_client):
    response = staff_client.post(
        reverse("accounts:invite"),
        {"email": "member@example.org", "role": Role.COMMITTEE_MEMBER, "language": "en"},
    )

    assert response.context["form"].errors == {"cycle": ["Choose the award cycle for this role."]}
    assert 'value="member@example.org"' in response.content.decode()
    assert Invitation.objects.count() == 0


def test_an_invalid_email_is_refused(staff_client):
    response = staff_client.post(
        reverse("accounts:invite"),
        {"email": "not an address", "role": Role.STAFF, "language": "en"},
    )

    assert response.context["form"].errors == {"email": ["Enter a valid email address."]}


def test_staff_withdraw_and_resend_invitations(staff_client, staff_user):
    pending, _token = services.invite("a@example.org", role=Role.STAFF, actor=staff_user)

    staff_client.post(reverse("accounts:invitation_revoke", args=[pending.pk]))
    again = staff_client.post(reverse("accounts:invitation_resend", args=[pending.pk]), follow=True)

    pending.refresh_from_db()
    assert pending.state == InvitationState.REVOKED
    assert [str(m) for m in again.context["messages"]] == [
        "The invitation for a@example.org was withdrawn.",
        "This invitation can no longer be sent again.",
    ]


def test_staff_deactivate_a_user_who_is_then_signed_out(staff_client):
    finance = make_user("finance")
    client = Client()
    sign_in(client, finance)

    staff_client.post(reverse("accounts:user_active", args=[finance.pk]), {"active": "0"})

    finance.refresh_from_db()
    assert finance.is_active is False
    assert client.get(reverse("account_change_password")).status_code == 302
    assert AuditEntry.objects.filter(key="user.deactivated").count() == 1


def test_staff_cannot_deactivate_themselves(staff_client, staff_user):
    response = staff_client.post(
        reverse("accounts:user_active", args=[staff_user.pk]), {"active": "0"}, follow=True
    )

    staff_user.refresh_from_db()
    assert staff_user.is_active is True
    assert [str(m) for m in response.context["messages"]] == [
        "You cannot deactivate your own account."
    ]


def test_staff_remove_someone_elses_role(staff_client):
    grant = RoleGrantFactory(role=Role.FINANCE)

    staff_client.post(reverse("accounts:role_remove", args=[grant.pk]))

    assert RoleGrant.objects.filter(pk=grant.pk).exists() is False
    assert AuditEntry.objects.get(key="role.removed").data == {"role": "finance", "cycle": None}


def test_user_list_issues_the_same_queries_for_one_and_many(
    staff_client, staff_user, child10, queries_for_one_and_many
):
    def add(n):
        for _ in range(n):
            user = UserFactory()
            RoleGrantFactory(user=user, role=Role.COMMITTEE_MEMBER, cycle=child10)
            services.invite(f"x{user.pk}@example.org", role=Role.STAFF, actor=staff_user)

    one, many = queries_for_one_and_many(lambda: staff_client.get(reverse("accounts:users")), add)

    assert one == many
