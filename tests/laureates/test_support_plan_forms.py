"""The support plan's forms for staff (issue 17, item 9): the milestone's objective is a real
choice, a refused milestone keeps what was typed, and the needs assessment reads in one order
for staff and the contact."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from laurel.core.models import AuditEntry
from laurel.cycles.enums import Phase
from laurel.laureates import services
from laurel.laureates.enums import SupportArea
from laurel.laureates.models import Milestone
from tests.conftest import make_user, sign_in
from tests.factories import ContactFactory, LaureateFactory, in_phase, laureate_contact
from tests.laureates.support_helpers import all_levels

pytestmark = pytest.mark.django_db


@pytest.fixture
def laureate(child10):
    """An accepted laureate in the programme phase with one contact, from the factories: these
    tests are about the plan's forms, not about how a candidate becomes a laureate."""
    made = LaureateFactory(cycle=child10, candidate__organisation__name="Trygga Nätet")
    in_phase(child10, Phase.PROGRAMME)
    ContactFactory(laureate=made, email="office@trygga.se")
    return made


def options(page: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return [text.strip() for text in re.findall(r"<option[^>]*>(.*?)</option>", select, re.S)]


def test_the_milestone_form_asks_for_the_objective(laureate, staff_client, staff_user):
    for title in ("Diversify funding", "A joint statement"):
        services.add_objective(laureate, area="fundraising", title=title, actor=staff_user)

    page = staff_client.get(reverse("laureates:support_plan", args=[laureate.pk])).content.decode()

    assert "---------" not in page
    assert options(page, "objective") == [
        "Choose the objective",
        "Diversify funding (Fundraising)",
        "A joint statement (Fundraising)",
    ]


def test_one_objective_is_chosen_already(laureate, staff_client, staff_user):
    objective = services.add_objective(
        laureate, area="finance", title="Audited accounts", actor=staff_user
    )

    page = staff_client.get(reverse("laureates:support_plan", args=[laureate.pk])).content.decode()

    assert options(page, "objective") == ["Audited accounts (Finance)"]
    assert f'<option value="{objective.pk}" selected>' in page


def test_a_refused_milestone_keeps_what_was_typed(laureate, staff_client, staff_user):
    for title in ("Diversify funding", "A joint statement"):
        services.add_objective(laureate, area="fundraising", title=title, actor=staff_user)

    response = staff_client.post(
        reverse("laureates:milestone", args=[laureate.pk]),
        {"objective": "", "title": "Two new funders", "due_on": "2030-06-01"},
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert 'value="Two new funders"' in page
    assert 'value="2030-06-01"' in page
    # The message sits with the objective's field, not at the top of the page.
    field = re.search(r'<div class="field field--error">.*?</select>', page, re.S).group(0)
    assert "Choose the objective the milestone belongs to." in field
    assert Milestone.objects.count() == 0


def test_a_milestone_saved_is_audited(laureate, staff_client, staff_user):
    objective = services.add_objective(laureate, area="finance", title="Audit", actor=staff_user)

    response = staff_client.post(
        reverse("laureates:milestone", args=[laureate.pk]),
        {"objective": objective.pk, "title": "Choose an auditor", "due_on": "2030-06-01"},
    )

    assert response.status_code == 302
    assert [m.title for m in objective.milestones.all()] == ["Choose an auditor"]
    assert AuditEntry.objects.filter(key="support.milestone_added").count() == 1


def test_another_laureates_objective_cannot_be_chosen(laureate, staff_client, staff_user):
    other = LaureateFactory(cycle=laureate.cycle, candidate__organisation__name="Annan Org")
    foreign = services.add_objective(other, area="finance", title="Theirs", actor=staff_user)

    response = staff_client.post(
        reverse("laureates:milestone", args=[laureate.pk]),
        {"objective": foreign.pk, "title": "Sneaked in", "due_on": "2030-06-01"},
    )

    assert response.status_code == 400
    assert Milestone.objects.count() == 0


def test_the_milestone_form_is_for_staff_only(laureate, client):
    contact = laureate_contact(laureate.cycle, "office@trygga.se")
    objective = services.add_objective(laureate, area="finance", title="Audit", actor=None)
    url = reverse("laureates:milestone", args=[laureate.pk])
    data = {"objective": objective.pk, "title": "x", "due_on": "2030-06-01"}

    anonymous = client.post(url, data)
    sign_in(client, contact)
    as_contact = client.post(url, data)
    client.logout()
    sign_in(client, make_user("committee", cycle=laureate.cycle))
    as_member = client.post(url, data)

    assert anonymous.status_code == 302 and "/login/" in anonymous.url
    assert as_contact.status_code in (403, 404)
    assert as_member.status_code in (403, 404)
    assert Milestone.objects.count() == 0


@pytest.mark.parametrize("language", ["en", "sv"])
def test_staff_read_the_assessment_in_the_order_the_contact_writes_it(
    laureate,
    staff_client,
    language,
):
    services.assess_needs(laureate, levels=all_levels(3), notes={}, actor=None)
    contact = laureate_contact(laureate.cycle, "office@trygga.se")
    client = Client()
    sign_in(client, contact)

    with translation.override(language):
        labels = [str(label) for label in SupportArea.labels]
        own = client.get(reverse("laureates:support")).content.decode()
        staff = staff_client.get(
            reverse("laureates:support_plan", args=[laureate.pk])
        ).content.decode()

    def order(page: str) -> list[str]:
        return sorted(labels, key=lambda label: page.index(label))

    assert order(own.split('id="assessment"')[1]) == labels
    assert order(staff.split('id="baseline"')[1]) == labels
