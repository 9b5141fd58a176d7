"""Every public page and every email to the public, in every public language, with no text
the language's catalogue does not give (issue 20).

While the public's journey runs in one language (the call, the privacy notice, the form with its
mistakes, the review with the safeguarding check's findings, submitting, confirming, changing,
withdrawing; the organisation's invitation, its consent page, its answer and the reminder; the
nominators told of an ineligible candidate; a laureate's answer page; the laureates page; a page
that does not exist), every lookup of a text in that language's catalogue is watched: a text the
catalogue lacks would be shown in English. Award texts the file does not translate are not
looked up in catalogues; they are shown in the first working language, marked, which
tests/cycles/test_award_languages.py checks."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation.trans_real import DjangoTranslation

from laurel.candidates import services as candidates
from laurel.candidates.models import ClaimInvitation, Placement
from laurel.candidates.services.scheduled import queue_reminder, tell_waiting_nominators
from laurel.nominations.models import Nomination
from laurel.notifications.models import OutgoingEmail
from tests.candidates.helpers import confirmed
from tests.nominations.helpers import MARIA, complete_post
from tests.scenarios import solved_payload
from tests.selection.helpers import announced_decision

pytestmark = pytest.mark.django_db
# English is the catalogues' source language: its texts are the code's own.
WATCHED = [code for code in settings.PUBLIC_LANGUAGES if code != "en"]
PUBLIC_EMAILS = {
    "nomination_draft",
    "nomination_submitted",
    "nomination_edited",
    "nomination_withdrawn",
    "organisation_invitation",
    "organisation_reminder",
    "organisation_answered",
    "candidate_ineligible",
}


@pytest.fixture
def untranslated(monkeypatch):
    """(language, text) of every lookup a watched language's catalogue could not answer."""
    missed: set[tuple[str, str]] = set()
    gettext, ngettext = DjangoTranslation.gettext, DjangoTranslation.ngettext

    def has(catalogue: DjangoTranslation, message: str) -> bool:
        found = catalogue._catalog.get(message)
        return found is not None or catalogue._catalog.get((message, 0)) is not None

    def watched_gettext(self, message):
        if self.language() in WATCHED and message and not has(self, message):
            missed.add((self.language(), message))
        return gettext(self, message)

    def watched_ngettext(self, singular, plural, number):
        if self.language() in WATCHED:
            try:
                self._catalog.plural(singular, number)
            except KeyError:
                missed.add((self.language(), singular))
        return ngettext(self, singular, plural, number)

    monkeypatch.setattr(DjangoTranslation, "gettext", watched_gettext)
    monkeypatch.setattr(DjangoTranslation, "ngettext", watched_ngettext)
    return missed


def address(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def nominate(client, cycle, language: str, settings, run_tasks) -> Nomination:
    """A nominator's whole journey in `language`: each page, each mistake, each email."""
    client.get(f"/{language}/")
    client.get(address("nominations:privacy", language))
    client.get(f"/{language}/no-such-page/")
    form = address("nominations:nominate", language)
    page = client.get(form).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    # Every field's own message: nothing filled in, then too much and the wrong things.
    assert client.post(form, {"token": token, "action": "review"}).status_code == 200
    wrong = complete_post(
        cycle, token, nominator_email="nora@", org_website="not a site", answer_1="x" * 2500
    )
    assert client.post(form, wrong | {"action": "save"}).status_code == 200
    # A draft with a child's details: saved (the private link by email), then reviewed.
    with_details = complete_post(cycle, token, preferred_language=language, answer_1=MARIA)
    client.post(form, with_details | {"action": "save"})
    manage = address("nominations:manage", language, token=token)
    review = address("nominations:review", language, token=token)
    assert client.get(manage).status_code == 200
    assert client.get(review).status_code == 200
    assert client.post(review, {"altcha": solved_payload(settings)}).status_code == 200
    # Corrected, submitted, confirmed from the email's link.
    client.post(manage, complete_post(cycle, token, preferred_language=language))
    client.post(review, {"altcha": solved_payload(settings)})
    assert client.get(address("nominations:submitted", language, token=token)).status_code == 200
    nomination = Nomination.objects.get(token_hash__gt="", preferred_language=language)
    run_tasks()
    link = rf"http://testserver(/{language}/nominate/confirm/\S+/)"
    confirm = next(re.search(link, m.body) for m in mail.outbox if re.search(link, m.body))
    assert client.get(confirm.group(1)).status_code == 200
    client.post(confirm.group(1))
    # Changed, then withdrawn (its confirmation step first).
    client.post(manage, complete_post(cycle, token, preferred_language=language, org_city="Lund"))
    client.post(review, {"action": "apply", "altcha": solved_payload(settings)})
    withdraw = address("nominations:withdraw", language, token=token)
    unticked = client.post(withdraw, {}, follow=True)  # back to the page, with its message
    assert unticked.status_code == 200
    client.post(withdraw, {"really": "yes"})
    return nomination


def organisation_answers(client, cycle, staff, language: str) -> None:
    """The organisation asked in `language`: its invitation, reminder, page, answers."""
    with translation.override("en"):  # staff's steps, in their own language
        token = ask(cycle, staff, language)
    page = address("candidates:claim", language, token=token)
    assert client.get(page).status_code == 200
    assert client.post(page, {"consent": "no"}).status_code == 200  # asked to confirm
    assert client.post(page, {"consent": "yes"}).status_code in (200, 302)
    with translation.override("en"):
        # Another candidate found ineligible: its nominator is told, in the nominator's language.
        other = confirmed(cycle, "Lost Cause", website="lost.example", language=language)
        lost = Placement.objects.get(nomination=other).candidate
        candidates.decide_eligibility(lost, eligible=False, reason="outside_theme", actor=staff)
        tell_waiting_nominators(cycle, candidate=lost)


def ask(cycle, staff, language: str) -> str:
    nomination = confirmed(cycle, "Trygga Nätet", website="trygga.se", language=language)
    candidate = Placement.objects.get(nomination=nomination).candidate
    token = candidates.invite_organisation(
        candidate,
        email="info@trygga.se",
        language=language,
        deadline=timezone.now() + timedelta(days=14),
        actor=staff,
    )
    queue_reminder(ClaimInvitation.objects.get(candidate=candidate))
    return token


def laureate_answers(client, cycle, staff, language: str, run_tasks) -> None:
    """A laureate's answer page and the laureates page, in `language`."""
    with translation.override("en"):  # staff's and the committee's steps
        decision = announced_decision(
            cycle,
            staff,
            texts=lambda name: ({"sv": f"Hyllning {name}.", "en": f"For {name}."},) * 2,
        )
        run_tasks()
    links = [m.body for m in mail.outbox if "/laureate/" in m.body]
    token = re.search(r"/laureate/([^/\s]+)/", links[0]).group(1)
    page = f"/{language}/laureate/{token}/"
    assert client.get(page).status_code == 200
    assert client.post(page, {"answer": "decline"}).status_code == 200  # asked to confirm
    assert client.post(page, {"answer": "accept"}).status_code == 200  # accepted, named nowhere
    assert client.get(address("selection:laureates", language)).status_code == 200
    assert decision.places.exists()


@pytest.mark.parametrize("language", WATCHED)
def test_every_public_page_and_email_is_in_the_pages_language(
    client, child10, staff_user, run_tasks, settings, untranslated, language
):
    nomination = nominate(client, child10, language, settings, run_tasks)
    organisation_answers(client, child10, staff_user, language)
    run_tasks()
    laureate_answers(client, child10, staff_user, language, run_tasks)

    missing = sorted(text for code, text in untranslated if code == language)
    assert missing == [], "\n".join(missing)
    # The public's emails went out in the language, each kind of them.
    sent = OutgoingEmail.objects.filter(language=language)
    assert set(sent.values_list("key", flat=True)) >= PUBLIC_EMAILS
    assert nomination.nominator_email in {email.to for email in sent}
