"""A submitted nomination changed by its nominator: an edit is staged, reviewed and only then
applied; the address corrected; withdrawal; erasure of the content."""

import contextlib
from collections.abc import Sequence
from typing import Any

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from laurel.accounts.models import User
from laurel.core.ratelimit import over_limit
from laurel.core.services import record
from laurel.cycles.enums import Phase
from laurel.cycles.models import Cycle
from laurel.nominations.enums import (
    NominationState,
    VersionKind,
)
from laurel.nominations.models import (
    DATA_FIELDS,
    Attachment,
    Nomination,
)
from laurel.nominations.services.common import (
    EMAIL_CORRECTIONS_PER_DAY,
    MAX_ATTACHMENTS,
    OPEN,
    Gate,
    NotEditable,
    StorageFull,
    TooManyCorrections,
    _apply,
    _email_context,
    _lock_for_change,
    _move,
    _scan,
    _send,
    _send_new_confirmation,
    _version,
)
from laurel.nominations.services.documents import (
    TooManyDocuments,
    _drop_pending_uploads,
    _store_upload,
    delete_attachment,
    documents_room,
    evidence,
    stage_answer_files,
)
from laurel.nominations.signals import nomination_changed
from laurel.nominations.uploads import CheckedUpload


@transaction.atomic
def stage_edit(
    nomination: Nomination,
    *,
    data: dict[str, Any],
    uploads: Sequence[tuple[Any, CheckedUpload]] = (),
    remove: Sequence[int] = (),
    honeypot: bool = False,
    gate: Gate = OPEN,
) -> Nomination:
    """Keep a change to a submitted nomination until the nominator has reviewed it.

    Nothing staff or the committee see changes: the change waits in `pending_edit` (new
    documents in storage, not yet attached) for `apply_edit`. A second change before the review
    replaces the texts and adds to the documents. Too many documents raise TooManyDocuments.
    """
    gate.admit()
    nomination = _lock_for_change(nomination)
    pending = nomination.pending_edit or {"remove": [], "uploads": []}
    own = set(nomination.attachments.values_list("pk", flat=True))
    removals = sorted({*pending.get("remove", []), *(pk for pk in remove if pk in own)})
    pending["remove"] = removals
    nomination.pending_edit = pending
    if len(evidence(uploads)) > documents_room(nomination):
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
    stage_answer_files(nomination, pending, stored)
    removals = pending["remove"]
    nomination.pending_edit = pending
    nomination.save(update_fields=["pending_edit", "updated_at"])
    record(
        "nomination.edit_started",
        subject=nomination,
        summary=nomination.reference,
        data={"documents_added": len(stored), "documents_removed": len(removals)},
    )
    return nomination


def pending_preview(nomination: Nomination) -> Nomination:
    """An unsaved copy of the nomination as the pending edit would make it (for the review)."""
    preview = Nomination.objects.get(pk=nomination.pk)
    preview.pk = nomination.pk
    _apply(preview, (nomination.pending_edit or {}).get("data", {}))
    return preview


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


def on_phase_moved(sender: Any, *, cycle: Cycle, actor: User | None = None, **kwargs: Any) -> None:
    """Nominations have closed: a change never confirmed can no longer be, so it goes with its
    stored documents (it may hold a child's details the nominator meant to remove)."""
    if cycle.phase == Phase.NOMINATIONS:
        return
    for nomination in Nomination.objects.filter(cycle=cycle, pending_edit__isnull=False):
        with transaction.atomic():
            discard_edit(nomination)


@transaction.atomic
def apply_edit(
    nomination: Nomination,
    *,
    token: str,
    confirmations: Sequence[dict[str, str]] = (),
    gate: Gate = OPEN,
) -> Nomination:
    """The nominator reviewed their change and confirmed it: it applies now, as a new version.

    `confirmations` are the safeguarding findings the nominator kept, each with a reason.
    The `gate` as for submit_nomination: a change it would have held as a first submission
    holds the nomination for staff (it does not count until they release it); asked afresh, so
    a nomination staff released once is not held again for its old reason.
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
        delete_attachment(attachment)
    room = MAX_ATTACHMENTS - nomination.attachments.filter(question="").count()
    for item in pending.get("uploads", []):
        question = item.get("question", "")
        if not question:
            if room <= 0:
                continue
            room -= 1
        Attachment.objects.create(
            nomination=nomination,
            file=item["path"],
            original_name=item["name"],
            kind=item["kind"],
            size=item["size"],
            sha256=item["sha256"],
            question=question,
        )
    _scan(nomination)
    nomination.safeguarding_confirmations = list(confirmations)
    nomination.safeguarding_acknowledged = bool(confirmations)
    # The gate is asked even for a trapped change: its counters count every change submitted.
    hold_reason = gate.hold_reason(nomination)
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
    uploads: Sequence[tuple[Any, CheckedUpload]] = (),
    gate: Gate = OPEN,
) -> Nomination:
    """Stage and apply a change in one go (for callers that reviewed it themselves: imports,
    tests). The web form stages (`stage_edit`) and applies after the review page."""
    with transaction.atomic():
        stage_edit(nomination, data=data, uploads=uploads, gate=gate)
        return apply_edit(nomination, token=token, gate=gate)


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


@transaction.atomic
def withdraw_nomination(nomination: Nomination, *, token: str) -> Nomination:
    nomination = _lock_for_change(nomination)
    nomination.withdrawn_at = timezone.now()
    pending, nomination.pending_edit = nomination.pending_edit, None
    if pending is not None:
        transaction.on_commit(lambda: _drop_pending_uploads(pending))
    _move(
        nomination, NominationState.WITHDRAWN, key="nomination.withdrawn",
        fields=["withdrawn_at", "pending_edit"],
    )  # fmt: skip
    _version(nomination, VersionKind.WITHDRAWN)
    nomination_changed.send(sender=Nomination, nomination=nomination)
    _send("nomination_withdrawn", nomination, _email_context(nomination, token))
    return nomination


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
    if nomination.pending_edit is not None:
        _drop_pending_uploads(nomination.pending_edit)
    erased = Nomination.PERSONAL.clear(nomination)  # every kind: the name and country stay
    nomination.save(update_fields=[*erased, "updated_at"])
    record(
        "nomination.erased",
        subject=nomination,
        summary=nomination.reference or "",
        data={"reason": reason, "documents": len(documents)},
    )
    return len(documents)
