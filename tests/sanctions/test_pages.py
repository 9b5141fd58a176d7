"""The sanctions screening pages: the lists' versions and age, the queue of hits, one hit with
its list entry beside the screened name, and the decision, over HTTP as staff and finance."""

import pytest
from django.urls import reverse
from django.utils import timezone

from laurel.sanctions.enums import HitState, ScreenedRole
from laurel.sanctions.matching import ORGANISATION, PERSON
from laurel.sanctions.models import Hit
from laurel.sanctions.services import import_list
from laurel.sanctions.services.screening import Subject, screen
from tests.conftest import enrol_totp, make_user, sign_in
from tests.factories import RoleGrantFactory, UserFactory
from tests.sanctions.helpers import fixture

pytestmark = pytest.mark.django_db

QUEUE = reverse("sanctions:queue")


@pytest.fixture
def hits(db):
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    screen(
        [
            Subject("person:1", ScreenedRole.PERSON, PERSON, "Alexander Verbitsky"),
            Subject("laureate:1", ScreenedRole.LAUREATE, ORGANISATION, "Nordlicht Handels AB"),
        ]
    )
    return {hit.screening.subject: hit for hit in Hit.objects.select_related("screening")}


def test_the_queue_shows_each_lists_age_and_the_hits_to_decide(staff_client, hits, settings):
    settings.SANCTIONS_LIST_MAX_AGE_DAYS = 7

    page = staff_client.get(QUEUE).content.decode()

    assert "Alexander Verbitsky" in page and "Oleksandr Petrovych Verbytskyi" in page
    assert "Nordlicht Handels GmbH" in page and "strong" in page
    eu = page.split("EU consolidated financial sanctions list")[1].split("</tr>")[0]
    age = (timezone.localdate() - timezone.datetime(2026, 11, 30).date()).days
    assert f"{age} days" in eu
    assert ("older than allowed" in eu) is (age > 7)
    un = page.split("UN Security Council consolidated list")[1].split("</tr>")[0]
    assert "never imported" in un


def test_staff_clear_a_hit_with_a_reason_and_a_strong_one_needs_a_second(client, hits):
    first, second = (UserFactory() for _ in range(2))
    for user in (first, second):
        RoleGrantFactory(user=user, role="staff", cycle=None)
        enrol_totp(user)
    strong = hits["laureate:1"]
    url = reverse("sanctions:hit", args=[strong.pk])

    sign_in(client, first)
    detail = client.get(url).content.decode()
    missing = client.post(url, {"decision": "clear", "confirmed": "yes", "reason": ""})
    client.post(
        url,
        {"decision": "clear", "confirmed": "yes", "reason": "A Swedish association, not the GmbH."},
    )
    again = client.post(
        url, {"decision": "clear", "confirmed": "yes", "reason": "Me again."}, follow=True
    )
    sign_in(client, second)
    agreed = client.post(
        url, {"decision": "clear", "confirmed": "yes", "reason": "Registry checked: agreed."}
    )

    assert "Nordlicht Handels AB" in detail and "Northern Light Trading" in detail
    assert missing.status_code == 400
    assert "Say why: the reason is what the auditors read." in missing.content.decode()
    assert "another member of staff must agree" in again.content.decode()
    assert agreed.status_code == 302
    strong.refresh_from_db()
    assert (strong.state, strong.first_cleared_by, strong.decided_by) == (
        HitState.CLEARED,
        first,
        second,
    )


def test_a_final_decision_is_asked_again_first_and_a_first_clearing_is_not(client, hits):
    """Clearing or confirming is the last word on a hit: a misclick would let a listed payee be
    paid or hold a namesake's prize, so the page asks again, naming both sides, and keeps the
    reason. The first of two clearings of a strong hit is not final and is not asked again."""
    first, second = (UserFactory() for _ in range(2))
    for user in (first, second):
        RoleGrantFactory(user=user, role="staff", cycle=None)
        enrol_totp(user)
    weak, strong = hits["person:1"], hits["laureate:1"]
    weak_url = reverse("sanctions:hit", args=[weak.pk])
    strong_url = reverse("sanctions:hit", args=[strong.pk])
    sign_in(client, first)

    asked = client.post(weak_url, {"decision": "confirm", "reason": "The passport matches."})
    weak.refresh_from_db()
    assert asked.status_code == 200 and weak.state == HitState.OPEN
    page = asked.content.decode()
    assert "Confirm the hit?" in page and "No payment to this payee can be approved" in page
    assert f"{weak.listed_name} (EU consolidated financial sanctions list, " in page
    assert 'name="reason" value="The passport matches."' in page
    assert 'name="confirmed" value="yes"' in page and 'name="decision" value="confirm"' in page

    first_clearing = client.post(strong_url, {"decision": "clear", "reason": "Not the GmbH."})
    assert first_clearing.status_code == 302  # not asked: a second member of staff decides
    sign_in(client, second)
    agreeing = client.post(strong_url, {"decision": "clear", "reason": "Agreed."})
    assert "Clear the hit as a false match?" in agreeing.content.decode()
    assert "This cannot be undone." in agreeing.content.decode()
    done = client.post(strong_url, {"decision": "clear", "confirmed": "yes", "reason": "Agreed."})

    assert done.status_code == 302
    strong.refresh_from_db()
    assert (strong.state, strong.decided_by) == (HitState.CLEARED, second)


def test_finance_reads_a_hit_but_does_not_decide_it(client, hits):
    sign_in(client, make_user("finance"))
    url = reverse("sanctions:hit", args=[hits["person:1"].pk])

    read = client.get(url)
    decided = client.post(url, {"decision": "clear", "confirmed": "yes", "reason": "Looks fine."})

    assert read.status_code == 200 and "Clear: a false match" not in read.content.decode()
    assert decided.status_code == 404
    assert Hit.objects.get(pk=hits["person:1"].pk).state == HitState.OPEN


def test_a_list_older_than_allowed_is_flagged(staff_client, hits, settings):
    settings.SANCTIONS_LIST_MAX_AGE_DAYS = -1  # whatever today's date, every list is too old

    page = staff_client.get(QUEUE).content.decode()

    assert "older than allowed" in page


def test_the_staff_dashboard_counts_the_hits_and_warns_of_lists_out_of_date(
    staff_client, child10, hits, settings
):
    settings.SANCTIONS_LIST_MAX_AGE_DAYS = 100_000  # the EU's is current, whatever the date
    page = staff_client.get(reverse("staff:dashboard")).content.decode()

    waiting = page.split("sanctions hits to decide")[0].rsplit("card__number", 1)[1]
    assert ">2<" in waiting  # Verbitsky and Nordlicht, both open
    # The UN and UK lists were never imported.
    stale = page.split("sanctions lists out of date or never imported")[0]
    assert stale.rsplit("card__number", 1)[1].startswith('">2<')
