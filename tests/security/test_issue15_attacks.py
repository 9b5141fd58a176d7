"""Attacks on what issue 15 built (phases, the frozen decision, letters, confirmations, the
publication rule), each as the role that would try it, over HTTP. Each test is the regression
test of an attack: the ones that held stay here to keep holding."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from laurel.cycles.enums import Phase
from laurel.nominations.enums import NominationState
from laurel.nominations.models import Nomination
from laurel.nominations.services import create_late_code
from laurel.selection.enums import DecisionState
from laurel.selection.models import Decision, Letter, Place
from tests.conftest import make_user, sign_in
from tests.factories import RoleGrantFactory, UserFactory, in_phase
from tests.laureates.portal_helpers import letter_to, token_of
from tests.nominations.helpers import complete_post
from tests.scenarios import NOMINATE, new_token
from tests.selection.helpers import decided_with_letters

pytestmark = pytest.mark.django_db


def texts(name):
    return {"sv": f"Om {name}.", "en": f"About {name}."}, {"sv": "Gör.", "en": "Does."}


@pytest.fixture
def held(child10, staff_user):
    """A locked decision, its letters written and held (not yet released)."""
    return decided_with_letters(child10, staff_user, laureates=2, reserves=1, count=4, texts=texts)


def outsiders(cycle, decision):
    """Everyone but staff: the chair, a member, the conflicted member, finance, a laureate
    contact, a user with no role, and nobody signed in."""
    from laurel.accounts.models import User

    chair = User.objects.get(email="chair@example.org")
    alice = User.objects.get(email="alice@example.org")
    bob = User.objects.get(email="bob@example.org")  # conflicted with the best candidate
    laureate = UserFactory(email="contact@example.org")
    RoleGrantFactory(user=laureate, role="laureate_contact", cycle=cycle)
    return {
        "chair": chair,
        "member": alice,
        "conflicted": bob,
        "finance": make_user("finance"),
        "laureate": laureate,
        "plain": make_user("plain"),
        "anonymous": None,
    }


def as_(user) -> Client:
    client = Client()
    if user is not None:
        sign_in(client, user)
    return client


# Phases -------------------------------------------------------------------------------------


@pytest.mark.parametrize("phase", [Phase.SCREENING, Phase.REVIEW, Phase.DECIDED])
def test_a_late_code_does_not_reopen_nominations_in_a_later_phase(
    client, child10, staff_user, phase
):
    """A late-submission code extends the deadline, never the phase: once staff have moved the
    cycle on, "nominate" is refused whatever code a nominator holds."""
    code = create_late_code(child10, note="Nora", actor=staff_user)
    in_phase(child10, phase)

    client.post(NOMINATE, {"late_code": code}, follow=True)
    token = new_token(client) if 'name="token"' in client.get(NOMINATE).content.decode() else ""
    if token:
        client.post(NOMINATE, complete_post(child10, token))
        client.post(reverse("nominations:review", kwargs={"token": token}), {})

    assert not Nomination.objects.exclude(state=NominationState.DRAFT).exists()


def test_nobody_but_staff_moves_a_phase_and_staff_only_one_step(child10, staff_user):
    decision_less = child10
    url = reverse("staff:move_phase", args=[decision_less.slug])
    for role in ("finance", "plain", "committee", "laureate"):
        user = make_user(role, decision_less)
        response = as_(user).post(url, {"to": Phase.SCREENING, "confirmed": "yes"})
        assert response.status_code == 404, role
    assert as_(None).post(url, {"to": Phase.SCREENING, "confirmed": "yes"}).status_code == 302
    staff = as_(staff_user)
    for to in (Phase.REVIEW, Phase.DELIBERATION, Phase.DECIDED, Phase.ARCHIVED, "bogus"):
        staff.post(url, {"to": to, "confirmed": "yes"})
        decision_less.refresh_from_db()
        assert decision_less.phase == Phase.NOMINATIONS, to
    assert staff.get(url).status_code == 405  # a GET never moves anything


def test_a_confirmed_post_without_the_csrf_token_is_refused(child10, staff_user):
    client = Client(enforce_csrf_checks=True)
    sign_in(client, staff_user)
    response = client.post(
        reverse("staff:move_phase", args=[child10.slug]),
        {"to": Phase.SCREENING, "confirmed": "yes"},
    )
    assert response.status_code == 403
    child10.refresh_from_db()
    assert child10.phase == Phase.NOMINATIONS


# Letters and the lock ------------------------------------------------------------------------


def test_only_staff_reach_the_letters_release_and_offer(held, child10):
    letter = held.letters.first()
    place = held.places.filter(role="laureate").first()
    for role, user in outsiders(child10, held).items():
        client = as_(user)
        expected = 302 if user is None else 404
        assert client.get(reverse("selection:letters")).status_code == expected, role
        assert client.get(reverse("selection:letter", args=[letter.pk])).status_code == expected
        for url, data in [
            (reverse("selection:release"), {"confirmed": "yes"}),
            (
                reverse("selection:letter", args=[letter.pk]),
                {"to": "x@evil.test", "language": "en"},
            ),
            (reverse("selection:letter", args=[letter.pk]), {"subject": "S", "text": "T"}),
            (reverse("selection:offer", args=[place.pk]), {"confirmed": "yes"}),
        ]:
            assert client.post(url, data).status_code == expected, (role, url)
    held.refresh_from_db()
    assert held.state == DecisionState.LOCKED
    assert Letter.objects.filter(to="x@evil.test").count() == 0


def test_only_the_chair_locks_and_nobody_locks_twice(child10, held, staff_user):
    """The decision is locked already: a second lock (Back and resubmit) changes nothing."""
    before = Decision.objects.get(pk=held.pk)
    chair = outsiders(child10, held)["chair"]
    for user in (staff_user, chair):
        as_(user).post(reverse("selection:lock"), {"confirmed": "yes"})
    after = Decision.objects.get(pk=held.pk)
    assert (after.record_hash, after.locked_at) == (before.record_hash, before.locked_at)
    assert as_(chair).get(reverse("selection:lock")).status_code == 405


def test_a_released_letter_cannot_be_edited_or_readdressed(child10, held, staff_user):
    staff = as_(staff_user)
    staff.post(reverse("selection:release"), {"confirmed": "yes"})
    held.refresh_from_db()
    assert held.state == DecisionState.ANNOUNCED
    letter = held.letters.filter(kind="decision_laureate").first()
    before = (letter.to, letter.body, letter.language)
    staff.post(
        reverse("selection:letter", args=[letter.pk]), {"to": "x@evil.test", "language": "sv"}
    )
    staff.post(reverse("selection:letter", args=[letter.pk]), {"subject": "S", "text": "Changed"})
    letter.refresh_from_db()
    assert (letter.to, letter.body, letter.language) == before
    # Preparing again after the announcement writes nothing.
    response = staff.post(
        reverse("selection:letters"),
        {"announce_at": "2030-01-01 10:00", "respond_by": "2030-02-01 10:00"},
    )
    assert response.status_code in (400, 409)
    assert Letter.objects.filter(decision=held).count() == held.letters.count()


def test_the_release_confirmation_holds_no_link_and_a_get_sends_nothing(held, staff_user):
    staff = as_(staff_user)
    assert staff.get(reverse("selection:release")).status_code == 405
    page = staff.post(reverse("selection:release")).content.decode()
    assert "/laureate/" not in page
    letter = held.letters.filter(kind="decision_laureate").first()
    detail = staff.get(reverse("selection:letter", args=[letter.pk])).content.decode()
    assert "/laureate/" not in detail
    held.refresh_from_db()
    assert held.state == DecisionState.LOCKED


# Publication ---------------------------------------------------------------------------------


def test_nothing_about_a_laureate_is_public_after_release_before_its_answer(
    child10, held, staff_user
):
    as_(staff_user).post(reverse("selection:release"), {"confirmed": "yes"})
    names = [p.candidate.name for p in Place.objects.filter(decision=held)]
    anyone = Client()
    for url in ("/en/laureates/", "/sv/laureates/", "/en/laureates.csv", "/en/laureates.json"):
        body = anyone.get(url).content.decode()
        assert not [name for name in names if name in body], url
    first, second = Place.objects.filter(decision=held, role="laureate").order_by("position")
    token = token_of(letter_to(held, first.candidate))
    # The answer page of A says nothing of B; a guessed token opens nothing.
    page = anyone.get(f"/en/laureate/{token}/").content.decode()
    assert first.candidate.name in page and second.candidate.name not in page
    assert anyone.get(f"/en/laureate/{token[:-2]}xx/").status_code == 404
    # Accepting without saying the name may be published: still nothing public.
    anyone.post(f"/en/laureate/{token}/", {"answer": "accept"})
    body = anyone.get("/en/laureates/").content.decode()
    assert first.candidate.name not in body
    # The link is used: a second answer (Back and resubmit a decline) changes nothing.
    again = anyone.post(f"/en/laureate/{token}/", {"answer": "decline", "confirmed": "yes"})
    assert again.status_code == 410
    assert Place.objects.get(pk=first.pk).answer == "accepted"
    # The committee does not reach the letters (they name every recipient).
    for user in outsiders(child10, held).values():
        assert as_(user).get(reverse("selection:letters")).status_code in (302, 404)


# The hurried user ----------------------------------------------------------------------------


def test_switching_language_on_a_confirmation_page_is_never_a_dead_end(child10, staff_user):
    """The confirmation page is the answer to a POST: its language link must not lead to a
    GET on an address that takes only POST (a bare 405)."""
    staff = as_(staff_user)
    page = staff.post(
        reverse("staff:move_phase", args=[child10.slug]), {"to": Phase.SCREENING}
    ).content.decode()
    assert "confirmed" in page
    link = re.search(r'<a href="([^"]+)" lang="sv" hreflang="sv"', page).group(1)
    response = staff.get(link.replace("&amp;", "&"))
    assert response.status_code == 200
    child10.refresh_from_db()
    assert child10.phase == Phase.NOMINATIONS


def test_more_letters_than_were_confirmed_do_not_leave(child10, held, staff_user):
    """Staff A opens the release confirmation; meanwhile the letters are prepared again and more
    wait; A's confirmation (for fewer) shows the page again with the true number instead of
    sending letters nobody confirmed. A direct post of `confirmed=yes` still works."""
    from laurel.notifications import services as outbox
    from tests.selection.helpers import write_letters

    staff = as_(staff_user)
    one = held.letters.filter(kind="decision_not_selected").first() or held.letters.first()
    outbox.cancel_email(one.email, actor=staff_user)  # one fewer held when A looks
    page = staff.post(reverse("selection:release")).content.decode()
    carried = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    shown = int(carried["confirmed_emails"])
    write_letters(held, staff_user)  # B prepares again: every letter waits
    assert sum(held_count for held_count in _held(held).values()) == shown + 1

    again = staff.post(reverse("selection:release"), carried)

    held.refresh_from_db()
    assert held.state == DecisionState.LOCKED
    assert again.status_code == 200 and f'value="{shown + 1}"' in again.content.decode()
    staff.post(reverse("selection:release"), {"confirmed": "yes"})
    held.refresh_from_db()
    assert held.state == DecisionState.ANNOUNCED


def _held(decision):
    from laurel.selection import services

    return services.held_by_kind(decision)


def test_the_decision_report_reaches_only_staff_and_the_chair(child10, held, staff_user):
    for role, user in outsiders(child10, held).items():
        response = as_(user).get(reverse("selection:report"))
        if role == "chair":
            assert response.content.startswith(b"%PDF")
        else:
            assert response.status_code == (302 if user is None else 404), role
    assert as_(staff_user).get(reverse("selection:report")).content.startswith(b"%PDF")


def test_a_decline_needs_the_csrf_token_too(held, staff_user):
    as_(staff_user).post(reverse("selection:release"), {"confirmed": "yes"})
    held.refresh_from_db()
    first = Place.objects.filter(decision=held, role="laureate").order_by("position").first()
    url = f"/en/laureate/{token_of(letter_to(held, first.candidate))}/"
    forged = Client(enforce_csrf_checks=True)
    assert forged.get(url).status_code == 200  # reading the page changes nothing
    assert forged.get(url + "?answer=decline&confirmed=yes").status_code == 200
    response = forged.post(url, {"answer": "decline", "confirmed": "yes"})
    assert response.status_code == 403
    assert Place.objects.get(pk=first.pk).answer == ""


def test_an_offer_needs_its_reason_happens_once_and_publishes_nothing(held, staff_user):
    from datetime import timedelta

    from django.utils import timezone

    from laurel.selection.models import Amendment

    staff = as_(staff_user)
    staff.post(reverse("selection:release"), {"confirmed": "yes"})
    first = Place.objects.filter(decision=held, role="laureate").order_by("position").first()
    reserve = Place.objects.get(decision=held, role="reserve")
    url = f"/en/laureate/{token_of(letter_to(held, first.candidate))}/"
    Client().post(url, {"answer": "decline", "confirmed": "yes"})
    offer = reverse("selection:offer", args=[first.pk])
    when = (timezone.localtime(timezone.now(), held.cycle.zone) + timedelta(days=5)).strftime(
        "%Y-%m-%dT%H:%M"
    )
    data = {
        f"o{first.pk}-{name}": value
        for name, value in {
            "reserve": reserve.pk, "respond_by": when, "reason": "   ", "citation_sv": "C",
            "citation_en": "C", "summary_sv": "S", "summary_en": "S",
        }.items()
    } | {"confirmed": "yes"}  # fmt: skip
    assert staff.post(offer, data).status_code == 400  # a blank reason is no reason
    assert not Amendment.objects.filter(kind="reserve_promoted").exists()
    data[f"o{first.pk}-reason"] = "The laureate declined."
    staff.post(offer, data)
    staff.post(offer, data)  # Back, and the same confirmation again
    assert Amendment.objects.filter(kind="reserve_promoted").count() == 1
    body = Client().get("/en/laureates/").content.decode()
    assert reserve.candidate.name not in body and first.candidate.name not in body


def test_switching_language_on_a_page_answering_a_refused_post_is_never_a_dead_end(
    child10, staff_user
):
    """A form sent with a mistake comes back at its POST-only address (the override, the
    lock): its language link leads to the page the form was on, in the other language."""
    staff = as_(staff_user)
    in_phase(child10, Phase.DELIBERATION)
    decision_page = "http://testserver" + reverse("selection:decision")
    page = staff.post(
        reverse("selection:suggest"), {"reserve_count": "-1"}, HTTP_REFERER=decision_page
    )
    assert page.status_code == 400
    link = re.search(r'<a href="([^"]+)" lang="sv" hreflang="sv"', page.content.decode()).group(1)
    response = staff.get(link.replace("&amp;", "&"))
    assert response.status_code == 200
    assert response.request["PATH_INFO"].startswith("/sv/")
    # A referring address that would leave the site is not followed.
    page = as_(staff_user).post(
        reverse("selection:suggest"),
        {"reserve_count": "-1"},
        HTTP_REFERER="http://testserver//evil.example/x",
    )
    assert page.status_code == 400, page.status_code
    links = re.findall(r'<a href="([^"]+)" lang="\w+" hreflang=', page.content.decode())
    assert links and not [link for link in links if link.startswith("//") or "evil" in link]


def test_an_archived_cycle_offers_no_answer_button(held, staff_user):
    """Once the cycle is archived the award cannot be answered: its page says so at once,
    rather than showing buttons that refuse."""
    as_(staff_user).post(reverse("selection:release"), {"confirmed": "yes"})
    first = Place.objects.filter(decision=held, role="laureate").order_by("position").first()
    url = f"/en/laureate/{token_of(letter_to(held, first.candidate))}/"
    in_phase(held.cycle, Phase.ARCHIVED)
    page = Client().get(url)
    assert page.status_code == 410
    assert 'value="accept"' not in page.content.decode()
    assert Client().post(url, {"answer": "accept", "publish_name": "on"}).status_code == 410
    assert Place.objects.get(pk=first.pk).answer == ""


def _cycle_post(cycle, **changes) -> dict:
    from datetime import timedelta

    from django.utils import timezone

    from laurel.cycles.enums import DATE_FIELDS
    from laurel.cycles.forms import CycleForm
    from laurel.cycles.models import Cycle

    start = timezone.now().replace(second=0, microsecond=0) - timedelta(days=100)
    dates = {name: start + timedelta(days=10 * n) for n, name in enumerate(DATE_FIELDS)}
    Cycle.objects.filter(pk=cycle.pk).update(**dates)  # plausible dates, as a form sends them
    form = CycleForm(cycle=Cycle.objects.get(pk=cycle.pk))
    data = {}
    for name, field in form.fields.items():
        value = field.initial
        data[name] = value.strftime("%Y-%m-%dT%H:%M") if hasattr(value, "strftime") else value
    return data | changes


def test_the_number_of_laureates_does_not_change_after_the_lock(child10, held, staff_user):
    """The number of laureates is part of the locked decision (and the public page says how
    many will be announced): the cycle's edit page cannot change it any more."""
    from laurel.cycles.models import Cycle

    as_(staff_user).post(reverse("selection:release"), {"confirmed": "yes"})
    count = Cycle.objects.get(pk=child10.pk).laureate_count
    edit = reverse("staff:cycle_edit", args=[child10.slug])
    response = as_(staff_user).post(edit, _cycle_post(child10, laureate_count=count + 3))
    assert Cycle.objects.get(pk=child10.pk).laureate_count == count
    assert response.status_code == 200  # the form again, saying why
    assert "part of the locked decision" in response.content.decode()
    swedish = as_(staff_user).post(
        edit.replace("/en/", "/sv/"), _cycle_post(child10, laureate_count=count + 3)
    )
    assert "Antalet pristagare ingår i det låsta beslutet" in swedish.content.decode()
    # Other texts of the cycle can still be corrected.
    as_(staff_user).post(edit, _cycle_post(child10, name_en="Child10 Award 2022 (corrected)"))
    assert Cycle.objects.get(pk=child10.pk).name["en"] == "Child10 Award 2022 (corrected)"
