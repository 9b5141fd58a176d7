"""The ineligibility email: it waits for the nominations to close, staff may send it earlier
through a confirmation, a mark taken back before then sends nothing, and nobody is told twice."""

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from laurel.accounts.models import User
from laurel.candidates import services
from laurel.candidates.enums import CandidateState
from laurel.candidates.models import Placement
from laurel.candidates.tasks import tell_nominators_at_deadline
from laurel.cycles.enums import Phase
from laurel.cycles.services import move_phase
from laurel.notifications.models import OutgoingEmail
from tests.candidates.helpers import close_nominations, confirmed
from tests.conftest import make_user, sign_in
from tests.factories import in_phase

pytestmark = pytest.mark.django_db


def told(key: str = "candidate_ineligible") -> list[str]:
    return sorted(OutgoingEmail.objects.filter(key=key).values_list("to", flat=True))


def candidate_with_nominations(cycle, name: str = "Ljus", count: int = 2):
    nominations = [confirmed(cycle, name, website=f"{name.lower()}.example") for _ in range(count)]
    return Placement.objects.get(nomination=nominations[0]).candidate, nominations


def test_marking_ineligible_while_nominations_are_open_emails_nobody_yet(child10):
    candidate, _nominations = candidate_with_nominations(child10)

    services.decide_eligibility(
        candidate, eligible=False, reason="outside_theme", actor=make_user("staff")
    )

    assert told() == []
    waiting = DBTaskResult.objects.filter(task_path__endswith="tell_nominators_at_deadline")
    assert [task.args_kwargs["args"] for task in waiting] == [[child10.pk]]
    assert waiting.get().run_after > child10.nominations_close_at


def test_the_waiting_notices_leave_once_when_the_deadline_s_task_runs(child10):
    candidate, nominations = candidate_with_nominations(child10)
    staff = make_user("staff")
    services.decide_eligibility(candidate, eligible=False, reason="other", actor=staff)

    too_early = tell_nominators_at_deadline.call(child10.pk)
    close_nominations(child10)
    first = tell_nominators_at_deadline.call(child10.pk)
    second = tell_nominators_at_deadline.call(child10.pk)

    assert too_early == "nominations are open"
    assert (first, second) == ("told 2", "told 0")
    assert told() == sorted(n.nominator_email for n in nominations)
    assert all(p.ineligible_notified_at for p in Placement.objects.filter(candidate=candidate))


def test_a_mark_taken_back_before_the_deadline_sends_nothing(child10):
    candidate, _nominations = candidate_with_nominations(child10)
    staff = make_user("staff")
    services.decide_eligibility(candidate, eligible=False, reason="other", actor=staff)
    services.decide_eligibility(candidate, eligible=True, actor=staff)

    close_nominations(child10)
    tell_nominators_at_deadline.call(child10.pk)

    assert told() == []


def test_moving_the_phase_on_sends_the_waiting_notices(child10):
    candidate, nominations = candidate_with_nominations(child10, count=1)
    staff = make_user("staff")
    services.decide_eligibility(candidate, eligible=False, reason="other", actor=staff)

    close_nominations(child10)
    move_phase(child10, Phase.SCREENING, actor=staff)  # the staff's move sends phase_moved

    assert told() == [nominations[0].nominator_email]


def test_once_nominations_have_closed_the_nominators_are_told_at_once(child10):
    candidate, nominations = candidate_with_nominations(child10, count=1)
    in_phase(child10, Phase.SCREENING)

    services.decide_eligibility(candidate, eligible=False, reason="other", actor=make_user("staff"))

    assert told() == [nominations[0].nominator_email]


def test_staff_see_who_will_be_told_and_when_before_marking_ineligible(child10, staff_client):
    candidate, _nominations = candidate_with_nominations(child10)
    url = reverse("candidates:screen", args=[candidate.pk])
    form = {"decision": "ineligible", "reason": "outside_theme", "note": "not our theme"}

    asked = staff_client.post(url, form)
    candidate.refresh_from_db()
    state_while_asked = candidate.state
    done = staff_client.post(url, {**form, "confirmed": "yes"})

    page = asked.content.decode()
    assert asked.status_code == 200
    assert "Its 2 nominators will be told" in page
    assert "when nominations close on" in page
    assert 'name="note" value="not our theme"' in page
    assert state_while_asked == CandidateState.TO_SCREEN
    assert done.status_code == 302
    candidate.refresh_from_db()
    assert (candidate.state, candidate.screening_note) == (
        CandidateState.INELIGIBLE,
        "not our theme",
    )
    assert told() == []


def test_after_the_deadline_the_confirmation_counts_the_emails_that_leave(child10, staff_client):
    candidate, nominations = candidate_with_nominations(child10)
    in_phase(child10, Phase.SCREENING)
    url = reverse("candidates:screen", args=[candidate.pk])
    form = {"decision": "ineligible", "reason": "other"}

    asked = staff_client.post(url, form).content.decode()
    nothing_yet = told()
    staff_client.post(url, {**form, "confirmed": "yes"})

    assert "2 emails will be sent to people outside the secretariat." in asked
    assert "This cannot be undone." in asked
    assert nothing_yet == []
    assert told() == sorted(n.nominator_email for n in nominations)


def test_staff_tell_the_waiting_nominators_now_through_a_confirmation(child10, staff_client):
    first, first_nominations = candidate_with_nominations(child10, "Ljus", 2)
    second, second_nominations = candidate_with_nominations(child10, "Röst", 1)
    staff = User.objects.get(email="staff@example.org")
    for candidate in (first, second):
        services.decide_eligibility(candidate, eligible=False, reason="other", actor=staff)
    url = reverse("candidates:tell") + f"?cycle={child10.slug}"

    listed = staff_client.get(reverse("candidates:list")).content.decode()
    asked = staff_client.post(url).content.decode()
    nothing_yet = told()
    staff_client.post(url, {"confirmed": "yes"})
    again = staff_client.post(url, {"confirmed": "yes"}, follow=True).content.decode()

    assert "3 nominators of ineligible candidates are waiting to be told" in listed
    assert "3 emails will be sent to people outside the secretariat." in asked
    assert nothing_yet == []
    assert told() == sorted(n.nominator_email for n in first_nominations + second_nominations)
    assert "No nominator is waiting to be told." in again


def test_staff_tell_one_candidate_s_nominators_from_its_page(child10, staff_client):
    first, first_nominations = candidate_with_nominations(child10, "Ljus", 1)
    second, _second_nominations = candidate_with_nominations(child10, "Röst", 1)
    staff = User.objects.get(email="staff@example.org")
    for candidate in (first, second):
        services.decide_eligibility(candidate, eligible=False, reason="other", actor=staff)

    page = staff_client.get(reverse("candidates:detail", args=[first.pk])).content.decode()
    staff_client.post(
        reverse("candidates:tell") + f"?cycle={child10.slug}",
        {"candidate": first.pk, "confirmed": "yes"},
    )

    assert "1 nominator is waiting to be told that this candidate is ineligible." in page
    assert told() == [first_nominations[0].nominator_email]


@pytest.mark.parametrize("role", ["committee", "finance", "laureate", "plain"])
def test_only_staff_may_tell_the_nominators(child10, client, role):
    candidate, _nominations = candidate_with_nominations(child10, count=1)
    services.decide_eligibility(candidate, eligible=False, reason="other", actor=make_user("staff"))
    sign_in(client, make_user(role, child10))

    response = client.post(
        reverse("candidates:tell") + f"?cycle={child10.slug}", {"confirmed": "yes"}
    )

    assert response.status_code in (403, 404)
    assert told() == []


def test_one_click_ineligibility_from_the_list_confirms_and_cancels_back_to_the_list(
    child10, staff_client
):
    candidate, _nominations = candidate_with_nominations(child10, count=1)
    back = reverse("candidates:list") + "?state=to_screen"
    form = {"decision": "ineligible", "reason": "outside_countries", "next": back}

    asked = staff_client.post(reverse("candidates:screen", args=[candidate.pk]), form)
    done = staff_client.post(
        reverse("candidates:screen", args=[candidate.pk]), {**form, "confirmed": "yes"}
    )

    assert f'href="{back}"' in asked.content.decode()
    assert done.url == back
    candidate.refresh_from_db()
    assert candidate.state == CandidateState.INELIGIBLE
