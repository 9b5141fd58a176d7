import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from laurel.accounts import services
from laurel.accounts.enums import Role
from laurel.accounts.models import Invitation, RoleGrant, User
from laurel.core.models import AuditEntry
from laurel.notifications.models import OutgoingEmail
from tests.conftest import sign_in
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def link_in(body: str) -> str:
    return re.search(r"http://testserver(/\S+/invitation/\S+/)", body).group(1)


def test_invite_sends_a_single_use_link_in_the_invitees_language(staff_user, run_tasks):
    services.invite("New.Person@Example.org", role=Role.STAFF, actor=staff_user, language="sv")
    run_tasks()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.person@example.org"]
    assert message.subject == "Du är inbjuden till priset som Personal"
    assert link_in(message.body).startswith("/sv/invitation/")
    assert OutgoingEmail.objects.get().state == "sent"
    invitation = Invitation.objects.get()
    # Only the token's hash is stored.
    assert link_in(message.body).split("/")[-2] not in invitation.token_hash


def test_accepting_makes_the_account_with_the_role_and_signs_in(client, staff_user, run_tasks):
    services.invite("new@example.org", role=Role.FINANCE, actor=staff_user)
    run_tasks()
    url = link_in(mail.outbox[0].body)

    response = client.post(
        url, {"full_name": "Nina New", "password1": PASSWORD, "password2": PASSWORD}
    )

    user = User.objects.get(email="new@example.org")
    assert response.status_code == 302
    assert user.full_name == "Nina New"
    assert list(user.role_grants.values_list("role", flat=True)) == [Role.FINANCE]
    assert client.session["_auth_user_id"] == str(user.pk)
    assert AuditEntry.objects.filter(key="invitation.accepted", actor=user).count() == 1


def test_an_invitation_link_works_once(client, staff_user):
    _invitation, token = services.invite("new@example.org", role=Role.STAFF, actor=staff_user)
    url = reverse("accounts:invitation", kwargs={"token": token})
    client.post(url, {"full_name": "A", "password1": PASSWORD, "password2": PASSWORD})
    client.logout()

    response = client.get(url)

    assert response.status_code == 410
    assert "already been used" in response.content.decode()


def test_an_expired_invitation_says_so(client, staff_user):
    invitation, token = services.invite("new@example.org", role=Role.STAFF, actor=staff_user)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(1))

    response = client.get(reverse("accounts:invitation", kwargs={"token": token}))

    assert response.status_code == 410
    assert "This invitation has expired" in response.content.decode()


def test_a_wrong_link_says_so_in_swedish(client):
    response = client.get("/sv/invitation/not-a-real-token/")

    assert response.status_code == 404
    assert "Inbjudningslänken är inte giltig" in response.content.decode()


def test_a_withdrawn_invitation_cannot_be_used(client, staff_user):
    invitation, token = services.invite("new@example.org", role=Role.STAFF, actor=staff_user)
    services.revoke_invitation(invitation, actor=staff_user)

    response = client.get(reverse("accounts:invitation", kwargs={"token": token}))

    assert response.status_code == 410
    assert User.objects.filter(email="new@example.org").exists() is False


def test_resending_replaces_the_link(client, staff_user, run_tasks):
    invitation, old_token = services.invite("new@example.org", role=Role.STAFF, actor=staff_user)
    services.resend_invitation(invitation, actor=staff_user)
    run_tasks()

    old = client.get(reverse("accounts:invitation", kwargs={"token": old_token}))
    new = client.get(link_in(mail.outbox[-1].body))

    assert (old.status_code, new.status_code) == (404, 200)
    assert len(mail.outbox) == 2


def test_weak_or_mismatched_password_is_refused_beside_its_field_keeping_the_name(
    client, staff_user
):
    _invitation, token = services.invite("new@example.org", role=Role.STAFF, actor=staff_user)
    url = reverse("accounts:invitation", kwargs={"token": token})

    short = client.post(url, {"full_name": "Nina", "password1": "short", "password2": "short"})
    mismatch = client.post(url, {"full_name": "Nina", "password1": PASSWORD, "password2": "x"})

    assert short.status_code == 200
    assert short.context["form"].errors["password1"][0].startswith("This password is too short")
    assert 'value="Nina"' in short.content.decode()
    assert mismatch.context["form"].errors == {"password2": ["The two passwords are not the same."]}
    assert User.objects.filter(email="new@example.org").exists() is False


def test_an_existing_user_accepts_after_signing_in_and_gains_the_cycle_role(
    client, staff_user, child10
):
    member = UserFactory(email="member@example.org")
    _invitation, token = services.invite(
        "member@example.org", role=Role.COMMITTEE_MEMBER, cycle=child10, actor=staff_user
    )
    url = reverse("accounts:invitation", kwargs={"token": token})

    anonymous = client.get(url)
    sign_in(client, member)
    confirmed = client.post(url)

    assert anonymous.status_code == 302
    assert anonymous.url.startswith(reverse("account_login"))
    assert confirmed.status_code == 302
    assert (
        RoleGrant.objects.filter(user=member, role=Role.COMMITTEE_MEMBER, cycle=child10).count()
        == 1
    )


def test_ensure_first_staff_prints_a_link_only_while_no_staff_can_sign_in(client):
    first = services.ensure_first_staff("boss@example.org")
    second = services.ensure_first_staff("boss@example.org")
    path = second.removeprefix("http://testserver")

    client.post(path, {"full_name": "Boss", "password1": PASSWORD, "password2": PASSWORD})
    client.logout()

    boss = User.objects.get(email="boss@example.org")
    # The first account runs the platform through the staff role; a superuser is made only
    # deliberately (createsuperuser).
    assert boss.is_superuser is False
    assert boss.has_role(Role.STAFF) is True
    # The first link was replaced by the second one.
    assert client.get(first.removeprefix("http://testserver")).status_code == 410
    assert services.ensure_first_staff("boss@example.org") is None
