"""The decision letters one by one: whom each goes to and in which language, its text, and its
email in the outbox, written again from the letter whenever the letter changes.

The editable text (`Letter.body`) never holds a link: the catalogue template of each kind is
the frame around it, and the laureate's frame puts the private accept link after the text. So
an edit can neither break the link nor leak it, and preparing again (a new link) keeps the
text."""

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template import engines
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from laurel.accounts.enums import Role
from laurel.accounts.models import User
from laurel.candidates.models import Candidate
from laurel.core.services import record
from laurel.core.texts import money
from laurel.cycles.models import Cycle
from laurel.nominations.models import new_token
from laurel.notifications.enums import EmailState
from laurel.notifications.models import OutgoingEmail
from laurel.notifications.services import cancel_waiting, queue_email, render_email
from laurel.selection.enums import LetterKind, PlaceRole
from laurel.selection.models import Decision, Letter, Place
from laurel.selection.services.common import SelectionError

# Letters are written by staff, in the working languages; a contact who reads another gets the
# letter in the working language its country or nominations suggest (letter_language).
LANGUAGES = list(settings.WORKING_LANGUAGES)
# The editable text of each kind of letter, rendered in the recipient's language.
TEXTS: dict[str, str] = {
    LetterKind.LAUREATE: "selection/letter_texts/laureate.txt",
    LetterKind.RESERVE: "selection/letter_texts/reserve.txt",
    LetterKind.NOT_SELECTED: "selection/letter_texts/not_selected.txt",
    LetterKind.NOMINATOR: "selection/letter_texts/nominator.txt",
}


def batch_of(decision: Decision) -> str:
    return f"decision:{decision.cycle_id}"


def letter_language(candidate: Candidate) -> str:
    """The language of an organisation's letters: its contact's, else Swedish for a Swedish
    organisation, else the one language its nominations were written in, else English."""
    organisation = candidate.organisation
    if organisation.contact_language in LANGUAGES:
        return organisation.contact_language
    if (candidate.country or organisation.country) == "SE":
        return "sv"
    written = {language for language in candidate.languages if language in LANGUAGES}
    if len(written) == 1:
        return written.pop()
    return settings.LANGUAGE_CODE


def accept_url(token: str, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse("selection:answer", kwargs={"token": token})


def laureates_url(language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse("selection:laureates")


def prize(cycle: Cycle, language: str) -> str:
    return money(cycle.prize_amount, cycle.prize_currency, language)


def _context(letter: Letter, cycle: Cycle) -> dict[str, Any]:
    context = {
        "cycle": cycle,
        "candidate": letter.candidate,
        "prize": prize(cycle, letter.language),
    }
    if letter.kind == LetterKind.NOMINATOR:
        # The outcome is not in it: nothing about a laureate leaves before it accepts.
        context |= {
            "nomination": letter.nomination,
            "laureates_url": laureates_url(letter.language),
        }
    return context


def default_text(letter: Letter, cycle: Cycle) -> tuple[str, str]:
    """The subject and editable text of a letter as Laurel writes it, in its language."""
    context = _context(letter, cycle)
    template = engines["django"].from_string(
        "{% autoescape off %}{% include name %}{% endautoescape %}"
    )
    with translation.override(letter.language):
        body = template.render({**context, "name": TEXTS[letter.kind]}).strip()
    # The catalogue's subject; the link placeholders are harmless here (subjects hold none).
    subject, _text, _html = render_email(
        letter.kind, language=letter.language, context={**context, "body": body}
    )
    return subject, body


def write_email(letter: Letter, *, decision: Decision) -> OutgoingEmail:
    """(Re)write the letter's held email from the letter: the one before is cancelled with its
    link, and a laureate gets a new private link (the old one was never sent)."""
    if letter.email_id:
        cancel_waiting(OutgoingEmail.objects.filter(pk=letter.email_id), held_only=True)
    cycle = decision.cycle
    context = _context(letter, cycle) | {"subject": letter.subject, "body": letter.body}
    if letter.kind == LetterKind.LAUREATE:
        place = Place.objects.select_for_update().get(decision=decision, candidate=letter.candidate)
        token, place.token_hash = new_token()
        place.save(update_fields=["token_hash"])
        context |= {
            "accept_url": accept_url(token, letter.language),
            "respond_by": place.respond_by,
        }
    letter.email = queue_email(
        letter.kind,
        to=letter.to,
        language=letter.language,
        context=context,
        batch=batch_of(decision),
        not_before=decision.announce_at,
    )
    letter.save(update_fields=["email"])
    return letter.email


def _held(letter: Letter) -> Letter:
    letter = (
        Letter.objects.select_for_update(of=("self",))
        .select_related("decision__cycle", "candidate__organisation", "nomination", "email")
        .get(pk=letter.pk)
    )
    if letter.email is None or letter.email.state != EmailState.HELD:
        raise SelectionError(_("This letter has left the outbox: it cannot change."))
    return letter


@transaction.atomic
def edit_letter(letter: Letter, *, subject: str, body: str, actor: User) -> Letter:
    """Staff change a letter's text by hand: it is kept when the letters are prepared again."""
    letter = _held(letter)
    letter.subject = " ".join(subject.split())[:300]
    letter.body = body.strip()
    letter.edited, letter.edited_by, letter.edited_at = True, actor, timezone.now()
    letter.save(update_fields=["subject", "body", "edited", "edited_by", "edited_at"])
    write_email(letter, decision=letter.decision)
    record(
        "decision.letter_edited", actor=actor, subject=letter.decision, data={"letter": letter.pk}
    )
    return letter


@transaction.atomic
def readdress_letter(letter: Letter, *, to: str, language: str, actor: User) -> Letter:
    """Staff send one letter to another address or in the other language. A new language
    writes the text again in it (hand edits in the old language go)."""
    letter = _held(letter)
    if language not in LANGUAGES:
        raise SelectionError(_("Letters are written in Swedish or English."))
    changed = {"to": letter.to != to.strip().lower(), "language": letter.language != language}
    letter.to, letter.language = to.strip().lower(), language
    if changed["language"]:
        letter.subject, letter.body = default_text(letter, letter.decision.cycle)
        letter.edited = False
    letter.readdressed, letter.edited_by, letter.edited_at = True, actor, timezone.now()
    letter.save(
        update_fields=[
            "to", "language", "subject", "body", "edited", "readdressed", "edited_by", "edited_at"
        ]
    )  # fmt: skip
    write_email(letter, decision=letter.decision)
    record(
        "decision.letter_readdressed",
        actor=actor,
        subject=letter.decision,
        data={"letter": letter.pk, "changed": sorted(k for k, v in changed.items() if v)},
    )
    return letter


def respond_by_all(decision: Decision, respond_by: datetime) -> None:
    decision.places.filter(role=PlaceRole.LAUREATE).update(respond_by=respond_by)


def tell_staff(place: Place, *, accepted: bool) -> int:
    """Every active staff member hears that a laureate answered, in their own language, with the
    link to the final selection (where a declined place is offered to a reserve). The email
    names the organisation and the answer only. Returns how many were queued."""
    cycle = place.decision.cycle
    staff = (
        User.objects.filter(is_active=True, role_grants__role=Role.STAFF).distinct().order_by("pk")
    )
    for user in staff:
        with translation.override(user.language):
            url = f"{settings.SITE_URL}{reverse('selection:decision')}?cycle={cycle.slug}"
        queue_email(
            "laureate_answered",
            to=user.email,
            language=user.language,
            context={
                "cycle": cycle,
                "candidate": place.candidate,
                "accepted": accepted,
                "url": url,
            },
        )
    return len(staff)
