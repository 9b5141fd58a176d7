"""Decision letters through the outbox, released together at the announcement (the embargo),
and the laureate's answer through the private link in its letter."""

from collections.abc import Iterator
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.candidates.enums import CandidateState
from laurel.candidates.models import Candidate
from laurel.core.services import ServiceError, record, transition
from laurel.cycles.phases import allows, require_phase, stored_phase
from laurel.nominations.enums import COUNTING_STATES
from laurel.nominations.models import Nomination, hash_token, new_token
from laurel.notifications.enums import EmailState
from laurel.notifications.models import OutgoingEmail
from laurel.notifications.services import cancel_waiting, queue_email, release_batch
from laurel.selection import enums
from laurel.selection.enums import AmendmentKind, Answer, DecisionState, LetterKind, PlaceRole
from laurel.selection.models import Decision, Letter, Place
from laurel.selection.services.amending import record_amendment
from laurel.selection.services.common import SelectionError
from laurel.selection.services.lettering import (
    LANGUAGES,
    accept_url,
    batch_of,
    default_text,
    letter_language,
    tell_staff,
    write_email,
)
from laurel.selection.services.lettering import prize as _prize
from laurel.selection.signals import MediaConsent, award_answered


def letters(decision: Decision) -> QuerySet[OutgoingEmail]:
    """The decision's letters' emails, those offering a declined place to a reserve included."""
    batch = batch_of(decision)
    return OutgoingEmail.objects.filter(Q(batch=batch) | Q(batch__startswith=f"{batch}:")).order_by(
        "key", "to", "id"
    )


def _contact(candidate: Candidate) -> tuple[str, str]:
    """Where the organisation hears from us: the contact staff keep on the candidate's page
    (else the address it answered its consent link from), in its letters' language."""
    email = candidate.organisation.contact_email
    if not email:
        claim = candidate.claims.exclude(used_at=None).order_by("-used_at").first()
        email = claim.email if claim else ""
    return email, letter_language(candidate)


def _about(decision: Decision) -> list[tuple[str, Candidate]]:
    """Every organisation the decision writes to: (kind of letter, candidate)."""
    places = decision.places.filter(
        role__in=[PlaceRole.LAUREATE, PlaceRole.RESERVE]
    ).select_related("candidate__organisation")
    kinds: dict[str, LetterKind] = {
        PlaceRole.LAUREATE: LetterKind.LAUREATE,
        PlaceRole.RESERVE: LetterKind.RESERVE,
    }
    about: list[tuple[str, Candidate]] = [(kinds[place.role], place.candidate) for place in places]
    placed = {candidate.pk for _kind, candidate in about}
    considered = Candidate.objects.filter(
        cycle_id=decision.cycle_id, state=CandidateState.ELIGIBLE, ready_for_committee=True
    ).select_related("organisation")
    about += [(LetterKind.NOT_SELECTED, c) for c in considered if c.pk not in placed]
    return about


def without_contact(decision: Decision) -> dict[str, list[str]]:
    """The organisations that get no letter for want of a contact address, by kind of letter
    (staff add the contact on the candidate's page, then prepare the letters again)."""
    missing: dict[str, list[str]] = {}
    for kind, candidate in _about(decision):
        if not _contact(candidate)[0]:
            missing.setdefault(kind, []).append(candidate.name)
    return {kind: sorted(names) for kind, names in missing.items()}


def _nominators(decision: Decision) -> Iterator[tuple[Nomination, str, str]]:
    """(nomination, address, language) for each nominator of a considered candidate, once per
    candidate and address."""
    told = set()
    nominations = Nomination.objects.filter(
        placement__candidate__cycle_id=decision.cycle_id,
        placement__candidate__state=CandidateState.ELIGIBLE,
        placement__candidate__ready_for_committee=True,
        state__in=COUNTING_STATES,
    ).select_related("placement__candidate__organisation")
    for nomination in nominations.order_by("id"):
        key = (nomination.nominator_email.lower(), nomination.placement.candidate_id)
        if not nomination.nominator_email or key in told:
            continue
        told.add(key)
        language = nomination.preferred_language or nomination.language
        yield (
            nomination,
            nomination.nominator_email,
            (language if language in LANGUAGES else settings.LANGUAGE_CODE),
        )


@transaction.atomic
def prepare_letters(
    decision: Decision,
    *,
    announce_at: datetime,
    respond_by: datetime,
    actor: User,
    discard_edits: bool = False,
) -> dict[str, int]:
    """Write every decision letter into the outbox, held until release and never sent before
    `announce_at`: to each laureate, reserve and candidate not selected that has a contact, in
    its language, and to each nominator. Preparing again writes them anew, but a letter staff
    edited keeps its text (and one they readdressed its recipient and language) unless
    `discard_edits`. Organisations without a contact get none: `without_contact` names them."""
    require_phase(decision.cycle_id, "letters")
    decision = Decision.objects.select_for_update().select_related("cycle").get(pk=decision.pk)
    cycle = decision.cycle
    if decision.state != DecisionState.LOCKED:
        raise SelectionError(
            _("Letters are written once the chair has locked the decision, and only once sent.")
        )
    if respond_by <= announce_at:
        raise SelectionError(_("The answer-by date must come after the announcement."))
    decision.announce_at = announce_at
    decision.save(update_fields=["announce_at"])
    decision.places.filter(role=PlaceRole.LAUREATE).update(respond_by=respond_by)
    # Their accept links go with them.
    cancel_waiting(OutgoingEmail.objects.filter(batch=batch_of(decision)), held_only=True)
    wanted: list[tuple[str, Candidate, Nomination | None, str, str]] = []
    for kind, candidate in _about(decision):
        email, language = _contact(candidate)
        if email:
            wanted.append((kind, candidate, None, email, language))
    for nominated, email, language in _nominators(decision):
        candidate = nominated.placement.candidate
        wanted.append((LetterKind.NOMINATOR, candidate, nominated, email, language))
    existing = {
        (letter.kind, letter.candidate_id, letter.nomination_id): letter
        for letter in decision.letters.all()
    }
    counts = dict.fromkeys(LetterKind.values, 0)
    kept = 0
    for kind, candidate, nomination, email, language in wanted:
        key = (kind, candidate.pk, nomination.pk if nomination else None)
        letter = existing.pop(key, None)
        if letter is None or discard_edits:
            letter = letter or Letter(decision=decision, kind=kind, nomination=nomination)
            letter.edited = letter.readdressed = False
        letter.candidate = candidate  # with its organisation, already loaded
        if not letter.readdressed:
            letter.to = email
            letter.language = letter.language if letter.edited else language
        if letter.edited:
            kept += 1
        else:
            letter.subject, letter.body = default_text(letter, cycle)
        letter.email = None
        letter.save()
        write_email(letter, decision=decision)
        counts[kind] += 1
    Letter.objects.filter(pk__in=[letter.pk for letter in existing.values()]).delete()
    record(
        "decision.letters_prepared",
        actor=actor,
        subject=decision,
        data={**counts, "edits_kept": kept, "edits_discarded": discard_edits},
    )
    return counts


def held_by_kind(decision: Decision) -> dict[str, int]:
    """How many letters of each kind wait to be released."""
    held = dict.fromkeys(LetterKind.values, 0)
    emails = OutgoingEmail.objects.filter(batch=batch_of(decision), state=EmailState.HELD)
    for key in emails.values_list("key", flat=True):
        held[key] = held.get(key, 0) + 1
    return held


@transaction.atomic
def release_letters(decision: Decision, *, actor: User) -> int:
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
    decision.announced_at = timezone.now()
    transition(
        decision, DecisionState.ANNOUNCED, enums.DECISION_TRANSITIONS, key="decision.announced",
        actor=actor, fields=["announced_at"], data={"letters": released},
    )  # fmt: skip
    return released


class AnswerRefused(ServiceError):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # unknown, answered, expired


def find_place(token: str) -> Place:
    place = (
        Place.objects.select_related("candidate", "decision__cycle")
        .filter(token_hash=hash_token(token), role=PlaceRole.LAUREATE)
        .exclude(token_hash="")
        .first()
    )
    if place is None or place.decision.state != DecisionState.ANNOUNCED:
        raise AnswerRefused("unknown")
    if place.answer:
        raise AnswerRefused("answered")
    if place.respond_by and place.respond_by <= timezone.now():
        raise AnswerRefused("expired")
    if not allows(stored_phase(place.decision.cycle_id), "answer"):
        raise AnswerRefused("expired")  # the cycle is archived: too late to answer
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
    tell_staff(place, accepted=accept)
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
    actor: User,
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
    if declined.role != PlaceRole.LAUREATE or not (declined.answer == Answer.DECLINED or silent):
        raise SelectionError(
            _("Only a laureate that declined, or did not answer in time, leaves a place to offer.")
        )
    if reserve.role != PlaceRole.RESERVE or reserve.decision_id != decision.pk:
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
    declined.role = PlaceRole.DECLINED
    declined.save(update_fields=["role"])
    token, reserve.token_hash = new_token()
    reserve.role, reserve.position, reserve.respond_by = PlaceRole.LAUREATE, position, respond_by
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
