"""Asking a nominated organisation for its consent emails it: staff confirm first."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from laurel.candidates.enums import Consent
from laurel.candidates.models import ClaimInvitation, Placement
from laurel.cycles.enums import Phase
from laurel.notifications.models import OutgoingEmail
from tests.candidates.helpers import confirmed
from tests.factories import in_phase

pytestmark = pytest.mark.django_db


def test_the_consent_request_names_who_is_emailed_before_it_leaves(child10, staff_client):
    candidate = Placement.objects.get(nomination=confirmed(child10, "Ljus")).candidate
    in_phase(child10, Phase.SCREENING)
    url = reverse("candidates:invite", args=[candidate.pk])
    deadline = (timezone.localdate() + timedelta(days=14)).isoformat()
    form = {"email": "office@ljus.se", "language": "sv", "deadline": deadline}

    asked = staff_client.post(url, form)
    nothing_yet = (
        ClaimInvitation.objects.count(),
        OutgoingEmail.objects.filter(to="office@ljus.se").count(),
    )
    done = staff_client.post(url, {**form, "confirmed": "yes"})

    page = asked.content.decode()
    assert asked.status_code == 200
    assert "An email goes to office@ljus.se" in page
    assert "1 email will be sent to people outside the secretariat." in page
    assert f'value="{deadline}"' in page
    assert nothing_yet == (0, 0)
    assert done.status_code == 302
    candidate.refresh_from_db()
    assert candidate.consent == Consent.PENDING
    assert (
        OutgoingEmail.objects.filter(to="office@ljus.se", key="organisation_invitation").count()
        == 1
    )
