"""The support programme: the laureate's needs assessment, staff's plan and sessions, the
overview across the cohort."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from laurel.cycles.enums import Phase
from laurel.laureates import services
from laurel.laureates.enums import SupportArea
from laurel.laureates.models import Assessment, Laureate
from tests.conftest import sign_in
from tests.factories import in_phase, laureate_contact
from tests.laureates import support_helpers
from tests.laureates.support_helpers import all_levels
from tests.scenarios import ready

# Fixtures these tests share with other modules.
laureate = support_helpers.laureate


def test_the_assessment_needs_every_area_and_levels_from_1_to_5(laureate):
    partial = dict(list(all_levels().items())[:3])

    with pytest.raises(services.SupportError, match="every area"):
        services.assess_needs(laureate, levels=partial, notes={}, actor=None)
    with pytest.raises(services.SupportError, match="from 1 to 5"):
        services.assess_needs(laureate, levels=all_levels(6), notes={}, actor=None)
    services.assess_needs(laureate, levels=all_levels(2), notes={"finance": "Audits"}, actor=None)

    assert Assessment.objects.count() == 8
    assert Assessment.objects.get(area="finance").note == "Audits"


def test_the_contact_assesses_and_sees_the_plan(laureate, client, staff_user):
    contact = laureate_contact(laureate.cycle, "office@trygga.se")
    objective = services.add_objective(
        laureate, area="fundraising", title="Diversify funding", actor=staff_user
    )
    services.add_milestone(
        objective, title="Two new funders", due_on=date(2030, 6, 1), actor=staff_user
    )
    sign_in(client, contact)
    form = {f"level_{area}": "4" for area in SupportArea.values} | {"note_impact": "Measure reach"}

    missing = client.post(reverse("laureates:support"), {"level_strategy": "4"})
    saved = client.post(reverse("laureates:support"), form)
    page = client.get(reverse("laureates:support")).content.decode()

    assert missing.status_code == 400
    assert saved.status_code == 302
    assert Assessment.objects.get(area="impact").note == "Measure reach"
    assert "Diversify funding" in page and "Two new funders" in page


def test_staff_plan_update_milestones_and_log_sessions(laureate, staff_client):
    plan_url = reverse("laureates:support_plan", args=[laureate.pk])
    staff_client.post(
        reverse("laureates:objective", args=[laureate.pk]),
        {"area": "advocacy", "title": "A joint statement to the EU"},
    )
    objective = laureate.objectives.get()
    staff_client.post(
        reverse("laureates:milestone", args=[laureate.pk]),
        {"objective": objective.pk, "title": "First draft", "due_on": "2030-05-01"},
    )
    milestone = objective.milestones.get()
    staff_client.post(
        reverse("laureates:milestone_status", args=[laureate.pk, milestone.pk]),
        {f"m{milestone.pk}-status": "amber", f"m{milestone.pk}-note": "Waiting for partners"},
    )
    staff_client.post(
        reverse("laureates:session", args=[laureate.pk]),
        {"held_on": "2030-03-02", "topic": "Strategy", "hours": "1.5", "coach": "Eva", "notes": ""},
    )
    bad = staff_client.post(
        reverse("laureates:session", args=[laureate.pk]),
        {"held_on": "2030-03-03", "topic": "Strategy", "hours": "30", "coach": "Eva"},
        follow=True,
    )

    milestone.refresh_from_db()
    assert (milestone.status, milestone.note) == ("amber", "Waiting for partners")
    assert [s.hours for s in laureate.sessions.all()] == [Decimal("1.5")]
    assert "Hours are more than 0 and at most 24." in bad.content.decode()
    assert "A joint statement to the EU" in staff_client.get(plan_url).content.decode()


def test_the_overview_costs_the_same_queries_for_one_and_many(
    child10, staff_user, staff_client, queries_for_one_and_many
):
    made = []

    def add(count):
        for _ in range(count):
            number = len(made)
            in_phase(child10, Phase.NOMINATIONS)  # each one nominated while the call was open
            candidate = ready(
                child10, f"Org {number} Ljus", website=f"https://o{number}.se", staff=staff_user
            )
            laureate = Laureate.objects.create(
                cycle=child10, candidate=candidate, accepted_at=timezone.now()
            )
            in_phase(child10, Phase.PROGRAMME)
            services.assess_needs(laureate, levels=all_levels(), notes={}, actor=None)
            objective = services.add_objective(laureate, area="finance", title="x", actor=None)
            services.add_milestone(objective, title="m", due_on=date(2030, 1, 1), actor=None)
            services.log_session(
                laureate, held_on=date(2030, 1, 1), topic="t", hours=Decimal(2), coach="c",
                notes="", actor=None,
            )  # fmt: skip
            made.append(laureate)

    one, many = queries_for_one_and_many(
        lambda: staff_client.get(reverse("laureates:support_overview")), add, many=4
    )

    assert one == many
    page = staff_client.get(reverse("laureates:support_overview")).content.decode()
    assert "Org 0 Ljus" in page
