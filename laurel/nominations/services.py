"""Every write to a nomination is one of these calls (ARCHITECTURE rule 1)."""

import contextlib
import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from laurel.core.ratelimit import over_limit
from laurel.core.services import record
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
    NOMINATOR_FIELDS,
    ORGANISATION_FIELDS,
    Attachment,
    LateSubmissionCode,
    Nomination,
    NominationVersion,
    hash_token,
    new_token,
)
from laurel.nominations.safeguarding import scan
from laurel.nominations.signals import nomination_changed, nomination_confirmed
from laurel.nominations.tasks import lapse_if_unconfirmed
from laurel.nominations.uploads import CheckedUpload
from laurel.notifications.enums import EmailState
from laurel.notifications.models import OutgoingEmail
from laurel.notifications.services import queue_email, release_batch

MAX_ATTACHMENTS = 3
# A check the caller runs inside a service's transaction; it refuses by raising.
Admit = Callable[[], None]
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


class NominationsClosed(Exception):
    """The deadline has passed (or the call has not opened)."""


class NotEditable(Exception):
    """The nomination is in a state that does not allow this."""


class Incomplete(Exception):
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
    for name in DATA_FIELDS:
        if name in data:
            setattr(nomination, name, data[name])


# What a draft save changes: the nominator's fields and the draft's own state.
DRAFT_FIELDS = [*DATA_FIELDS, "language", "complete", "moderation_reason", "updated_at"]


def _fill_draft(
    nomination: Nomination, data: dict[str, Any], *, language: str, complete: bool, honeypot: bool
) -> None:
    _apply(nomination, data)
    nomination.language = language
    nomination.complete = complete
    if honeypot:
        nomination.moderation_reason = "honeypot"


class StorageFull(Exception):
    """An uploaded file could not be written (the disk is full, or the storage failed): nothing
    of it is kept, and the transaction around it rolls back."""


def _add_attachments(nomination: Nomination, uploads: list[tuple[Any, CheckedUpload]]) -> None:
    room = MAX_ATTACHMENTS - nomination.attachments.count()
    stored: list[str] = []
    for upload, checked in uploads[: max(room, 0)]:
        attachment = Attachment(
            nomination=nomination,
            original_name=upload.name[-200:],
            kind=checked.kind,
            size=checked.size,
            sha256=checked.sha256,
        )
        # A random name: nothing the nominator chose reaches the file system.
        name = attachment.file.field.generate_filename(
            attachment, f"{secrets.token_hex(16)}.{checked.kind}"
        )
        try:
            stored.append(default_storage.save(name, File(upload)))
        except OSError as error:
            # A half-written file, and the files this request already stored, go too.
            for path in [name, *stored]:
                with contextlib.suppress(OSError):
                    default_storage.delete(path)
            raise StorageFull from error
        attachment.file.name = stored[-1]
        attachment.save()


@transaction.atomic
def save_draft(
    cycle: Cycle,
    *,
    token: str,
    data: dict[str, Any],
    language: str,
    uploads: list[tuple[Any, CheckedUpload]] = (),
    late_code: LateSubmissionCode | None = None,
    honeypot: bool = False,
    send_resume_link: bool = True,
    complete: bool = False,
    admit: Admit | None = None,
) -> tuple[Nomination, bool]:
    """Create or update the draft behind `token`; returns it and whether it was created.

    Saving the same token twice (a double click, a retried request, two tabs) updates one draft.
    A nomination already submitted is returned unchanged, with NotEditable. `admit` (the web
    form's rate limit) runs first, in this transaction; what it raises refuses the save.
    """
    if admit is not None:
        admit()
    if not is_open(cycle, late_code=late_code):
        raise NominationsClosed
    token_hash = hash_token(token)
    nomination = Nomination.objects.select_for_update().filter(token_hash=token_hash).first()
    created = False
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
        _fill_draft(nomination, data, language=language, complete=complete, honeypot=honeypot)
        nomination.save(update_fields=DRAFT_FIELDS)
    if uploads:
        _add_attachments(nomination, list(uploads))
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
    attachment.file.delete(save=False)
    attachment.delete()


def _new_reference(cycle: Cycle) -> str:
    while True:
        suffix = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(4))
        reference = f"{cycle.reference_prefix}-{suffix}"
        if not Nomination.objects.filter(reference=reference).exists():
            return reference


def _scan(nomination: Nomination) -> None:
    texts = {f"answer_{number}": text for number, text in nomination.answers.items()}
    texts["org_description"] = nomination.org_description
    nomination.safeguarding_flags = [finding.as_flag() for finding in scan(texts)]
    nomination.answer_languages = {
        number: detect_language(text) for number, text in nomination.answers.items()
    }


def _version(nomination: Nomination, kind: VersionKind) -> NominationVersion:
    # A draft has no versions: submitting it makes the first (one statement fewer on the rush).
    first = kind == VersionKind.SUBMITTED
    number = 1 if first else nomination.versions.count() + 1
    data = nomination.data()
    data["attachments"] = list(nomination.attachments.values_list("sha256", flat=True))
    return NominationVersion.objects.create(
        nomination=nomination, number=number, kind=kind, data=data
    )


def _move(nomination: Nomination, state: NominationState) -> None:
    if state not in ALLOWED_TRANSITIONS[nomination.state]:
        raise NotEditable(nomination)
    nomination.state = state


@transaction.atomic
def submit_nomination(
    nomination: Nomination,
    *,
    token: str,
    hold_reason: str | Callable[[], str] = "",
    late_code: LateSubmissionCode | None = None,
    acknowledged: bool = False,
    network: str = "",
    confirmations: list[dict[str, str]] = (),
) -> Nomination:
    """Submit a draft: it gets its reference, its first version and a confirmation email.

    Idempotent: submitting a nomination already submitted returns it as it is. `hold_reason`
    (no proof of work, a honeypot, a rate limit) keeps it for staff moderation; it is never lost.
    Given as a function, it is asked in this transaction, only when the draft is submitted now:
    the web form's proof of work is used up and its counters count together with the submission.
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
    if callable(hold_reason):
        hold_reason = hold_reason()
    if not hold_reason and over_email_limit(nomination.nominator_email):
        # The confirmation is still due: it waits, held, for staff to look (never lost).
        hold_reason = "many-emails-to-one-address"
    _scan(nomination)
    nomination.safeguarding_acknowledged = acknowledged or bool(confirmations)
    nomination.safeguarding_confirmations = list(confirmations)
    _move(nomination, NominationState.SUBMITTED)
    confirm_token, nomination.confirm_token_hash = new_token()
    nomination.reference = _new_reference(nomination.cycle)
    nomination.submitted_at = timezone.now()
    nomination.held_for_moderation = bool(hold_reason)
    nomination.moderation_reason = hold_reason
    nomination.network = network
    nomination.save(
        update_fields=[
            "late_code",
            "safeguarding_flags",
            "answer_languages",
            "safeguarding_acknowledged",
            "safeguarding_confirmations",
            "state",
            "confirm_token_hash",
            "reference",
            "submitted_at",
            "held_for_moderation",
            "moderation_reason",
            "network",
            "updated_at",
        ]
    )
    _version(nomination, VersionKind.SUBMITTED)
    record(
        "nomination.submitted",
        subject=nomination,
        summary=nomination.reference,
        data={"held": hold_reason, "late": nomination.late_code_id is not None},
    )
    language = nomination.preferred_language or nomination.language
    with translation.override(language):
        confirm_url = settings.SITE_URL + reverse(
            "nominations:confirm", kwargs={"token": confirm_token}
        )
    context = _email_context(nomination, token)
    context.update(confirm_url=confirm_url, confirm_days=settings.NOMINATION_CONFIRM_DAYS)
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


def _lapse_later(nomination: Nomination) -> None:
    days = timedelta(days=settings.NOMINATION_CONFIRM_DAYS)
    lapse_if_unconfirmed.using(run_after=timezone.now() + days).enqueue(nomination.pk)


def find_by_token(token: str) -> Nomination | None:
    return Nomination.objects.select_related("cycle").filter(token_hash=hash_token(token)).first()


@transaction.atomic
def confirm_nomination(token: str) -> Nomination | None:
    """The nominator confirmed their address: the nomination counts. None for an unknown link."""
    nomination = (
        Nomination.objects.select_for_update().filter(confirm_token_hash=hash_token(token)).first()
    )
    if nomination is None:
        return None
    if nomination.state == NominationState.SUBMITTED:
        _move(nomination, NominationState.CONFIRMED)
        nomination.confirmed_at = timezone.now()
        nomination.save(update_fields=["state", "confirmed_at", "updated_at"])
        record("nomination.confirmed", subject=nomination, summary=nomination.reference)
        nomination_confirmed.send(sender=Nomination, nomination=nomination)
    return nomination


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


def _store_upload(nomination: Nomination, upload: Any, checked: CheckedUpload) -> dict[str, Any]:
    """Write an upload of a pending edit to storage; what the edit needs to attach it later."""
    probe = Attachment(nomination=nomination)
    name = probe.file.field.generate_filename(probe, f"{secrets.token_hex(16)}.{checked.kind}")
    try:
        path = default_storage.save(name, File(upload))
    except OSError as error:
        with contextlib.suppress(OSError):
            default_storage.delete(name)
        raise StorageFull from error
    return {
        "name": upload.name[-200:],
        "kind": checked.kind,
        "size": checked.size,
        "sha256": checked.sha256,
        "path": path,
    }


def documents_room(nomination: Nomination) -> int:
    """How many more documents the nomination takes, counting a pending edit's changes."""
    pending = nomination.pending_edit or {}
    kept = nomination.attachments.exclude(pk__in=pending.get("remove", [])).count()
    return max(MAX_ATTACHMENTS - kept - len(pending.get("uploads", [])), 0)


@transaction.atomic
def stage_edit(
    nomination: Nomination,
    *,
    data: dict[str, Any],
    uploads: list[tuple[Any, CheckedUpload]] = (),
    remove: list[int] = (),
    honeypot: bool = False,
    admit: Admit | None = None,
) -> Nomination:
    """Keep a change to a submitted nomination until the nominator has reviewed it.

    Nothing staff or the committee see changes: the change waits in `pending_edit` (new
    documents in storage, not yet attached) for `apply_edit`. A second change before the review
    replaces the texts and adds to the documents. Too many documents raise TooManyDocuments.
    """
    if admit is not None:
        admit()
    nomination = _lock_for_change(nomination)
    pending = nomination.pending_edit or {"remove": [], "uploads": []}
    own = set(nomination.attachments.values_list("pk", flat=True))
    removals = sorted({*pending.get("remove", []), *(pk for pk in remove if pk in own)})
    pending["remove"] = removals
    nomination.pending_edit = pending
    if len(uploads) > documents_room(nomination):
        raise TooManyDocuments(nomination)
    pending["data"] = data
    pending["honeypot"] = bool(pending.get("honeypot")) or honeypot
    stored: list[dict[str, Any]] = []
    try:
        for upload, checked in uploads:
            stored.append(_store_upload(nomination, upload, checked))
    except StorageFull:
        for item in stored:
            with contextlib.suppress(OSError):
                default_storage.delete(item["path"])
        raise
    pending["uploads"] = [*pending.get("uploads", []), *stored]
    nomination.pending_edit = pending
    nomination.save(update_fields=["pending_edit", "updated_at"])
    record(
        "nomination.edit_started",
        subject=nomination,
        summary=nomination.reference,
        data={"documents_added": len(stored), "documents_removed": len(removals)},
    )
    return nomination


class TooManyDocuments(Exception):
    """The change would leave more than three documents."""


def pending_preview(nomination: Nomination) -> Nomination:
    """An unsaved copy of the nomination as the pending edit would make it (for the review)."""
    preview = Nomination.objects.get(pk=nomination.pk)
    preview.pk = nomination.pk
    _apply(preview, (nomination.pending_edit or {}).get("data", {}))
    return preview


def documents(nomination: Nomination) -> list[dict[str, Any]]:
    """The nomination's documents as a pending edit would leave them: name, size, type, and
    whether each is being added or removed."""
    pending = nomination.pending_edit or {}
    removed = set(pending.get("remove", []))
    rows = [
        {
            "pk": attachment.pk,
            "name": attachment.original_name,
            "size": attachment.size,
            "kind": attachment.kind,
            "removed": attachment.pk in removed,
            "added": False,
        }
        for attachment in nomination.attachments.all()
    ]
    rows += [
        {
            "pk": None,
            "name": item["name"],
            "size": item["size"],
            "kind": item["kind"],
            "removed": False,
            "added": True,
        }
        for item in pending.get("uploads", [])
    ]
    return rows


def _drop_pending_uploads(pending: dict[str, Any]) -> None:
    for item in pending.get("uploads", []):
        with contextlib.suppress(OSError):
            default_storage.delete(item["path"])


@transaction.atomic
def discard_edit(nomination: Nomination) -> Nomination:
    """The nominator drops the change they had not confirmed; the nomination stays as it was."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if nomination.pending_edit is not None:
        pending = nomination.pending_edit
        nomination.pending_edit = None
        nomination.save(update_fields=["pending_edit", "updated_at"])
        transaction.on_commit(lambda: _drop_pending_uploads(pending))
        record("nomination.edit_discarded", subject=nomination, summary=nomination.reference)
    return nomination


@transaction.atomic
def apply_edit(
    nomination: Nomination,
    *,
    token: str,
    confirmations: list[dict[str, str]] = (),
    hold_reason: str | Callable[[], str] = "",
) -> Nomination:
    """The nominator reviewed their change and confirmed it: it applies now, as a new version.

    `confirmations` are the safeguarding findings the nominator kept, each with a reason.
    `hold_reason` as for submit_nomination: a change that would have been held as a first
    submission holds the nomination for staff (it does not count until they release it).
    Without a pending change, returns the nomination as it is (a repeated submit).
    """
    nomination = _lock_for_change(nomination)
    pending = nomination.pending_edit
    if pending is None:
        return nomination
    old_email = nomination.nominator_email
    _apply(nomination, pending.get("data", {}))
    removed = list(nomination.attachments.filter(pk__in=pending.get("remove", [])))
    for attachment in removed:
        path = attachment.file.name
        attachment.delete()
        transaction.on_commit(lambda path=path: default_storage.delete(path))
    for item in pending.get("uploads", [])[: MAX_ATTACHMENTS - nomination.attachments.count()]:
        Attachment.objects.create(
            nomination=nomination,
            file=item["path"],
            original_name=item["name"],
            kind=item["kind"],
            size=item["size"],
            sha256=item["sha256"],
        )
    _scan(nomination)
    nomination.safeguarding_confirmations = list(confirmations)
    nomination.safeguarding_acknowledged = bool(confirmations)
    if callable(hold_reason):
        hold_reason = hold_reason()
    if pending.get("honeypot"):
        hold_reason = "honeypot"
    if hold_reason:
        nomination.held_for_moderation = True
        nomination.moderation_reason = hold_reason
    nomination.pending_edit = None
    nomination.save(
        update_fields=[
            *DATA_FIELDS,
            "safeguarding_flags",
            "safeguarding_confirmations",
            "answer_languages",
            "held_for_moderation",
            "moderation_reason",
            "pending_edit",
            "updated_at",
        ]
    )
    if (
        nomination.state == NominationState.SUBMITTED
        and nomination.nominator_email.lower() != old_email.lower()
    ):
        # Not confirmed yet and the address changed: the confirmation goes to the new one.
        _send_new_confirmation(nomination, token)
    version = _version(nomination, VersionKind.EDITED)
    record(
        "nomination.edited",
        subject=nomination,
        summary=nomination.reference,
        data={
            "version": version.number,
            "held": hold_reason,
            "documents_removed": len(removed),
            "kept_findings": len(confirmations),
        },
    )
    nomination_changed.send(sender=Nomination, nomination=nomination)
    _send("nomination_edited", nomination, _email_context(nomination, token))
    return nomination


def edit_nomination(
    nomination: Nomination,
    *,
    token: str,
    data: dict[str, Any],
    uploads: list[tuple[Any, CheckedUpload]] = (),
    admit: Admit | None = None,
) -> Nomination:
    """Stage and apply a change in one go (for callers that reviewed it themselves: imports,
    tests). The web form stages (`stage_edit`) and applies after the review page."""
    with transaction.atomic():
        stage_edit(nomination, data=data, uploads=uploads, admit=admit)
        return apply_edit(nomination, token=token)


EMAIL_CORRECTIONS_PER_DAY = 3


class TooManyCorrections(Exception):
    """The address of this nomination was corrected too often today."""


@transaction.atomic
def correct_email(nomination: Nomination, *, token: str, email: str) -> Nomination:
    """The nominator mistyped their address: the confirmation goes to the corrected one, and
    the link sent to the old one stops working. Only before the address is confirmed."""
    nomination = (
        Nomination.objects.select_for_update().select_related("cycle").get(pk=nomination.pk)
    )
    if nomination.state != NominationState.SUBMITTED:
        raise NotEditable(nomination)
    if over_limit(
        "nomination-email-correction",
        str(nomination.pk),
        limit=EMAIL_CORRECTIONS_PER_DAY,
        window=86400,
    ):
        raise TooManyCorrections(nomination)
    if email.lower() == nomination.nominator_email.lower():
        return nomination
    nomination.nominator_email = email
    nomination.save(update_fields=["nominator_email", "updated_at"])
    _send_new_confirmation(nomination, token)
    record("nomination.email_corrected", subject=nomination, summary=nomination.reference)
    return nomination


def _send_new_confirmation(nomination: Nomination, token: str) -> None:
    """A new confirmation link, to the nomination's (corrected) address; the old one stops
    working. A held nomination's held confirmation is replaced by one to the new address."""
    email = nomination.nominator_email
    nomination.resume_sent_to = email
    confirm_token, nomination.confirm_token_hash = new_token()
    nomination.save(update_fields=["resume_sent_to", "confirm_token_hash", "updated_at"])
    language = nomination.preferred_language or nomination.language
    with translation.override(language):
        confirm_url = settings.SITE_URL + reverse(
            "nominations:confirm", kwargs={"token": confirm_token}
        )
    context = _email_context(nomination, token)
    context.update(confirm_url=confirm_url, confirm_days=settings.NOMINATION_CONFIRM_DAYS)
    if nomination.held_for_moderation:
        OutgoingEmail.objects.filter(batch=held_batch(nomination), state=EmailState.HELD).update(
            state=EmailState.CANCELLED, links=""
        )
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


@transaction.atomic
def withdraw_nomination(nomination: Nomination, *, token: str) -> Nomination:
    nomination = _lock_for_change(nomination)
    _move(nomination, NominationState.WITHDRAWN)
    nomination.withdrawn_at = timezone.now()
    pending, nomination.pending_edit = nomination.pending_edit, None
    if pending is not None:
        transaction.on_commit(lambda: _drop_pending_uploads(pending))
    nomination.save(update_fields=["state", "withdrawn_at", "pending_edit", "updated_at"])
    _version(nomination, VersionKind.WITHDRAWN)
    record("nomination.withdrawn", subject=nomination, summary=nomination.reference)
    nomination_changed.send(sender=Nomination, nomination=nomination)
    _send("nomination_withdrawn", nomination, _email_context(nomination, token))
    return nomination


@transaction.atomic
def release_from_moderation(nomination: Nomination, *, actor: Any) -> Nomination:
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
def create_late_code(cycle: Cycle, *, note: str, actor: Any, valid_days: int = 7) -> str:
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


@transaction.atomic
def erase_content(nomination: Nomination, *, reason: str) -> int:
    """Erase what a nomination says and holds (texts, documents, versions), keeping the row,
    its reference and its dates so that counts and the audit trail still add up. Returns how
    many documents were deleted. Idempotent."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    documents = list(nomination.attachments.all())
    for attachment in documents:
        attachment.file.delete(save=False)
        attachment.delete()
    nomination.versions.all().delete()
    for name in ORGANISATION_FIELDS[2:] + NOMINATOR_FIELDS[:4]:
        field = Nomination._meta.get_field(name)
        setattr(nomination, name, None if field.null else "")
    nomination.answers = {}
    nomination.links = []
    nomination.safeguarding_flags = []
    nomination.safeguarding_confirmations = []
    if nomination.pending_edit is not None:
        _drop_pending_uploads(nomination.pending_edit)
        nomination.pending_edit = None
    nomination.save(
        update_fields=[
            *ORGANISATION_FIELDS[2:],
            *NOMINATOR_FIELDS[:4],
            "answers",
            "links",
            "safeguarding_flags",
            "safeguarding_confirmations",
            "pending_edit",
            "updated_at",
        ]
    )
    record(
        "nomination.erased",
        subject=nomination,
        summary=nomination.reference or "",
        data={"reason": reason, "documents": len(documents)},
    )
    return len(documents)
