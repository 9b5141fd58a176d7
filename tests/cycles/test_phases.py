from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from laurel.core.models import AuditEntry
from laurel.cycles import services
from laurel.cycles.enums import Phase
from laurel.cycles.models import Cycle
from laurel.cycles.phases import PhaseRefused
from tests.candidates.helpers import confirmed
from tests.conftest import make_user, sign_in
from tests.factories import CycleFactory, in_phase


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("moment", "phase"),
    [
        (lambda c: c.nominations_open_at - timedelta(seconds=1), Phase.DRAFT),
        (lambda c: c.nominations_open_at, Phase.NOMINATIONS),
        (lambda c: c.nominations_close_at, Phase.NOMINATIONS),  # the deadline is inclusive
        # … all of its last second (23:59:59.999 is "at 23:59:59"), and not one second more.
        (lambda c: c.nominations_close_at.replace(microsecond=999999), Phase.NOMINATIONS),
        (lambda c: c.nominations_close_at + timedelta(seconds=1), Phase.SCREENING),
        (lambda c: c.review_open_at, Phase.REVIEW),
        (lambda c: c.review_close_at, Phase.DELIBERATION),
        (lambda c: c.decision_at, Phase.DECIDED),
        (lambda c: c.programme_start_at, Phase.PROGRAMME),
        (lambda c: c.archive_at, Phase.ARCHIVED),
    ],
)
def test_planned_phase_follows_the_dates(moment, phase):
    cycle = CycleFactory()

    assert cycle.planned_phase_at(moment(cycle)) == phase


@pytest.mark.django_db
def test_phase_schedule_marks_the_current_phase():
    cycle = CycleFactory()

    current = [label for label, _starts, is_current in cycle.phase_schedule() if is_current]

    assert current == [Phase.NOMINATIONS.label]


@pytest.mark.django_db
def test_staff_move_a_cycle_one_step_forward_and_it_is_audited():
    staff = make_user("staff")
    cycle = CycleFactory(phase=Phase.NOMINATIONS)

    services.move_phase(cycle, Phase.SCREENING, actor=staff)

    cycle.refresh_from_db()
    assert (cycle.phase, cycle.phase_changed_at is not None) == (Phase.SCREENING, True)
    entry = AuditEntry.objects.get(key="cycle.phase_changed")
    assert (entry.actor, entry.data["from"], entry.data["to"]) == (
        staff,
        "nominations",
        "screening",
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "to", "message"),
    [
        (Phase.NOMINATIONS, Phase.REVIEW, "one step at a time"),
        (Phase.REVIEW, Phase.SCREENING, "one step at a time"),  # no way back into screening
        (Phase.DELIBERATION, Phase.DECIDED, "when the chair locks the decision"),
        (Phase.DECIDED, Phase.DELIBERATION, "one step at a time"),  # a lock is not undone
        (Phase.ARCHIVED, Phase.PROGRAMME, "one step at a time"),
    ],
)
def test_a_move_that_skips_a_phase_or_goes_back_is_refused(start, to, message):
    cycle = CycleFactory(phase=start)

    with pytest.raises(PhaseRefused, match=message):
        services.move_phase(cycle, to, actor=make_user("staff"))

    cycle.refresh_from_db()
    assert cycle.phase == start
    assert not AuditEntry.objects.filter(key="cycle.phase_changed").exists()


@pytest.mark.django_db
def test_screening_can_go_back_to_nominations_once_to_reopen_the_call():
    cycle = CycleFactory(phase=Phase.SCREENING)

    services.move_phase(cycle, Phase.NOMINATIONS, actor=make_user("staff"))

    assert Cycle.objects.get(pk=cycle.pk).phase == Phase.NOMINATIONS


@pytest.mark.django_db
def test_the_dashboard_shows_the_phase_what_it_allows_and_the_next_planned_date(client):
    staff = make_user("staff")
    cycle = CycleFactory(phase=Phase.REVIEW)
    sign_in(client, staff)

    page = client.get(reverse("staff:dashboard")).content.decode()

    assert "Current phase: <strong>Review</strong>" in page
    assert "Write, submit and revise reviews" in page
    assert "Shortlist and reserve" not in page  # deliberation's, not review's
    # The date in the cycle's time zone, as the page writes it (late in a UTC evening it is
    # already the next day in Stockholm).
    planned = timezone.localtime(cycle.review_close_at, cycle.zone)
    assert f"Next phase: Deliberation, planned for {planned:%-d}" in page
    assert "Move to “Deliberation”" in page


@pytest.mark.django_db
def test_the_dashboard_says_when_the_nomination_deadline_has_passed(client):
    cycle = CycleFactory(phase=Phase.NOMINATIONS)
    Cycle.objects.filter(pk=cycle.pk).update(
        nominations_close_at=timezone.now() - timedelta(hours=1)
    )
    sign_in(client, make_user("staff"))

    page = client.get(reverse("staff:dashboard")).content.decode()

    assert "The nomination deadline has passed: move the cycle to “Screening”." in page


@pytest.mark.django_db
def test_deliberation_offers_no_move_the_lock_decides(client):
    CycleFactory(phase=Phase.DELIBERATION)
    sign_in(client, make_user("staff"))

    page = client.get(reverse("staff:dashboard")).content.decode()

    assert "The cycle moves on when the chair locks the decision." in page
    assert "Move to “Decided”" not in page


@pytest.mark.django_db
def test_moving_confirms_first_and_names_what_is_still_open(client):
    staff = make_user("staff")
    cycle = CycleFactory(phase=Phase.NOMINATIONS)
    confirmed(cycle, "Ljus", website="https://ljus.se")  # a candidate not yet screened
    in_phase(cycle, Phase.SCREENING)
    sign_in(client, staff)
    url = reverse("staff:move_phase", args=[cycle.slug])

    asked = client.post(url, {"to": "review"})

    page = asked.content.decode()
    assert asked.status_code == 200
    assert "Move to “Review”" in page
    assert "1 candidate is not yet screened." in page
    assert Cycle.objects.get(pk=cycle.pk).phase == Phase.SCREENING

    moved = client.post(url, {"to": "review", "confirmed": "yes"}, follow=True)

    assert "The cycle is now in the phase “Review”." in moved.content.decode()
    assert Cycle.objects.get(pk=cycle.pk).phase == Phase.REVIEW
    entry = AuditEntry.objects.get(key="cycle.phase_changed")
    assert entry.data["still_open"] == ["1 candidate is not yet screened."]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["committee", "finance", "laureate", None])
def test_only_staff_move_a_phase(client, role):
    cycle = CycleFactory(phase=Phase.NOMINATIONS)
    if role:
        sign_in(client, make_user(role, cycle=cycle))
    url = reverse("staff:move_phase", args=[cycle.slug])

    response = client.post(url, {"to": "screening", "confirmed": "yes"})

    assert response.status_code in (302, 403, 404)
    if role is None:
        assert "/accounts/login/" in response["Location"]
    assert Cycle.objects.get(pk=cycle.pk).phase == Phase.NOMINATIONS


@pytest.mark.parametrize(
    ("language", "who"),
    [("en", "(the public, who nominate)"), ("sv", "(allmänheten, som nominerar)")],
)
def test_the_dashboard_names_who_may_nominate_without_brackets_in_brackets(
    client, child10, language, who
):
    """Found walking the dashboard (issue 17): "(nominators (the public))"."""
    from django.utils import translation

    sign_in(client, make_user("staff"))
    with translation.override(language):
        page = client.get(reverse("staff:dashboard")).content.decode()

    assert who in page
    assert "))" not in page
