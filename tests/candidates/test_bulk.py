"""Screening many candidates at once from the list: eligible, ineligible for one reason, ready
for the committee, consent reminders; one audit entry per candidate changed; a fixed number of
requests and a bounded number of queries for 200 candidates."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from laurel.candidates import services
from laurel.candidates.enums import CandidateState, Consent
from laurel.candidates.models import Candidate, Organisation, Placement
from laurel.candidates.services.bulk import (
    bulk_decide_eligibility,
    bulk_mark_ready,
    bulk_remind,
)
from laurel.core.models import AuditEntry
from laurel.notifications.models import OutgoingEmail
from tests.candidates.helpers import close_nominations, complete_diligence, confirmed
from tests.conftest import make_user, sign_in

pytestmark = pytest.mark.django_db


def many(cycle, count: int, *, prefix: str = "Organisation") -> list[Candidate]:
    """`count` candidates still to screen (no nominations: what screening needs is the row)."""
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"{prefix} {number:03}", country="SE") for number in range(count)
    )
    return Candidate.objects.bulk_create(
        Candidate(cycle=cycle, organisation=o, name=o.name, country="SE") for o in organisations
    )


def nominated(cycle, name: str) -> Candidate:
    nomination = confirmed(cycle, name, website=f"{name.lower().replace(' ', '')}.example")
    return Placement.objects.get(nomination=nomination).candidate


def entries(key: str) -> list[str]:
    return sorted(AuditEntry.objects.filter(key=key).values_list("subject_id", flat=True), key=int)


def bulk_url(cycle) -> str:
    return reverse("candidates:bulk") + f"?cycle={cycle.slug}"


def test_marking_many_eligible_changes_each_once_and_skips_the_rest_saying_why(child10):
    staff = make_user("staff")
    first, second, third = many(child10, 3)
    services.decide_eligibility(second, eligible=True, actor=staff)
    Candidate.objects.filter(pk=third.pk).update(state=CandidateState.WITHDRAWN)
    AuditEntry.objects.all().delete()

    outcome = bulk_decide_eligibility(
        child10, candidate_ids=[first.pk, second.pk, third.pk], eligible=True, actor=staff
    )

    assert [c.pk for c in outcome.changed] == [first.pk]
    assert [(c.pk, why) for c, why in outcome.skipped] == [
        (second.pk, "already eligible"),
        (third.pk, "withdrawn"),
    ]
    assert list(Candidate.objects.order_by("pk").values_list("state", flat=True)) == [
        "eligible",
        "eligible",
        "withdrawn",
    ]
    assert entries("candidate.screened") == [str(first.pk)]
    entry = AuditEntry.objects.get(key="candidate.screened")
    assert (entry.actor, entry.data) == (staff, {"state": "eligible", "reason": "", "bulk": True})


def test_a_candidate_of_another_cycle_is_left_alone(child10):
    from tests.factories import CycleFactory

    other = many(CycleFactory(), 1)[0]
    mine = many(child10, 1)[0]

    outcome = bulk_decide_eligibility(
        child10, candidate_ids=[other.pk, mine.pk], eligible=True, actor=make_user("staff")
    )

    assert [c.pk for c in outcome.changed] == [mine.pk]
    other.refresh_from_db()
    assert other.state == CandidateState.TO_SCREEN


def test_marking_many_ineligible_needs_one_reason_and_takes_them_off_the_committee_list(child10):
    staff = make_user("staff")
    candidate = nominated(child10, "Ljus")
    complete_diligence(candidate, staff)
    services.decide_eligibility(candidate, eligible=True, actor=staff)
    nomination = candidate.placements.get().nomination
    services.save_committee_version(
        nomination, texts=services.redacted_texts(nomination), actor=staff
    )
    services.mark_ready(candidate, ready=True, actor=staff)

    with pytest.raises(services.ScreeningError):
        bulk_decide_eligibility(child10, candidate_ids=[candidate.pk], eligible=False, actor=staff)
    bulk_decide_eligibility(
        child10, candidate_ids=[candidate.pk], eligible=False, reason="other", actor=staff
    )

    candidate.refresh_from_db()
    assert (candidate.state, candidate.ineligible_reason) == ("ineligible", "other")
    assert (candidate.ready_for_committee, candidate.ready_at) == (False, None)


def test_marking_many_ineligible_after_the_deadline_tells_their_nominators_at_once(child10):
    first, second = nominated(child10, "Ljus"), nominated(child10, "Röst")
    close_nominations(child10)
    OutgoingEmail.objects.all().delete()

    bulk_decide_eligibility(
        child10,
        candidate_ids=[first.pk, second.pk],
        eligible=False,
        reason="outside_theme",
        actor=make_user("staff"),
    )

    assert OutgoingEmail.objects.filter(key="candidate_ineligible").count() == 2


def test_ready_for_the_committee_in_bulk_marks_the_complete_and_says_what_the_others_need(
    child10,
):
    staff = make_user("staff")
    complete = nominated(child10, "Ljus")
    services.decide_eligibility(complete, eligible=True, actor=staff)
    complete_diligence(complete, staff)
    nomination = complete.placements.get().nomination
    services.save_committee_version(
        nomination, texts=services.redacted_texts(nomination), actor=staff
    )
    unscreened = nominated(child10, "Röst")
    AuditEntry.objects.all().delete()

    outcome = bulk_mark_ready(child10, candidate_ids=[complete.pk, unscreened.pk], actor=staff)

    assert [c.pk for c in outcome.changed] == [complete.pk]
    [(skipped, why)] = outcome.skipped
    reference = unscreened.placements.get().nomination.reference
    assert skipped.pk == unscreened.pk
    assert why == (
        "still needed: the candidate is not screened eligible; due diligence: Finances and "
        "governance; due diligence: A child-rights-based approach; due diligence: Safeguarding "
        "policy and procedures; due diligence: Aims and impact; due diligence: Do no harm; "
        f"the committee's version of {reference}"
    )
    complete.refresh_from_db()
    assert complete.ready_for_committee is True and complete.ready_at is not None
    assert entries("candidate.ready") == [str(complete.pk)]


def test_reminding_in_bulk_emails_only_the_organisations_whose_answer_is_awaited(child10):
    staff = make_user("staff")
    asked, answered, not_asked = (nominated(child10, n) for n in ("Ljus", "Röst", "Hopp"))
    for candidate, email in ((asked, "info@ljus.se"), (answered, "info@rost.se")):
        services.invite_organisation(
            candidate,
            email=email,
            language="sv",
            deadline=timezone.now() + timedelta(days=14),
            actor=staff,
        )
    Candidate.objects.filter(pk=answered.pk).update(consent=Consent.GIVEN)
    OutgoingEmail.objects.all().delete()
    AuditEntry.objects.all().delete()

    outcome = bulk_remind(child10, candidate_ids=[asked.pk, answered.pk, not_asked.pk], actor=staff)

    assert [c.pk for c in outcome.changed] == [asked.pk]
    assert sorted(c.pk for c, _why in outcome.skipped) == sorted([answered.pk, not_asked.pk])
    email = OutgoingEmail.objects.get()
    assert (email.key, email.to, email.language) == ("organisation_reminder", "info@ljus.se", "sv")
    assert entries("candidate.consent_reminded") == [str(asked.pk)]


def test_screening_200_candidates_takes_a_fixed_number_of_requests_and_bounded_queries(
    child10, client
):
    staff = make_user("staff")
    sign_in(client, staff)
    candidates = many(child10, 200)
    ids = [c.pk for c in candidates]
    list_url = reverse("candidates:list") + f"?cycle={child10.slug}"
    requests = 0

    def get(url):
        nonlocal requests
        requests += 1
        return client.get(url)

    def post(data):
        nonlocal requests
        requests += 1
        return client.post(bulk_url(child10), data)

    # Four pages of 50: each page's "every candidate on this page" marks it eligible, except
    # the last 10 of the last page, ticked one by one and marked ineligible (confirmed).
    for number in (1, 2, 3, 4):
        page = get(f"{list_url}&page={number}")
        on_page = [c.pk for c in page.context["page"]]
        form = {"on_page": on_page, "action": "eligible"}
        if number < 4:
            form["all_on_page"] = "on"
        else:
            form["candidate"] = on_page[:40]
        with CaptureQueriesContext(connection) as eligible_queries:
            post(form)
    ineligible = {"candidate": ids[-10:], "action": "ineligible", "reason": "outside_theme"}
    asked = post(ineligible)
    with CaptureQueriesContext(connection) as ineligible_queries:
        post({**ineligible, "confirmed": "yes", "confirmed_emails": "0"})

    assert asked.status_code == 200 and b"Mark the chosen candidates ineligible?" in asked.content
    assert requests == 10
    states = dict(
        Candidate.objects.filter(cycle=child10).values_list("state").annotate(n=Count("id"))
    )
    assert states == {"eligible": 190, "ineligible": 10}
    assert len(AuditEntry.objects.filter(key="candidate.screened")) == 200
    # The same handful for 40 as for 10: no query per candidate.
    assert len(eligible_queries) <= 20
    assert len(ineligible_queries) <= 20


def test_the_queries_of_a_bulk_action_do_not_grow_with_the_candidates(child10, client):
    """3 or 120 candidates, the same queries (beyond 124 rows, SQLite's limit of 999 query
    parameters splits the audit entries' one insert into batches: a page of 50 never is)."""
    sign_in(client, make_user("staff"))
    few, lots = many(child10, 3, prefix="Few"), many(child10, 120, prefix="Lots")

    def measure(chosen):
        with CaptureQueriesContext(connection) as captured:
            client.post(
                bulk_url(child10), {"candidate": [c.pk for c in chosen], "action": "eligible"}
            )
        return len(captured)

    assert measure(few) == measure(lots)


def test_the_result_message_says_how_many_changed_and_which_were_skipped(child10, client):
    staff = make_user("staff")
    sign_in(client, staff)
    first, second = many(child10, 2)
    services.decide_eligibility(second, eligible=True, actor=staff)

    page = client.post(
        bulk_url(child10),
        {"candidate": [first.pk, second.pk], "action": "eligible"},
        follow=True,
    ).content.decode()

    assert "1 candidate marked eligible." in page
    assert "1 skipped: Organisation 001 (already eligible)." in page


def test_nothing_ticked_is_refused_with_a_message(child10, client):
    sign_in(client, make_user("staff"))
    many(child10, 1)

    page = client.post(bulk_url(child10), {"action": "eligible"}, follow=True).content.decode()

    assert "Tick at least one candidate." in page
    assert Candidate.objects.get().state == CandidateState.TO_SCREEN


def test_reminders_are_confirmed_naming_the_emails_first(child10, client):
    staff = make_user("staff")
    sign_in(client, staff)
    candidate = nominated(child10, "Ljus")
    services.invite_organisation(
        candidate,
        email="info@ljus.se",
        language="en",
        deadline=timezone.now() + timedelta(days=14),
        actor=staff,
    )
    OutgoingEmail.objects.all().delete()
    form = {"candidate": [candidate.pk], "action": "remind"}

    asked = client.post(bulk_url(child10), form).content.decode()
    nothing_yet = OutgoingEmail.objects.count()
    client.post(bulk_url(child10), {**form, "confirmed": "yes", "confirmed_emails": "1"})

    assert "1 email will be sent to people outside the secretariat." in asked
    assert nothing_yet == 0
    assert list(OutgoingEmail.objects.values_list("key", flat=True)) == ["organisation_reminder"]


@pytest.mark.parametrize("role", ["anonymous", "committee", "finance", "laureate", "plain"])
def test_only_staff_who_screen_may_act_in_bulk(child10, client, role):
    candidate = many(child10, 1)[0]
    user = make_user(role, child10)
    if user is not None:
        sign_in(client, user)

    response = client.post(
        bulk_url(child10),
        {"candidate": [candidate.pk], "action": "eligible", "confirmed": "yes"},
    )

    assert response.status_code == (302 if role == "anonymous" else 404)
    candidate.refresh_from_db()
    assert candidate.state == CandidateState.TO_SCREEN
    assert not AuditEntry.objects.filter(key="candidate.screened").exists()


def test_bulk_screening_is_refused_once_screening_has_ended(child10, client):
    from tests.factories import in_phase

    sign_in(client, make_user("staff"))
    candidate = many(child10, 1)[0]
    in_phase(child10, "decided")

    response = client.post(
        bulk_url(child10), {"candidate": [candidate.pk], "action": "eligible"}, follow=True
    )

    assert "Screening has ended with the lock" in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.state == CandidateState.TO_SCREEN
    assert not AuditEntry.objects.filter(key="candidate.screened").exists()


def test_an_organisation_reminded_is_not_reminded_again_the_same_day(child10):
    staff = make_user("staff")
    candidate = nominated(child10, "Ljus")
    services.invite_organisation(
        candidate,
        email="info@ljus.se",
        language="en",
        deadline=timezone.now() + timedelta(days=14),
        actor=staff,
    )
    OutgoingEmail.objects.all().delete()

    first = bulk_remind(child10, candidate_ids=[candidate.pk], actor=staff)
    again = bulk_remind(child10, candidate_ids=[candidate.pk], actor=staff)
    AuditEntry.objects.filter(key="candidate.consent_reminded").update(
        at=timezone.now() - timedelta(days=1, minutes=1)
    )
    next_day = bulk_remind(child10, candidate_ids=[candidate.pk], actor=staff)

    assert [c.pk for c in first.changed] == [c.pk for c in next_day.changed] == [candidate.pk]
    assert [(c.pk, why) for c, why in again.skipped] == [
        (candidate.pk, "reminded less than a day ago")
    ]
    assert OutgoingEmail.objects.filter(key="organisation_reminder").count() == 2


def test_a_refused_bulk_action_keeps_the_ticks_and_the_choice(child10, client):
    """Found walking the list (issue 17): marking many ineligible without a reason came back
    with nothing ticked, so staff ticked every candidate again."""
    sign_in(client, make_user("staff"))
    first, second, third = many(child10, 3)

    page = client.post(
        bulk_url(child10),
        {"action": "ineligible", "candidate": [first.pk, third.pk]},
        follow=True,
    ).content.decode()

    assert "Choose why the candidates are ineligible." in page
    ticked = {c.pk for c in (first, second, third) if f'id="pick-{c.pk}" checked' in page}
    assert ticked == {first.pk, third.pk}
    assert '<option value="ineligible" selected>' in page
    assert Candidate.objects.filter(state=CandidateState.TO_SCREEN).count() == 3
    # Kept for that one return only: the list opened again starts afresh.
    again = client.get(reverse("candidates:list")).content.decode()
    assert " checked" not in again.split('id="bulk"', 1)[1].split("</table>", 1)[0]
