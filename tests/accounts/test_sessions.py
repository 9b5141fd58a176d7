"""Item 17: a session ends SESSION_ABSOLUTE_HOURS after its sign-in however busy it is (the
meeting page polls every few seconds, which the idle timeout alone would never end)."""

import time

import pytest
from django.urls import reverse

from tests.conftest import sign_in

pytestmark = pytest.mark.django_db
# The session key accounts.signals.SIGNED_IN_AT names (spelt out so that this file runs, and
# fails, on code without it).
SIGNED_IN_AT = "laurel_signed_in_at"


def started_hours_ago(client, hours: float) -> None:
    session = client.session
    session[SIGNED_IN_AT] = time.time() - hours * 3600
    session.save()


def test_a_session_signed_in_long_ago_ends_however_active(staff_client, settings):
    started_hours_ago(staff_client, settings.SESSION_ABSOLUTE_HOURS + 0.1)

    response = staff_client.get(reverse("staff:dashboard"))

    assert settings.SESSION_ABSOLUTE_HOURS == 12
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={reverse('staff:dashboard')}"
    assert "_auth_user_id" not in staff_client.session


def test_a_polling_request_of_an_ended_session_loads_the_sign_in_page(staff_client, settings):
    started_hours_ago(staff_client, settings.SESSION_ABSOLUTE_HOURS + 0.1)

    response = staff_client.get(reverse("staff:dashboard"), headers={"HX-Request": "true"})

    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in staff_client.session


def test_a_session_within_its_lifetime_goes_on(staff_client, settings):
    started_hours_ago(staff_client, settings.SESSION_ABSOLUTE_HOURS - 0.5)

    assert staff_client.get(reverse("staff:dashboard")).status_code == 200


def test_the_lifetime_starts_at_sign_in(client, staff_user):
    before = time.time()
    sign_in(client, staff_user)

    assert before <= client.session[SIGNED_IN_AT] <= time.time()
