"""What the nomination services share: the refusals, the state moves, versions, emails, the
lock for a change, stored documents and the state a nominator is told."""

from collections.abc import Sequence
from datetime import timedelta
from typing import Any, Protocol

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from laurel.core.limits import NOMINATION_DOCUMENTS
from laurel.core.ratelimit import over_limit
from laurel.core.services import ServiceError, TransitionRefused, enqueue, transition
from laurel.cycles.models import Cycle
from laurel.cycles.phases import allows
from laurel.nominations.enums import (
    ALLOWED_TRANSITIONS,
    EDITABLE_STATES,
    NominationState,
    VersionKind,
)
from laurel.nominations.language import detect_language
from laurel.nominations.models import (
    DATA_FIELDS,
    Attachment,
    LateSubmissionCode,
    Nomination,
    NominationVersion,
    hash_token,
    new_token,
)
from laurel.nominations.safeguarding import scan
from laurel.notifications.models import OutgoingEmail
from laurel.notifications.services import cancel_waiting, queue_email

LAPSE = "laurel.nominations.tasks.lapse_if_unconfirmed"
MAX_ATTACHMENTS = NOMINATION_DOCUMENTS


class Gate(Protocol):
    """What the caller adds to a save or a submission, asked inside the service's transaction
    (so that what it counts commits, or rolls back, with what it admits). The web form's is
    `nominations.gate.RequestGate`; imports, the demo and tests pass a `Held`."""

    def admit(self) -> None:
        """Refuse a save by raising (TooManySaves); return to let it go on."""

    def hold_reason(self, nomination: Nomination) -> str:
        """Why a submission or a change waits for staff before it counts; "" for none."""


class Held:
    """A gate that admits every save and holds every submission for `reason` ("" holds none)."""

    def __init__(self, reason: str = ""):
        self.reason = reason

    def admit(self) -> None:
        return None

    def hold_reason(self, nomination: Nomination) -> str:
        return self.reason


OPEN = Held()


REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


class NominationsClosed(ServiceError):
    """The deadline has passed (or the call has not opened)."""


class NotEditable(TransitionRefused):
    """The nomination is in a state that does not allow this."""

    text = _("This nomination can no longer be changed.")


class TooManySaves(ServiceError):
    """Too many saves from one address in an hour (the gate refused; nothing was written)."""


class Incomplete(ServiceError):
    """The draft was not last saved from a form that passed the submission checks."""


def is_open(cycle: Cycle, *, late_code: LateSubmissionCode | None = None) -> bool:
    """Whether nominations are accepted now, in the cycle's time zone; a late code extends the
    deadline, never the phase: once staff have moved the cycle on, no code reopens it."""
    if cycle.nominations_are_open:
        return True
    now = timezone.now()
    return bool(
        late_code
        and allows(cycle.phase, "nominate")
        and late_code.cycle_id == cycle.pk
        and late_code.used_at is None
        and late_code.valid_until >= now
        and now >= cycle.nominations_open_at
    )


def private_url(nomination: Nomination, token: str, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse("nominations:manage", kwargs={"token": token})


def _email_context(nomination: Nomination, token: str) -> dict[str, Any]:
    language = nomination.preferred_language or nomination.language
    return {
        "nomination": nomination,
        "cycle": nomination.cycle,
        "private_url": private_url(nomination, token, language),
    }


def held_batch(nomination: Nomination) -> str:
    """The outbox batch of a held nomination's emails, released with the nomination."""
    return f"nomination:{nomination.pk}"


def over_email_limit(address: str) -> bool:
    """Count one nomination email to `address`; whether it is past the hourly limit. The form
    takes any address, so without a limit it would be a relay to someone else's inbox."""
    limit = settings.NOMINATION_EMAILS_PER_ADDRESS
    return over_limit("nomination-email-to", address, limit=limit, window=3600)


def _send(key: str, nomination: Nomination, context: dict[str, Any]) -> bool:
    """Queue a nomination email to the address the nominator typed; whether it was queued.

    The emails hold no text the nominator typed (only our own text, the reference and links),
    so the form cannot write to a stranger. A held nomination's emails wait with it for staff;
    past the hourly limit for its address nothing is queued (`email_withheld` says so).
    """
    trapped = nomination.state == NominationState.DRAFT and nomination.moderation_reason
    if nomination.held_for_moderation or trapped:
        return False
    if over_email_limit(nomination.nominator_email):
        nomination.email_withheld = True
        return False
    queue_email(
        key,
        to=nomination.nominator_email,
        language=nomination.preferred_language or nomination.language,
        context=context,
    )
    return True


def _apply(nomination: Nomination, data: dict[str, Any]) -> None:
    if nomination.question_answers and "question_answers" in data:
        # An answer to a question no longer asked (retired) stays: the form has no field for it.
        asked = {q.key for q in nomination.cycle.asked_questions() if not q.retired}
        kept = {k: v for k, v in nomination.question_answers.items() if k not in asked}
        data = {**data, "question_answers": {**kept, **data["question_answers"]}}
    for name in DATA_FIELDS:
        if name in data:
            setattr(nomination, name, data[name])


# What a draft save changes: the nominator's fields and the draft's own state.
DRAFT_FIELDS = [
    *DATA_FIELDS, "unchecked", "language", "complete", "moderation_reason", "updated_at"
]  # fmt: skip


class StorageFull(ServiceError):
    """An uploaded file could not be written (the disk is full, or the storage failed): nothing
    of it is kept, and the transaction around it rolls back."""


def _scan(nomination: Nomination) -> None:
    texts = nomination.free_texts()
    nomination.safeguarding_flags = [finding.as_flag() for finding in scan(texts)]
    nomination.answer_languages = {
        number: detect_language(text) for number, text in nomination.answers.items()
    }


def _version(
    nomination: Nomination, kind: VersionKind, documents: Sequence[Attachment] | None = None
) -> NominationVersion:
    """`documents`: the nomination's attachments where the caller has read them already."""
    # A draft has no versions: submitting it makes the first (one statement fewer on the rush).
    first = kind == VersionKind.SUBMITTED
    number = 1 if first else nomination.versions.count() + 1
    data = nomination.data()
    data["attachments"] = (
        [document.sha256 for document in documents]
        if documents is not None
        else list(nomination.attachments.values_list("sha256", flat=True))
    )
    return NominationVersion.objects.create(
        nomination=nomination, number=number, kind=kind, data=data
    )


def _move(
    nomination: Nomination,
    state: NominationState,
    *,
    key: str,
    fields: Sequence[str] = (),
    data: dict[str, Any] | None = None,
) -> None:
    """The nomination's state machine (enums.ALLOWED_TRANSITIONS): its audit entry is summed
    up by the reference, and nobody signed in moves a nomination (its nominator has no
    account)."""
    transition(
        nomination, state, ALLOWED_TRANSITIONS, key=key, actor=None, fields=fields,
        summary=nomination.reference or "", data=data, refused=NotEditable,
    )  # fmt: skip


def _lapse_later(nomination: Nomination) -> None:
    days = timedelta(days=settings.NOMINATION_CONFIRM_DAYS)
    enqueue(LAPSE, nomination.pk, run_after=timezone.now() + days)


@transaction.atomic
def lapse_if_unconfirmed(nomination_id: int) -> str:
    """When the confirmation period ends: a nomination still unconfirmed lapses."""
    nomination = Nomination.objects.select_for_update().filter(pk=nomination_id).first()
    if nomination is None or nomination.state != NominationState.SUBMITTED:
        return "kept"
    _move(nomination, NominationState.LAPSED, key="nomination.lapsed")
    return "lapsed"


def find_by_token(token: str) -> Nomination | None:
    return Nomination.objects.select_related("cycle").filter(token_hash=hash_token(token)).first()


def _lock_for_change(nomination: Nomination) -> Nomination:
    """The nomination, locked, if the nominator may still change it; else why not."""
    nomination = (
        Nomination.objects.select_for_update().select_related("cycle").get(pk=nomination.pk)
    )
    if nomination.state not in EDITABLE_STATES:
        raise NotEditable(nomination)
    if not nomination.cycle.nominations_are_open:
        raise NominationsClosed
    return nomination


EMAIL_CORRECTIONS_PER_DAY = 3


class TooManyCorrections(ServiceError):
    """The address of this nomination was corrected too often today."""


def _confirmation_context(nomination: Nomination, token: str, confirm_token: str) -> dict[str, Any]:
    """What the confirmation email needs: its link, in the nominator's language, and its days."""
    language = nomination.preferred_language or nomination.language
    with translation.override(language):
        confirm_url = settings.SITE_URL + reverse(
            "nominations:confirm", kwargs={"token": confirm_token}
        )
    context = _email_context(nomination, token)
    context.update(confirm_url=confirm_url, confirm_days=settings.NOMINATION_CONFIRM_DAYS)
    return context


def _send_new_confirmation(nomination: Nomination, token: str) -> None:
    """A new confirmation link, to the nomination's (corrected) address; the old one stops
    working. A held nomination's held confirmation is replaced by one to the new address."""
    email = nomination.nominator_email
    nomination.resume_sent_to = email
    confirm_token, nomination.confirm_token_hash = new_token()
    nomination.save(update_fields=["resume_sent_to", "confirm_token_hash", "updated_at"])
    language = nomination.preferred_language or nomination.language
    context = _confirmation_context(nomination, token, confirm_token)
    if nomination.held_for_moderation:
        cancel_waiting(OutgoingEmail.objects.filter(batch=held_batch(nomination)), held_only=True)
        queue_email(
            "nomination_submitted",
            to=email,
            language=language,
            context=context,
            batch=held_batch(nomination),
            hold=True,
        )
    elif over_email_limit(email):
        nomination.email_withheld = True
    else:
        queue_email("nomination_submitted", to=email, language=language, context=context)


def find_by_confirm_token(token: str) -> Nomination | None:
    return (
        Nomination.objects.select_related("cycle")
        .filter(confirm_token_hash=hash_token(token))
        .first()
    )


def public_status(nomination: Nomination) -> str:
    """What is true of the nomination, in the nominator's words: draft, held (waits for a check
    by the secretariat before it counts), unconfirmed (waits for the email confirmation),
    counts, withdrawn or lapsed. Never which signal held it."""
    if nomination.state == NominationState.DRAFT:
        return "draft"
    if nomination.state in {NominationState.WITHDRAWN, NominationState.LAPSED}:
        return nomination.state
    if nomination.held_for_moderation:
        return "held"
    if nomination.state == NominationState.SUBMITTED:
        return "unconfirmed"
    return "counts"
