"""The dashboard follows the cycle past the review (issue 17, item 13): the laureates' answers,
payments and visa requests waiting; staff are told by email and on the dashboard when a
laureate accepts or declines."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from laurel.accounts.enums import Role
from laurel.candidates.models import Candidate, Organisation
from laurel.cycles.enums import Phase
from laurel.laureates.models import Delegate, Payment, VisaRequest
from laurel.nominations.models import hash_token
from laurel.notifications.models import OutgoingEmail
from laurel.selection import services
from laurel.selection.models import Decision, Place
from tests.conftest import make_user, sign_in
from tests.factories import RoleGrantFactory, UserFactory, in_phase
from tests.world import Objects

pytestmark = pytest.mark.django_db


def announced(cycle, names: list[str]) -> dict[str, str]:
    """An announced decision with one laureate place per name, answers due in a week; returns
    each name's answer token."""
    decision, _ = Decision.objects.get_or_create(
        cycle=cycle, defaults={"state": "announced", "announced_at": timezone.now()}
    )
    tokens = {}
    for position, name in enumerate(names, decision.places.count() + 1):
        organisation = Organisation.objects.create(name=name, country="SE")
        candidate = Candidate.objects.create(
            cycle=cycle, organisation=organisation, name=name, country="SE"
        )
        tokens[name] = f"token-of-{position}-" + "x" * 20
        Place.objects.create(
            decision=decision, candidate=candidate, role="laureate", position=position,
            token_hash=hash_token(tokens[name]), respond_by=timezone.now() + timedelta(days=7),
        )  # fmt: skip
    in_phase(cycle, Phase.DECIDED)
    return tokens


def cards(html: str) -> str:
    return " ".join(html.split())


def test_before_the_decision_the_dashboard_has_no_answer_or_programme_tiles(staff_client, child10):
    html = staff_client.get(reverse("staff:dashboard")).content.decode()

    assert "laureates accepted" not in html
    assert "payments awaiting approval" not in html
    assert "Latest answers from the laureates" not in html


def test_the_dashboard_counts_the_laureates_answers(staff_client, child10):
    tokens = announced(child10, ["Ljus", "Trygg", "Röst"])
    services.answer_award(tokens["Ljus"], accept=True)
    services.answer_award(tokens["Trygg"], accept=False)

    html = cards(staff_client.get(reverse("staff:dashboard")).content.decode())

    assert '<span class="card__number">1</span> <a href="' in html
    assert '1</span> <a href="/en/selection/decision/?cycle=child10-2022">laureates accepted' in (
        html
    )
    assert '<span class="card__number">1</span> laureates yet to answer' in html
    assert '<span class="card__number">1</span> laureates declined' in html
    assert "1 place to offer to a reserve" in html


def test_staff_read_each_answer_on_the_dashboard_newest_first(staff_client, child10):
    tokens = announced(child10, ["Ljus", "Trygg"])
    services.answer_award(tokens["Ljus"], accept=True)
    services.answer_award(tokens["Trygg"], accept=False)

    html = cards(staff_client.get(reverse("staff:dashboard")).content.decode())

    news = html.split("Latest answers from the laureates</h3>", 1)[1].split("</ul>", 1)[0]
    assert news.index("Trygg declined the award") < news.index("Ljus accepted the award")
    assert "Its place can be offered to a reserve." in news
    assert news.count('href="/en/selection/decision/?cycle=child10-2022"') == 2


def test_every_active_staff_member_is_emailed_each_answer_in_their_language(child10):
    staff = make_user("staff")
    swedish = UserFactory(email="sv-staff@example.org", language="sv")
    RoleGrantFactory(user=swedish, role=Role.STAFF)
    gone = UserFactory(email="gone@example.org", is_active=False)
    RoleGrantFactory(user=gone, role=Role.STAFF)
    make_user("finance")
    tokens = announced(child10, ["Ljus", "Trygg"])

    services.answer_award(tokens["Ljus"], accept=True)
    services.answer_award(tokens["Trygg"], accept=False)

    emails = OutgoingEmail.objects.filter(key="laureate_answered").order_by("id")
    assert [(e.to, e.language) for e in emails] == [
        (staff.email, "en"), (swedish.email, "sv"), (staff.email, "en"), (swedish.email, "sv"),
    ]  # fmt: skip
    assert [e.subject for e in emails] == [
        "Ljus accepted Child10 Award 2022",
        "Ljus har tackat ja till Child10 Award 2022",
        "Trygg declined Child10 Award 2022",
        "Trygg har tackat nej till Child10 Award 2022",
    ]
    assert "Its place can now be offered to a reserve" in emails[2].body_text
    assert "http://testserver/sv/selection/decision/?cycle=child10-2022" in emails[3].body_text


def test_an_answer_refused_emails_nobody(child10):
    make_user("staff")
    tokens = announced(child10, ["Ljus"])
    services.answer_award(tokens["Ljus"], accept=True)

    with pytest.raises(services.AnswerRefused):
        services.answer_award(tokens["Ljus"], accept=False)

    assert OutgoingEmail.objects.filter(key="laureate_answered").count() == 1


def test_the_dashboard_counts_payments_visas_and_delegates_waiting(
    staff_client, staff_user, child10
):
    objects = Objects(child10, staff_user)
    payment = objects["payment"]  # requested
    Payment.objects.create(
        laureate=payment.laureate, account=payment.account, amount=1, currency="SEK",
        reference="C10-2022-PRIZE-2", requested_by=staff_user, state="verified",
    )  # fmt: skip
    visa = objects["visa"]  # approved
    VisaRequest.objects.filter(pk=visa.pk).update(state="requested")
    Delegate.objects.filter(pk=objects["delegate"].pk).update(state="registered")

    html = cards(staff_client.get(reverse("staff:dashboard")).content.decode())

    payments, summit = reverse("laureates:payments"), reverse("laureates:staff_summit")
    assert f'1</span> <a href="{payments}">payments awaiting verification of bank details' in html
    assert f'1</span> <a href="{payments}">payments awaiting approval' in html
    assert f'0</span> <a href="{payments}">approved payments awaiting export' in html
    assert f'1</span> <a href="{summit}">visa requests awaiting approval' in html
    assert f'1</span> <a href="{summit}">summit delegates to confirm' in html


def test_the_dashboard_in_swedish_names_the_answers(staff_client, child10):
    tokens = announced(child10, ["Ljus"])
    services.answer_award(tokens["Ljus"], accept=False)

    with translation.override("sv"):
        url = reverse("staff:dashboard")
    html = cards(staff_client.get(url).content.decode())

    assert "Senaste svaren från pristagarna" in html
    assert "Ljus tackade nej till priset" in html
    assert "pristagare har tackat nej" in html


def test_the_dashboard_issues_the_same_queries_for_one_and_many_answers(
    staff_client, child10, queries_for_one_and_many
):
    names = iter(range(100))

    def add(n):
        tokens = announced(child10, [f"Org {next(names)}" for _ in range(n)])
        for token in tokens.values():
            services.answer_award(token, accept=True)

    one, many = queries_for_one_and_many(lambda: staff_client.get(reverse("staff:dashboard")), add)

    assert one == many


@pytest.mark.parametrize("role", ["finance", "committee", "laureate", "plain"])
def test_other_roles_do_not_see_the_dashboard(client, child10, role):
    announced(child10, ["Ljus"])
    sign_in(client, make_user(role, child10))

    assert client.get(reverse("staff:dashboard")).status_code == 404


def test_the_dashboard_counts_the_reviews_once_the_assignment_is_published(staff_client, child10):
    from laurel.review.models import Assignment, Review

    members = [make_user("committee", child10), UserFactory(email="second@example.org")]
    organisation = Organisation.objects.create(name="Ljus", country="SE")
    candidate = Candidate.objects.create(
        cycle=child10, organisation=organisation, name="Ljus", country="SE"
    )
    for member in members:
        Assignment.objects.create(
            cycle=child10, candidate=candidate, member=member, state="proposed"
        )
    proposed = cards(staff_client.get(reverse("staff:dashboard")).content.decode())
    Assignment.objects.update(state="published")
    Review.objects.create(cycle=child10, candidate=candidate, member=members[0], state="submitted")
    Review.objects.create(cycle=child10, candidate=candidate, member=members[1], state="draft")

    html = cards(staff_client.get(reverse("staff:dashboard")).content.decode())

    assert "reviews submitted" not in proposed
    progress = reverse("review:progress")
    assert f'1</span> <a href="{progress}">reviews submitted' in html
    assert f'1</span> <a href="{progress}">reviews not yet submitted' in html
