"""The answers to the award's own questions (issue 20) in data-subject requests and the
retention policy: a nominator's copy holds every answer they gave; erasing the nominator (or
the retention of contact details) takes the answers that are personal data, from the
nomination, its versions and a change not yet confirmed, and keeps the others; an
organisation's copy holds none."""

import json
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from laurel.laureates.models import Laureate
from laurel.nominations.models import Nomination
from laurel.privacy import requests, retention
from laurel.selection.models import Decision
from tests.candidates.helpers import confirmed
from tests.conftest import make_user, sign_in
from tests.pdf import pdf_text
from tests.scenarios import STAFF_ONLY, VISIBILITY_ANSWERS, VISIBILITY_QUESTIONS, asking, ready

pytestmark = pytest.mark.django_db
EMAIL = "anna.berg@example.org"
WITHOUT_PERSONAL = {k: v for k, v in VISIBILITY_ANSWERS.items() if k != "referee"}


@pytest.fixture
def cycle(db):
    return asking(VISIBILITY_QUESTIONS)


@pytest.fixture
def anna(cycle):
    """Anna's nomination with its answers, and a change to it she has not confirmed yet."""
    nomination = confirmed(cycle, "Ljus", email=EMAIL, questions=VISIBILITY_ANSWERS)
    pending = {"data": {**nomination.data(), "org_city": "Lund"}, "remove": [], "uploads": []}
    Nomination.objects.filter(pk=nomination.pk).update(pending_edit=pending)
    return nomination


def request_about_anna(staff_user, kind: str):
    return requests.open_request(
        kind=kind, about="person", email=EMAIL, name="",
        received_on=timezone.localdate(), actor=staff_user,
    )  # fmt: skip


def test_the_nominator_s_copy_holds_every_answer_they_gave(anna, staff_user, staff_client):
    request = request_about_anna(staff_user, "access")

    def url(fmt: str) -> str:
        return reverse("privacy:request_export", kwargs={"pk": request.pk, "fmt": fmt})

    copy = json.loads(staff_client.get(url("json")).content)["data"]
    words = pdf_text(staff_client.get(url("pdf")).content)

    [made] = copy["nominations you made"]
    assert made["question_answers"] == VISIBILITY_ANSWERS
    assert "Greta Lind at the county office" in words


def test_an_organisation_s_copy_holds_none_of_the_answers(anna, staff_user):
    request = requests.open_request(
        kind="access", about="organisation", email="", name="Ljus",
        received_on=date(2026, 3, 1), actor=staff_user,
    )  # fmt: skip

    text = json.dumps(requests.export_data(request))

    assert "Greta Lind" not in text and STAFF_ONLY not in text


def test_erasing_the_nominator_takes_the_personal_answers_everywhere_they_are(
    anna, staff_user, staff_client
):
    request = request_about_anna(staff_user, "erasure")

    response = staff_client.post(
        reverse("privacy:request_erase", kwargs={"pk": request.pk}), {"confirm": "on"}
    )

    assert response.status_code == 302
    anna.refresh_from_db()
    assert anna.nominator_email == ""
    assert anna.question_answers == WITHOUT_PERSONAL
    assert [v.data["question_answers"] for v in anna.versions.all()] == [WITHOUT_PERSONAL]
    pending = anna.pending_edit["data"]
    assert pending["question_answers"] == WITHOUT_PERSONAL
    assert "nominator_email" not in pending and pending["org_city"] == "Lund"


@pytest.mark.parametrize("role", ["committee", "finance"])
def test_no_other_role_exports_or_erases(client, anna, staff_user, role):
    request = request_about_anna(staff_user, "erasure")
    sign_in(client, make_user(role, cycle=anna.cycle))

    copy = client.get(reverse("privacy:request_export", kwargs={"pk": request.pk, "fmt": "json"}))
    erase = client.post(
        reverse("privacy:request_erase", kwargs={"pk": request.pk}), {"confirm": "on"}
    )

    assert (copy.status_code, erase.status_code) == (404, 404)
    assert b"Greta Lind" not in copy.content
    anna.refresh_from_db()
    assert anna.question_answers == VISIBILITY_ANSWERS


def test_the_retention_of_contact_details_takes_the_personal_answers(cycle, staff_user):
    winner = ready(cycle, "Ljus", staff_user, email=EMAIL, questions=VISIBILITY_ANSWERS)
    Laureate.objects.create(cycle=cycle, candidate=winner, accepted_at=timezone.now())
    Decision.objects.create(
        cycle=cycle, state="announced", announced_at=timezone.now() - timedelta(days=800)
    )

    erased = retention.apply()

    assert erased["nominator_contacts"] == 1
    nomination = winner.placements.get().nomination
    assert nomination.nominator_email == ""
    assert nomination.question_answers == WITHOUT_PERSONAL
