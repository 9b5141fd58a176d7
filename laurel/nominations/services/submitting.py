"""A nomination's way in: the draft, its documents, submission, confirmation by email, release
from moderation, late-submission codes."""

import secrets
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from laurel.accounts.models import User
from laurel.core.services import record
from laurel.cycles.models import Cycle
from laurel.nominations.enums import (
    NominationState,
    VersionKind,
)
from laurel.nominations.models import (
    Attachment,
    LateSubmissionCode,
    Nomination,
    hash_token,
    new_token,
)
from laurel.nominations.services.common import (
    DRAFT_FIELDS,
    OPEN,
    REFERENCE_ALPHABET,
    Gate,
    Incomplete,
    NominationsClosed,
    NotEditable,
    _apply,
    _confirmation_context,
    _email_context,
    _lapse_later,
    _move,
    _scan,
    _send,
    _version,
    held_batch,
    is_open,
    over_email_limit,
)
from laurel.nominations.services.documents import (
    add_attachments,
    delete_attachment,
    drop_unasked_files,
    forget_answer_file,
    settle_answer_files,
)
from laurel.nominations.signals import nomination_confirmed
from laurel.nominations.uploads import CheckedUpload
from laurel.notifications.services import queue_email, release_batch


def _fill_draft(
    nomination: Nomination, data: dict[str, Any], *, language: str, complete: bool, honeypot: bool
) -> None:
    _apply(nomination, data)
    nomination.unchecked = data.get("unchecked") or {}
    nomination.language = language
    nomination.complete = complete
    if honeypot:
        nomination.moderation_reason = "honeypot"


@transaction.atomic
def save_draft(
    cycle: Cycle,
    *,
    token: str,
    data: dict[str, Any],
    language: str,
    uploads: Sequence[tuple[Any, CheckedUpload]] = (),
    late_code: LateSubmissionCode | None = None,
    honeypot: bool = False,
    send_resume_link: bool = True,
    complete: bool = False,
    gate: Gate = OPEN,
) -> tuple[Nomination, bool]:
    """Create or update the draft behind `token`; returns it and whether it was created.

    Saving the same token twice (a double click, a retried request, two tabs) updates one draft.
    A nomination already submitted is returned unchanged, with NotEditable. The `gate` admits
    the save first, in this transaction; what it raises (TooManySaves) refuses it.
    """
    gate.admit()
    if not is_open(cycle, late_code=late_code):
        raise NominationsClosed
    token_hash = hash_token(token)
    nomination = Nomination.objects.select_for_update().filter(token_hash=token_hash).first()
    created = False
    before: list[str] = []
    if nomination is None:
        # The first save writes the whole draft in one INSERT; a second request racing with
        # the same token finds the row the first one made and updates it instead.
        fresh = Nomination(cycle=cycle, token_hash=token_hash)
        _fill_draft(fresh, data, language=language, complete=complete, honeypot=honeypot)
        try:
            with transaction.atomic():
                fresh.save(force_insert=True)
            nomination, created = fresh, True
        except IntegrityError:
            nomination = Nomination.objects.select_for_update().get(token_hash=token_hash)
    if not created:
        if nomination.cycle_id != cycle.pk or nomination.state != NominationState.DRAFT:
            raise NotEditable(nomination)
        before = list(nomination.question_answers or {})
        _fill_draft(nomination, data, language=language, complete=complete, honeypot=honeypot)
        nomination.save(update_fields=DRAFT_FIELDS)
    if uploads:
        add_attachments(nomination, uploads)
    settle_answer_files(nomination, data, before=before)
    if created:
        record("nomination.started", subject=nomination)
    email = nomination.nominator_email
    # Only on an explicit save: an autosave may catch an address half typed.
    if send_resume_link and email and nomination.resume_sent_to != email:
        nomination.resume_sent_to = email
        nomination.save(update_fields=["resume_sent_to", "updated_at"])
        _send("nomination_draft", nomination, _email_context(nomination, token))
    return nomination, created


@transaction.atomic
def remove_attachment(attachment: Attachment) -> None:
    nomination = Nomination.objects.select_for_update().get(pk=attachment.nomination_id)
    if nomination.state != NominationState.DRAFT:
        raise NotEditable(nomination)
    delete_attachment(attachment)
    forget_answer_file(nomination, attachment)


def _new_reference(cycle: Cycle) -> str:
    while True:
        suffix = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(4))
        reference = f"{cycle.reference_prefix}-{suffix}"
        if not Nomination.objects.filter(reference=reference).exists():
            return reference


@transaction.atomic
def submit_nomination(
    nomination: Nomination,
    *,
    token: str,
    gate: Gate = OPEN,
    late_code: LateSubmissionCode | None = None,
    acknowledged: bool = False,
    network: str = "",
    confirmations: Sequence[dict[str, str]] = (),
) -> Nomination:
    """Submit a draft: it gets its reference, its first version and a confirmation email.

    Idempotent: submitting a nomination already submitted returns it as it is. A reason to
    hold it (the draft's honeypot, else the `gate`'s: no proof of work, a rate limit) keeps it
    for staff moderation; it is never lost. The gate is asked in this transaction, only when the
    draft is submitted now: the web form's proof of work is used up and its counters count
    together with the submission.
    """
    nomination = (
        Nomination.objects.select_for_update().select_related("cycle").get(pk=nomination.pk)
    )
    if nomination.state != NominationState.DRAFT:
        return nomination
    if not nomination.complete:
        raise Incomplete(nomination)
    if late_code is not None:
        late_code = LateSubmissionCode.objects.select_for_update().get(pk=late_code.pk)
    if not is_open(nomination.cycle, late_code=late_code):
        raise NominationsClosed
    if not nomination.cycle.nominations_are_open and late_code is not None:
        late_code.used_at = timezone.now()
        late_code.save(update_fields=["used_at"])
        nomination.late_code = late_code
    hold_reason = nomination.moderation_reason or gate.hold_reason(nomination)
    if not hold_reason and over_email_limit(nomination.nominator_email):
        # The confirmation is still due: it waits, held, for staff to look (never lost).
        hold_reason = "many-emails-to-one-address"
    documents = drop_unasked_files(nomination)
    _scan(nomination)
    nomination.safeguarding_acknowledged = acknowledged or bool(confirmations)
    nomination.safeguarding_confirmations = list(confirmations)
    confirm_token, nomination.confirm_token_hash = new_token()
    nomination.reference = _new_reference(nomination.cycle)
    nomination.submitted_at = timezone.now()
    nomination.held_for_moderation = bool(hold_reason)
    nomination.moderation_reason = hold_reason
    nomination.network = network
    _move(
        nomination,
        NominationState.SUBMITTED,
        key="nomination.submitted",
        fields=[
            "late_code",
            "safeguarding_flags",
            "answer_languages",
            "safeguarding_acknowledged",
            "safeguarding_confirmations",
            "confirm_token_hash",
            "reference",
            "submitted_at",
            "held_for_moderation",
            "moderation_reason",
            "network",
        ],
        data={"held": hold_reason, "late": nomination.late_code_id is not None},
    )
    _version(nomination, VersionKind.SUBMITTED, documents)
    language = nomination.preferred_language or nomination.language
    context = _confirmation_context(nomination, token, confirm_token)
    if hold_reason:
        # Nothing leaves for a held nomination: its confirmation waits in the outbox until
        # staff release the nomination, and its confirmation period starts then.
        queue_email(
            "nomination_submitted",
            to=nomination.nominator_email,
            language=language,
            context=context,
            batch=held_batch(nomination),
            hold=True,
        )
    else:
        queue_email(
            "nomination_submitted",
            to=nomination.nominator_email,
            language=language,
            context=context,
        )
        _lapse_later(nomination)
    return nomination


@transaction.atomic
def confirm_nomination(token: str) -> Nomination | None:
    """The nominator confirmed their address: the nomination counts. None for an unknown link."""
    nomination = (
        Nomination.objects.select_for_update().filter(confirm_token_hash=hash_token(token)).first()
    )
    if nomination is None:
        return None
    if nomination.state == NominationState.SUBMITTED:
        nomination.confirmed_at = timezone.now()
        _move(
            nomination, NominationState.CONFIRMED, key="nomination.confirmed",
            fields=["confirmed_at"],
        )  # fmt: skip
        nomination_confirmed.send(sender=Nomination, nomination=nomination)
    return nomination


@transaction.atomic
def release_from_moderation(nomination: Nomination, *, actor: User) -> Nomination:
    """Staff looked at a held nomination and found a real person behind it."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if nomination.held_for_moderation:
        nomination.held_for_moderation = False
        nomination.save(update_fields=["held_for_moderation", "updated_at"])
        record(
            "nomination.released",
            actor=actor,
            subject=nomination,
            summary=nomination.reference,
            data={"reason": nomination.moderation_reason},
        )
        if nomination.state == NominationState.CONFIRMED:
            # Confirmed while held: it counts from now on.
            nomination_confirmed.send(sender=Nomination, nomination=nomination)
        elif nomination.state == NominationState.SUBMITTED and release_batch(
            held_batch(nomination), actor=actor
        ):
            # Its confirmation email leaves now; the confirmation period starts with it.
            _lapse_later(nomination)
    return nomination


@transaction.atomic
def create_late_code(cycle: Cycle, *, note: str, actor: User, valid_days: int = 7) -> str:
    """A single-use code for one nominator to submit after the deadline; shown once."""
    code = "-".join("".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(4)) for _ in range(3))
    late = LateSubmissionCode.objects.create(
        cycle=cycle,
        code_hash=hash_token(code),
        note=note,
        created_by=actor,
        valid_until=timezone.now() + timedelta(days=valid_days),
    )
    record("late_code.created", actor=actor, subject=late, summary=note[:100])
    return code


def find_late_code(cycle: Cycle, code: str) -> LateSubmissionCode | None:
    code = code.strip().upper()
    if not code:
        return None
    return LateSubmissionCode.objects.filter(
        cycle=cycle, code_hash=hash_token(code), used_at=None, valid_until__gte=timezone.now()
    ).first()
