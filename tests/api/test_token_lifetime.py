"""An API token works for a limited time, and only while the staff member who made it is active
and staff: it expires (at most 90 days), it is refused while its maker is deactivated, and
removing the maker's staff role revokes it for good (audited)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from laurel.accounts.enums import Role
from laurel.accounts.models import RoleGrant
from laurel.api.models import ApiToken
from laurel.core.models import AuditEntry
from tests.conftest import enrol_totp, sign_in
from tests.factories import RoleGrantFactory, UserFactory

pytestmark = pytest.mark.django_db


def bearer(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def make_token(staff_client, **fields) -> str:
    """A token made on the tokens page; its key, as shown once."""
    data = {"name": "board report", "scopes": ["cycles"], "valid_days": 90} | fields
    page = staff_client.post(reverse("api_tokens:list"), data).content.decode()
    return "lrl_" + page.split("<code>lrl_")[1].split("</code>")[0]


def other_staff_client() -> Client:
    colleague = UserFactory(email="colleague@example.org")
    RoleGrantFactory(user=colleague, role=Role.STAFF, cycle=None)
    enrol_totp(colleague)
    client = Client()
    sign_in(client, colleague)
    return client


def test_a_token_works_for_the_days_staff_chose_and_no_longer(staff_client, client):
    key = make_token(staff_client, valid_days=30)
    token = ApiToken.objects.get()
    assert client.get("/api/v1/cycles", **bearer(key)).status_code == 200

    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    assert client.get("/api/v1/cycles", **bearer(key)).status_code == 401
    made = token.expires_at - timezone.now()
    assert timedelta(days=29, hours=23) < made <= timedelta(days=30)
    assert "Expired" in staff_client.get(reverse("api_tokens:list")).content.decode()


def test_a_token_longer_than_90_days_is_refused_and_90_is_the_default(staff_client):
    refused = staff_client.post(
        reverse("api_tokens:list"), {"name": "forever", "scopes": ["cycles"], "valid_days": 365}
    )
    form = staff_client.get(reverse("api_tokens:list")).content.decode()

    assert refused.status_code == 400
    assert refused.context["form"].errors["valid_days"] == ["A token works for at most 90 days."]
    assert not ApiToken.objects.exists()
    assert 'name="valid_days" value="90"' in form


def test_a_token_that_may_read_nothing_is_refused_with_a_message_that_says_so(staff_client):
    refused = staff_client.post(reverse("api_tokens:list"), {"name": "nothing", "valid_days": 9})

    assert refused.status_code == 400
    assert refused.context["form"].errors["scopes"] == ["Tick at least one."]
    assert not ApiToken.objects.exists()


def test_a_token_is_refused_while_its_maker_is_deactivated(staff_client, staff_user, client):
    key = make_token(staff_client)
    colleague = other_staff_client()

    colleague.post(reverse("accounts:user_active", kwargs={"pk": staff_user.pk}), {"active": "0"})
    refused = client.get("/api/v1/cycles", **bearer(key)).status_code
    colleague.post(reverse("accounts:user_active", kwargs={"pk": staff_user.pk}), {"active": "1"})

    assert refused == 401
    assert client.get("/api/v1/cycles", **bearer(key)).status_code == 200


def test_removing_the_makers_staff_role_revokes_their_tokens(staff_client, staff_user, client):
    key = make_token(staff_client)
    colleague = other_staff_client()
    grant = RoleGrant.objects.get(user=staff_user, role=Role.STAFF)

    colleague.post(reverse("accounts:role_remove", kwargs={"pk": grant.pk}))
    refused = client.get("/api/v1/cycles", **bearer(key)).status_code
    RoleGrantFactory(user=staff_user, role=Role.STAFF, cycle=None)  # staff again later

    assert refused == 401
    assert client.get("/api/v1/cycles", **bearer(key)).status_code == 401  # revoked for good
    token = ApiToken.objects.get()
    assert token.revoked_at is not None
    entry = AuditEntry.objects.get(key="api_token.revoked")
    assert (entry.subject_id, entry.data) == (str(token.pk), {"reason": "staff role removed"})


def test_a_token_made_by_someone_no_longer_staff_is_refused(staff_client, staff_user, client):
    key = make_token(staff_client)
    # The role gone without the service (say, by hand in the database): still refused.
    RoleGrant.objects.filter(user=staff_user).update(role=Role.FINANCE)

    assert client.get("/api/v1/cycles", **bearer(key)).status_code == 401


def test_the_tokens_page_shows_when_each_was_last_used(staff_client, client):
    key = make_token(staff_client)
    before = staff_client.get(reverse("api_tokens:list")).content.decode()

    client.get("/api/v1/cycles", **bearer(key))
    used = ApiToken.objects.get().last_used_at
    after = staff_client.get(reverse("api_tokens:list")).content.decode()

    assert used is not None
    when = timezone.localtime(used).strftime("%Y-%m-%d %H:%M")
    assert when not in before and when in after
