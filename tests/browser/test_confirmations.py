"""Each confirmation step in Chromium, in English and Swedish: the page names what will happen
(and how many emails leave), passes axe, Cancel changes nothing, Confirm does it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from laurel.candidates import services as screening
from laurel.candidates.enums import CandidateState
from laurel.candidates.models import Candidate, Placement
from laurel.cycles.enums import Phase
from laurel.notifications.models import OutgoingEmail
from laurel.review import services as review
from laurel.review.models import Assignment
from laurel.selection import services
from laurel.selection.enums import RoundState
from laurel.selection.models import VotingRound
from tests.browser.helpers import signed_in_as
from tests.candidates.helpers import confirmed
from tests.conftest import make_user
from tests.factories import in_phase
from tests.scenarios import member, ready
from tests.selection.helpers import scored_committee

LANGUAGES = ["en", "sv"]
CANCEL = {"en": "Cancel", "sv": "Avbryt"}


def ineligibility_emails() -> int:
    return OutgoingEmail.objects.filter(key="candidate_ineligible").count()


def asks_then_cancels(page, axe, language, *, says: str) -> None:
    """On the confirmation page: it names the consequence, passes axe; Cancel leaves it."""
    expect(page.locator("main")).to_contain_text(says)
    assert axe(page) == []
    page.get_by_role("link", name=CANCEL[language]).click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("language", LANGUAGES)
def test_marking_a_candidate_ineligible(page, live_server, child10, axe, language):
    nomination = confirmed(child10, "Ljus", website="ljus.example")
    candidate = Placement.objects.get(nomination=nomination).candidate
    signed_in_as(page, live_server, make_user("staff"))
    url = f"{live_server.url}/{language}/staff/candidates/{candidate.pk}/"
    ineligible = {"en": "Ineligible", "sv": "Ej behörig"}[language]
    save = {"en": "Save the decision", "sv": "Spara beslutet"}[language]
    says = {
        "en": "Its 1 nominator will be told",
        "sv": "1 person som har nominerat kandidaten får besked",
    }

    page.goto(url)
    page.get_by_label(ineligible, exact=True).check()
    page.locator("#id_reason").select_option("outside_theme")
    page.get_by_role("button", name=save).click()
    asks_then_cancels(page, axe, language, says=says[language])

    assert page.url == url
    assert Candidate.objects.get(pk=candidate.pk).state == CandidateState.TO_SCREEN
    page.get_by_label(ineligible, exact=True).check()
    page.locator("#id_reason").select_option("outside_theme")
    page.get_by_role("button", name=save).click()
    mark = {"en": "Mark ineligible", "sv": "Markera som ej behörig"}[language]
    page.get_by_role("button", name=mark, exact=True).click()
    expect(page.locator(".badge--ineligible").first).to_be_visible()
    assert Candidate.objects.get(pk=candidate.pk).state == CandidateState.INELIGIBLE
    assert ineligibility_emails() == 0  # nominations are open: the email waits


@pytest.mark.parametrize("language", LANGUAGES)
def test_telling_the_waiting_nominators_now(page, live_server, child10, axe, language):
    staff = make_user("staff")
    candidate = Placement.objects.get(nomination=confirmed(child10, "Ljus")).candidate
    screening.decide_eligibility(candidate, eligible=False, reason="other", actor=staff)
    signed_in_as(page, live_server, staff)
    tell = {"en": "Tell the nominators now", "sv": "Meddela dem som nominerat nu"}[language]
    says = {
        "en": "1 email will be sent to people outside the secretariat.",
        "sv": "1 e-postmeddelande skickas till personer utanför sekretariatet.",
    }

    page.goto(f"{live_server.url}/{language}/staff/candidates/")
    page.get_by_role("button", name=tell).click()
    asks_then_cancels(page, axe, language, says=says[language])

    assert ineligibility_emails() == 0
    page.get_by_role("button", name=tell).click()
    page.get_by_role("button", name=tell).click()
    expect(page.locator(".message--success")).to_be_visible()
    assert ineligibility_emails() == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_closing_a_round_of_votes(page, live_server, child10, axe, language):
    staff = make_user("staff")
    committee = scored_committee(child10, staff, count=3)
    in_phase(child10, Phase.DELIBERATION)
    for candidate in committee.candidates:
        services.shortlist_candidate(candidate, kind="shortlist", actor=staff)
    a, b = committee.candidates[1], committee.candidates[2]
    round_ = services.open_round(
        child10, method="approval", secret=True, candidates=[a, b], actor=staff
    )
    alice = committee.members[0]
    services.cast_ballot(round_, voter=alice, ranks={a.pk: 1}, actor=alice)
    signed_in_as(page, live_server, committee.chair)
    close = {"en": "Close the round and count", "sv": "Stäng omgången och räkna"}[language]
    says = {"en": "2 members have not voted", "sv": "2 ledamöter har inte röstat"}

    page.goto(f"{live_server.url}/{language}/selection/rounds/{round_.pk}/")
    page.get_by_role("button", name=close).click()
    asks_then_cancels(page, axe, language, says=says[language])

    assert VotingRound.objects.get(pk=round_.pk).state == RoundState.OPEN
    page.get_by_role("button", name=close).click()
    page.get_by_role("button", name=close).click()
    expect(page.locator("section[aria-labelledby=result]")).to_be_visible()
    assert VotingRound.objects.get(pk=round_.pk).state == RoundState.CLOSED


@pytest.mark.parametrize("language", LANGUAGES)
def test_publishing_the_reviewer_assignment(page, live_server, child10, axe, language):
    staff = make_user("staff")
    for number in range(2):
        ready(child10, f"Organisation {number} Ljus", website=f"https://o{number}.se", staff=staff)
    for number in range(2):
        member(child10, f"m{number}@example.org")
    in_phase(child10, Phase.SCREENING)
    review.propose_assignment(child10, actor=staff, k=1)
    signed_in_as(page, live_server, staff)
    publish = {
        "en": "Publish the proposal and tell the members",
        "sv": "Publicera förslaget och meddela ledamöterna",
    }[language]
    says = {"en": "told by email what to review", "sv": "får veta per e-post vad"}

    page.goto(f"{live_server.url}/{language}/staff/review/assignment/")
    page.get_by_role("button", name=publish).click()
    asks_then_cancels(page, axe, language, says=says[language])

    assert Assignment.objects.filter(state="published").count() == 0
    page.get_by_role("button", name=publish).click()
    confirm = {"en": "Publish and tell the members", "sv": "Publicera och meddela ledamöterna"}
    page.get_by_role("button", name=confirm[language]).click()
    expect(page.locator(".message--success")).to_be_visible()
    assert Assignment.objects.filter(state="published").count() == 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_asking_an_organisation_for_its_consent(page, live_server, child10, axe, language):
    candidate = Placement.objects.get(nomination=confirmed(child10, "Ljus")).candidate
    in_phase(child10, Phase.SCREENING)
    signed_in_as(page, live_server, make_user("staff"))
    ask = {"en": "Ask the organisation", "sv": "Fråga organisationen"}[language]
    says = {"en": "An email goes to office@ljus.se", "sv": "går till office@ljus.se"}
    deadline = (timezone.localdate() + timedelta(days=14)).isoformat()

    page.goto(f"{live_server.url}/{language}/staff/candidates/{candidate.pk}/")
    page.locator("#id_email").fill("office@ljus.se")
    page.locator("#id_deadline").fill(deadline)
    page.get_by_role("button", name=ask).click()
    asks_then_cancels(page, axe, language, says=says[language])

    assert OutgoingEmail.objects.filter(to="office@ljus.se").count() == 0
    page.locator("#id_email").fill("office@ljus.se")
    page.locator("#id_deadline").fill(deadline)
    page.get_by_role("button", name=ask).click()
    send = {"en": "Send the request", "sv": "Skicka förfrågan"}[language]
    page.get_by_role("button", name=send).click()
    expect(page.locator(".message--success")).to_be_visible()
    assert OutgoingEmail.objects.filter(to="office@ljus.se").count() == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_applying_the_retention_policy(page, live_server, child10, axe, language):
    signed_in_as(page, live_server, make_user("staff"))
    apply = {"en": "Apply the policy now", "sv": "Tillämpa policyn nu"}[language]
    says = {"en": "Nothing is due now", "sv": "Inget ska gallras nu"}

    page.goto(f"{live_server.url}/{language}/staff/retention/")
    page.get_by_role("button", name=apply).click()
    asks_then_cancels(page, axe, language, says=says[language])

    from laurel.core.models import AuditEntry

    assert AuditEntry.objects.filter(key="retention.applied").count() == 0
    page.get_by_role("button", name=apply).click()
    page.get_by_role("button", name=apply).click()
    expect(page.locator(".message--success")).to_be_visible()
    assert AuditEntry.objects.filter(key="retention.applied").count() == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_inviting_a_committee_member(page, live_server, child10, axe, language):
    from laurel.accounts.models import Invitation

    signed_in_as(page, live_server, make_user("staff"))
    send = {"en": "Send invitation", "sv": "Skicka inbjudan"}[language]
    says = {"en": "They get the role", "sv": "Personen får rollen"}

    def fill_in():
        page.goto(f"{live_server.url}/{language}/staff/users/invite/")
        page.locator("#id_email").fill("maria@example.org")
        page.locator("#id_role").select_option("committee_member")
        page.locator("#id_cycle").select_option(str(child10.pk))
        page.get_by_role("button", name=send, exact=True).click()

    fill_in()
    asks_then_cancels(page, axe, language, says=says[language])

    assert Invitation.objects.count() == 0
    fill_in()
    confirm = {"en": "Send the invitation", "sv": "Skicka inbjudan"}[language]
    page.get_by_role("button", name=confirm, exact=True).click()
    expect(page.locator(".message--success")).to_be_visible()
    assert Invitation.objects.get().email == "maria@example.org"
