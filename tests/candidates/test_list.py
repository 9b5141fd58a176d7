"""The candidates list as the secretariat screens from it: the ready filter, a box per row for
bulk work, an unscreened candidate's form with nothing ticked, and the screening progress."""

import re

import pytest
from django.urls import reverse

from laurel.candidates import services
from laurel.candidates.models import Candidate, Placement
from tests.candidates.helpers import complete_diligence, confirmed
from tests.conftest import make_user, sign_in

pytestmark = pytest.mark.django_db


def nominated(cycle, name: str) -> Candidate:
    nomination = confirmed(cycle, name, website=f"{name.lower().replace(' ', '')}.example")
    return Placement.objects.get(nomination=nomination).candidate


def made_ready(candidate: Candidate, staff) -> Candidate:
    services.decide_eligibility(candidate, eligible=True, actor=staff)
    complete_diligence(candidate, staff)
    nomination = candidate.placements.get().nomination
    services.save_committee_version(
        nomination, texts=services.redacted_texts(nomination), actor=staff
    )
    return services.mark_ready(candidate, ready=True, actor=staff)


def test_the_list_filters_on_ready_for_the_committee(staff_client, child10, staff_user):
    ready = made_ready(nominated(child10, "Ljus"), staff_user)
    nominated(child10, "Röst")

    ready_rows = staff_client.get(reverse("candidates:list"), {"ready": "yes"})
    other_rows = staff_client.get(reverse("candidates:list"), {"ready": "no"})
    ignored = staff_client.get(reverse("candidates:list"), {"ready": "maybe"})

    assert [c.name for c in ready_rows.context["page"]] == [ready.name]
    assert [c.name for c in other_rows.context["page"]] == ["Röst"]
    assert [c.name for c in ignored.context["page"]] == ["Ljus", "Röst"]
    assert "Ready for the committee</span>" in ready_rows.content.decode()


def test_an_unscreened_candidate_s_decision_form_has_nothing_ticked(staff_client, child10):
    candidate = nominated(child10, "Ljus")

    page = staff_client.get(reverse("candidates:detail", args=[candidate.pk])).content.decode()

    radios = re.findall(r'<input type="radio" name="decision"[^>]*>', page)
    assert len(radios) == 2
    assert [radio for radio in radios if "checked" in radio] == []


def test_a_screened_candidate_s_decision_form_shows_the_decision(staff_client, child10, staff_user):
    candidate = nominated(child10, "Ljus")
    services.decide_eligibility(candidate, eligible=False, reason="other", actor=staff_user)

    page = staff_client.get(reverse("candidates:detail", args=[candidate.pk])).content.decode()

    radios = re.findall(r'<input type="radio" name="decision"[^>]*>', page)
    assert [re.search(r'value="(\w+)"', r).group(1) for r in radios if "checked" in r] == [
        "ineligible"
    ]


def test_each_row_has_a_box_for_the_bulk_form_and_the_page_s_candidates_come_with_it(
    staff_client, child10
):
    first, second = nominated(child10, "Ljus"), nominated(child10, "Röst")

    page = staff_client.get(reverse("candidates:list")).content.decode()

    boxes = re.findall(r'<input type="checkbox" name="candidate" value="(\d+)" form="bulk"', page)
    on_page = re.findall(r'<input type="hidden" name="on_page" value="(\d+)">', page)
    assert boxes == on_page == [str(first.pk), str(second.pk)]
    assert 'id="bulk-all"' in page
    assert f'href="{reverse("candidates:progress")}?cycle={child10.slug}"' in page


def test_the_progress_page_says_who_is_ready_and_what_the_others_need(
    staff_client, child10, staff_user
):
    ready = made_ready(nominated(child10, "Ljus"), staff_user)
    waiting = nominated(child10, "Röst")
    services.decide_eligibility(waiting, eligible=True, actor=staff_user)
    services.update_check(
        waiting, area="finances", status="satisfactory", notes="", actor=staff_user
    )

    response = staff_client.get(reverse("candidates:progress"))
    rows = {row.candidate.name: row for row in response.context["page"]}
    page = response.content.decode()

    assert (rows[ready.name].ready, rows[ready.name].missing) == (True, [])
    reference = waiting.placements.get().nomination.reference
    assert rows["Röst"].missing == [
        "due diligence: A child-rights-based approach",
        "due diligence: Safeguarding policy and procedures",
        "due diligence: Aims and impact",
        "due diligence: Do no harm",
        f"the committee's version of {reference}",
    ]
    assert (rows["Röst"].diligence_done, rows["Röst"].counting, rows["Röst"].prepared) == (1, 1, 0)
    counts = response.context["counts"]
    assert (counts["ready"], counts["eligible"], counts["diligence_complete"]) == (1, 2, 1)
    assert "<li>due diligence: Do no harm</li>" in page


def test_the_progress_page_shows_what_is_asked_for(staff_client, child10, staff_user):
    ready = made_ready(nominated(child10, "Ljus"), staff_user)
    nominated(child10, "Röst")

    only_ready = staff_client.get(reverse("candidates:progress"), {"show": "ready"})
    missing = staff_client.get(reverse("candidates:progress"), {"show": "missing"})
    ignored = staff_client.get(reverse("candidates:progress"), {"show": "__class__"})

    assert [r.candidate.name for r in only_ready.context["page"]] == [ready.name]
    assert [r.candidate.name for r in missing.context["page"]] == ["Röst"]
    assert len(ignored.context["page"]) == 2


def test_the_progress_page_costs_the_same_queries_for_one_candidate_and_many(
    staff_client, child10, queries_for_one_and_many
):
    names = iter(f"Organisation {number}" for number in range(40))

    def add(count):
        for _ in range(count):
            nominated(child10, next(names))

    one, many = queries_for_one_and_many(
        lambda: staff_client.get(reverse("candidates:progress")), add, many=8
    )

    assert one == many


@pytest.mark.parametrize("role", ["committee", "finance", "laureate", "plain"])
def test_only_staff_see_the_progress_page(client, child10, role):
    nominated(child10, "Ljus")
    sign_in(client, make_user(role, child10))

    response = client.get(reverse("candidates:progress"))

    assert response.status_code == 404


def test_the_progress_page_sends_the_signed_out_to_sign_in(client, child10):
    response = client.get(reverse("candidates:progress"))

    assert response.status_code == 302
    assert "login" in response.url


def test_the_complete_candidates_on_the_progress_page_are_marked_ready_in_one_step(
    staff_client, child10, staff_user
):
    complete = made_ready(nominated(child10, "Ljus"), staff_user)
    services.mark_ready(complete, ready=False, actor=staff_user)
    nominated(child10, "Röst")
    page = staff_client.get(reverse("candidates:progress")).content.decode()
    ids = re.findall(r'<input type="hidden" name="candidate" value="(\d+)">', page)

    staff_client.post(
        reverse("candidates:bulk") + f"?cycle={child10.slug}", {"action": "ready", "candidate": ids}
    )

    assert ids == [str(complete.pk)]
    assert "Mark the 1 complete candidate on this page ready for the committee" in page
    assert list(Candidate.objects.filter(ready_for_committee=True)) == [complete]
