"""Decision letters through the outbox, released together at the announcement (the embargo),
and the laureate's answer through the private link in its letter."""

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from laurel.candidates.enums import CandidateState
from laurel.candidates.models import Candidate
from laurel.core.services import record
from laurel.cycles.phases import allows, require_phase, stored_phase
from laurel.nominations.enums import COUNTING_STATES
from laurel.nominations.models import Nomination, hash_token, new_token
from laurel.notifications.enums import EmailState
from laurel.notifications.models import OutgoingEmail
from laurel.notifications.services import queue_email, release_batch
from laurel.selection.enums import AmendmentKind, Answer, DecisionState, LetterKind, Role
from laurel.selection.models import Decision, Place
from laurel.selection.services.amending import record_amendment
from laurel.selection.services.common import SelectionError
from laurel.selection.signals import MediaConsent, award_answered


def batch_of(decision: Decision) -> str:
    return f"decision:{decision.cycle_id}"


def letters(decision: Decision):
    """The decision's letters, those offering a declined place to a reserve included."""
    batch = batch_of(decision)
    return OutgoingEmail.objects.filter(Q(batch=batch) | Q(batch__startswith=f"{batch}:")).order_by(
        "key", "to", "id"
    )


def _contact(candidate: Candidate) -> tuple[str, str]:
    """Where the organisation hears from us: its contact, or the address it answered from."""
    claim = candidate.claims.exclude(used_at=None).order_by("-used_at").first()
    email = candidate.organisation.contact_email or (claim.email if claim else "")
    language = claim.language if claim else settings.LANGUAGE_CODE
    return email, language


def accept_url(token: str, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse("selection:answer", kwargs={"token": token})


def laureates_url(language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse("selection:laureates")


def _prize(cycle, language: str) -> str:
    with translation.override(language):
        amount = formats.number_format(cycle.prize_amount, force_grouping=True)
    return f"{amount} {cycle.prize_currency}"


@transaction.atomic
def prepare_letters(
    decision: Decision, *, announce_at: datetime, respond_by: datetime, actor: Any
) -> dict[str, int]:
    """Write every decision letter into the outbox, held until release and never sent before
    `announce_at`. Preparing again replaces the letters still held."""
    require_phase(decision.cycle_id, "letters")
    decision = Decision.objects.select_for_update().select_related("cycle").get(pk=decision.pk)
    cycle = decision.cycle
    if decision.state != DecisionState.LOCKED:
        raise SelectionError(
            _("Letters are written once the chair has locked the decision, and only once sent.")
        )
    if respond_by <= announce_at:
        raise SelectionError(_("The answer-by date must come after the announcement."))
    places = {p.candidate_id: p for p in decision.places.select_related("candidate__organisation")}
    missing = [p.candidate.name for p in places.values() if not _contact(p.candidate)[0]]
    if missing:
        raise SelectionError(
            _("No contact email for %(names)s: add it on the candidate's page first.")
            % {"names": ", ".join(sorted(missing))}
        )
    batch = batch_of(decision)
    OutgoingEmail.objects.filter(batch=batch, state=EmailState.HELD).update(
        state=EmailState.CANCELLED,
        links="",  # their accept links go with them
    )
    counts = dict.fromkeys(LetterKind.values, 0)

    def send(kind: str, to: str, language: str, **context) -> None:
        queue_email(
            kind,
            to=to,
            language=language,
            context={"cycle": cycle, **context},
            batch=batch,
            not_before=announce_at,
        )
        counts[kind] += 1

    for place in places.values():
        email, language = _contact(place.candidate)
        if place.role == Role.LAUREATE:
            token, place.token_hash = new_token()
            place.respond_by = respond_by
            place.save(update_fields=["token_hash", "respond_by"])
            send(
                LetterKind.LAUREATE,
                email,
                language,
                candidate=place.candidate,
                accept_url=accept_url(token, language),
                respond_by=respond_by,
                prize=_prize(cycle, language),
            )
        else:
            send(LetterKind.RESERVE, email, language, candidate=place.candidate)
    considered = Candidate.objects.filter(
        cycle=cycle, state=CandidateState.ELIGIBLE, ready_for_committee=True
    ).select_related("organisation")
    for candidate in considered:
        if candidate.pk in places:
            continue
        email, language = _contact(candidate)
        if email:
            send(LetterKind.NOT_SELECTED, email, language, candidate=candidate)
    told = set()
    nominations = Nomination.objects.filter(
        placement__candidate__in=considered, state__in=COUNTING_STATES
    ).select_related("placement__candidate")
    for nomination in nominations.order_by("id"):
        candidate = nomination.placement.candidate
        key = (nomination.nominator_email.lower(), candidate.pk)
        if not nomination.nominator_email or key in told:
            continue
        told.add(key)
        language = nomination.preferred_language or nomination.language or settings.LANGUAGE_CODE
        place = places.get(candidate.pk)
        send(
            LetterKind.NOMINATOR,
            nomination.nominator_email,
            language,
            nomination=nomination,
            candidate=candidate,
            outcome="laureate" if place and place.role == Role.LAUREATE else "other",
            laureates_url=laureates_url(language),
        )
    decision.announce_at = announce_at
    decision.save(update_fields=["announce_at"])
    record("decision.letters_prepared", actor=actor, subject=decision, data=counts)
    return counts


@transaction.atomic
def release_letters(decision: Decision, *, actor: Any) -> int:
    """Send every held letter and announce the decision: not before the announcement. The
    laureates page then names each laureate once it has accepted and consented to be named
    (queries.announced_laureates), never at this moment."""
    require_phase(decision.cycle_id, "letters")
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if decision.state != DecisionState.LOCKED or decision.announce_at is None:
        raise SelectionError(_("Prepare the letters of a locked decision first."))
    if timezone.now() < decision.announce_at:
        raise SelectionError(
            _("The announcement is set for %(when)s: the letters cannot leave before then.")
            % {
                "when": formats.date_format(
                    timezone.localtime(decision.announce_at, decision.cycle.zone),
                    "DATETIME_FORMAT",
                )
            }
        )
    released = release_batch(batch_of(decision), actor=actor)
    if not released:
        raise SelectionError(_("There are no letters waiting: prepare them first."))
    decision.state = DecisionState.ANNOUNCED
    decision.announced_at = timezone.now()
    decision.save(update_fields=["state", "announced_at"])
    record("decision.announced", actor=actor, subject=decision, data={"letters": released})
    return released


class AnswerRefused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # unknown, answered, expired


def find_place(token: str) -> Place:
    place = (
        Place.objects.select_related("candidate", "decision__cycle")
        .filter(token_hash=hash_token(token), role=Role.LAUREATE)
        .exclude(token_hash="")
        .first()
    )
    if place is None or place.decision.state != DecisionState.ANNOUNCED:
        raise AnswerRefused("unknown")
    if place.answer:
        raise AnswerRefused("answered")
    if place.respond_by and place.respond_by <= timezone.now():
        raise AnswerRefused("expired")
    return place


@transaction.atomic
def answer_award(token: str, *, accept: bool, consent: MediaConsent | None = None) -> Place:
    """The laureate accepts or declines, once, by the answer-by date. With an acceptance comes
    what may be published (`consent`), kept in the same transaction: a laureate is named in
    public only once both are given (queries.announced_laureates)."""
    place = find_place(token)
    if not allows(stored_phase(place.decision.cycle_id), "answer"):
        raise AnswerRefused("expired")  # the cycle is archived: too late to answer
    place = Place.objects.select_for_update().select_related("candidate").get(pk=place.pk)
    if place.answer:
        raise AnswerRefused("answered")
    place.answer = Answer.ACCEPTED if accept else Answer.DECLINED
    place.answered_at = timezone.now()
    place.save(update_fields=["answer", "answered_at"])
    email, language = _contact(place.candidate)
    award_answered.send(
        sender=Place,
        place=place,
        accepted=accept,
        email=email,
        language=language,
        consent=consent if accept else None,
    )
    record(
        "laureate.accepted" if accept else "laureate.declined",
        subject=place.candidate,
        summary=place.candidate.name,
    )
    if not accept:
        # A decline changes the locked decision: an amendment, signed by the private link.
        record_amendment(
            place.decision,
            kind=AmendmentKind.LAUREATE_DECLINED,
            place=place,
            reason=_("The laureate declined the award on its letter's private page."),
            actor=None,
        )
    return place


@transaction.atomic
def offer_place(
    declined: Place,
    *,
    reserve: Place,
    respond_by: datetime,
    reason: str,
    citation: dict[str, str],
    summary: dict[str, str],
    actor: Any,
) -> Place:
    """A laureate declined: the reserve takes its place, and gets its laureate letter now. The
    change is an amendment to the locked decision, with its reason and the reserve's citation
    and description in Swedish and English (amending.record_amendment)."""
    require_phase(declined.decision.cycle_id, "letters")
    decision = (
        Decision.objects.select_for_update().select_related("cycle").get(pk=declined.decision_id)
    )
    declined = Place.objects.select_for_update().select_related("candidate").get(pk=declined.pk)
    reserve = (
        Place.objects.select_for_update()
        .select_related("candidate__organisation")
        .get(pk=reserve.pk)
    )
    if decision.state != DecisionState.ANNOUNCED:
        raise SelectionError(_("A place is offered again only after the announcement."))
    silent = not declined.answer and declined.respond_by and declined.respond_by <= timezone.now()
    if declined.role != Role.LAUREATE or not (declined.answer == Answer.DECLINED or silent):
        raise SelectionError(
            _("Only a laureate that declined, or did not answer in time, leaves a place to offer.")
        )
    if reserve.role != Role.RESERVE or reserve.decision_id != decision.pk:
        raise SelectionError(_("Choose a reserve of this decision."))
    if respond_by <= timezone.now():
        raise SelectionError(_("The answer-by date must be in the future."))
    email, language = _contact(reserve.candidate)
    if not email:
        raise SelectionError(
            _("No contact email for %(names)s: add it on the candidate's page first.")
            % {"names": reserve.candidate.name}
        )
    position = declined.position
    declined.role = Role.DECLINED
    declined.save(update_fields=["role"])
    token, reserve.token_hash = new_token()
    reserve.role, reserve.position, reserve.respond_by = Role.LAUREATE, position, respond_by
    reserve.save(update_fields=["role", "position", "token_hash", "respond_by"])
    record_amendment(
        decision,
        kind=AmendmentKind.RESERVE_PROMOTED,
        place=declined,
        incoming=reserve,
        reason=reason,
        citation=citation,
        summary=summary,
        actor=actor,
    )
    letter = queue_email(
        LetterKind.LAUREATE,
        to=email,
        language=language,
        context={
            "cycle": decision.cycle,
            "candidate": reserve.candidate,
            "accept_url": accept_url(token, language),
            "respond_by": respond_by,
            "prize": _prize(decision.cycle, language),
        },
        batch=f"{batch_of(decision)}:offer:{reserve.pk}",
    )
    release_batch(letter.batch, actor=actor)
    record(
        "decision.place_offered",
        actor=actor,
        subject=decision,
        summary=f"{declined.candidate.name} → {reserve.candidate.name}",
        data={"declined": declined.candidate_id, "offered": reserve.candidate_id},
    )
    return reserve
