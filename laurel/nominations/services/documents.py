"""A nomination's stored documents: the evidence the form's documents field takes (at most
MAX_ATTACHMENTS) and the file that answers each of the award's `file` questions (one each).

A `file` question's answer is two things kept together here: the Attachment marked with the
question's key, and in `question_answers` the name of that file (what pages, exports and the
API show as the answer). A question the form no longer asks (its condition does not hold) is
unanswered; a draft keeps its file until it is submitted (an answer clicked by mistake and
autosaved loses no document); a new file replaces the one the question held.
"""

import contextlib
import secrets
from collections.abc import Sequence
from typing import Any

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import translation

from laurel.core.services import ServiceError
from laurel.core.texts import in_language
from laurel.cycles.models import Cycle
from laurel.cycles.queries import public_cycle
from laurel.nominations.models import Attachment, Nomination
from laurel.nominations.services.common import MAX_ATTACHMENTS, StorageFull
from laurel.nominations.uploads import CheckedUpload

Upload = tuple[Any, CheckedUpload]


class TooManyDocuments(ServiceError):
    """The change would leave more than MAX_ATTACHMENTS documents of evidence."""


def file_questions(cycle: Cycle) -> set[str]:
    """The keys of the `file` questions the form asks (a retired one keeps its file)."""
    return {q.key for q in cycle.asked_questions() if q.kind == "file" and not q.retired}


def files_asked() -> int:
    """How many documents the open call's `file` questions take (the form's body may hold them
    besides the documents of evidence: core.limits)."""
    cycle = public_cycle()
    return len(file_questions(cycle)) if cycle is not None else 0


def evidence(uploads: Sequence[Upload]) -> list[Upload]:
    return [item for item in uploads if not item[1].question]


def _stored_name(checked: CheckedUpload) -> str:
    # A random name: nothing the nominator chose reaches the file system.
    probe = Attachment()
    return probe.file.field.generate_filename(probe, f"{secrets.token_hex(16)}.{checked.kind}")


def _store_upload(nomination: Nomination, upload: Any, checked: CheckedUpload) -> dict[str, Any]:
    """Write an upload of a pending edit to storage; what the edit needs to attach it later."""
    name = _stored_name(checked)
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
        "question": checked.question,
    }


def add_attachments(nomination: Nomination, uploads: Sequence[Upload]) -> None:
    """Attach a draft's uploads: evidence while there is room, and each question's file in
    place of the one it held (`settle_answer_files` removes that)."""
    room = MAX_ATTACHMENTS - nomination.attachments.filter(question="").count()
    taken = [*evidence(uploads)[: max(room, 0)], *(u for u in uploads if u[1].question)]
    stored: list[str] = []
    for upload, checked in taken:
        attachment = Attachment(
            nomination=nomination,
            original_name=upload.name[-200:],
            kind=checked.kind,
            size=checked.size,
            sha256=checked.sha256,
            question=checked.question,
        )
        name = _stored_name(checked)
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


def delete_attachment(attachment: Attachment) -> None:
    """The row now, its file once the transaction has committed."""
    path = attachment.file.name
    attachment.delete()
    if path:
        transaction.on_commit(lambda: default_storage.delete(path))


def settle_answer_files(
    nomination: Nomination, data: dict[str, Any], *, before: Sequence[str] = ()
) -> None:
    """After a draft's save: each `file` question holds its newest file; its answer names it,
    unless the form no longer asks the question (`data["unasked"]`: its condition does not
    hold). That file stays until submission (`drop_unasked_files`): the answer may be
    changed back. `before`: the questions answered before this save (with those answered
    now, all that may hold a file). A question the form merely left unanswered keeps its file:
    only the Remove button removes one."""
    keys = file_questions(nomination.cycle)
    answered = data.get("question_answers") or {}
    unasked = set(data.get("unasked") or ())
    if not keys & {*answered, *before}:
        return
    held: dict[str, Attachment] = {}
    for attachment in nomination.attachments.filter(question__in=keys).order_by("-id"):
        if attachment.question not in held:
            held[attachment.question] = attachment
        else:
            delete_attachment(attachment)
    names = {key: item.original_name for key, item in held.items() if key not in unasked}
    _name_answers(nomination, names, keys)


def drop_unasked_files(nomination: Nomination) -> list[Attachment]:
    """At submission: the files a draft kept for questions it no longer asks (their answers
    name them no longer) go; nothing the nominator did not send reaches staff. Returns the
    documents kept (read once: the first version lists them)."""
    unasked = file_questions(nomination.cycle) - set(nomination.question_answers or {})
    kept = []
    for attachment in nomination.attachments.all():
        if attachment.question in unasked:
            delete_attachment(attachment)
        else:
            kept.append(attachment)
    return kept


def _name_answers(nomination: Nomination, names: dict[str, str], keys: set[str]) -> None:
    answers = {k: v for k, v in (nomination.question_answers or {}).items() if k not in keys}
    answers |= names
    if answers != nomination.question_answers:
        nomination.question_answers = answers
        nomination.save(update_fields=["question_answers", "updated_at"])


def forget_answer_file(nomination: Nomination, attachment: Attachment) -> None:
    """A question's file was removed: the question is unanswered again."""
    if attachment.question and attachment.question in (nomination.question_answers or {}):
        nomination.question_answers = {
            k: v for k, v in nomination.question_answers.items() if k != attachment.question
        }
        nomination.save(update_fields=["question_answers", "updated_at"])


def stage_answer_files(nomination: Nomination, pending: dict[str, Any], stored: list[dict]) -> None:
    """A pending edit's files for the `file` questions, as it will leave them: a new file
    replaces the question's attached file and any file an earlier unconfirmed change chose;
    a question the change no longer asks (`unasked`) loses its file. The change's answers name
    the files its questions will hold."""
    keys = file_questions(nomination.cycle)
    if not keys:
        return
    data = pending.setdefault("data", {})
    answered = dict(data.get("question_answers") or {})
    unasked = set(data.get("unasked") or ())
    chosen = {item["question"] for item in stored if item.get("question")}
    uploads: list[dict[str, Any]] = []
    dropped: list[dict[str, Any]] = []
    for item in pending.get("uploads", []):
        key = item.get("question", "")
        replaced = key in chosen and item not in stored
        (dropped if key and (replaced or key in unasked) else uploads).append(item)
    # Once committed: a change that fails after this leaves the earlier one as it was.
    transaction.on_commit(lambda: _delete_stored(dropped))
    pending["uploads"] = uploads
    removals = set(pending.get("remove", []))
    attached = nomination.attachments.filter(question__in=keys)
    for attachment in attached:
        if attachment.question in chosen or attachment.question in unasked:
            removals.add(attachment.pk)
    pending["remove"] = sorted(removals)
    names = {a.question: a.original_name for a in attached if a.pk not in removals}
    names |= {item["question"]: item["name"] for item in uploads if item.get("question")}
    answered = {k: v for k, v in answered.items() if k not in keys} | names
    data["question_answers"] = answered


def documents_room(nomination: Nomination) -> int:
    """How many more documents of evidence the nomination takes, counting a pending edit's
    changes."""
    pending = nomination.pending_edit or {}
    kept = (
        nomination.attachments.filter(question="").exclude(pk__in=pending.get("remove", [])).count()
    )
    added = [item for item in pending.get("uploads", []) if not item.get("question")]
    return max(MAX_ATTACHMENTS - kept - len(added), 0)


def documents(nomination: Nomination) -> list[dict[str, Any]]:
    """The nomination's documents as a pending edit would leave them: name, size, type, the
    question it answers (its key and label, or ""), and whether each is being added or
    removed."""
    pending = nomination.pending_edit or {}
    removed = set(pending.get("remove", []))
    rows = [
        {
            "pk": attachment.pk,
            "name": attachment.original_name,
            "size": attachment.size,
            "kind": attachment.kind,
            "question": attachment.question,
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
            "question": item.get("question", ""),
            "removed": False,
            "added": True,
        }
        for item in pending.get("uploads", [])
    ]
    if any(row["question"] for row in rows):
        language = translation.get_language()
        questions = nomination.cycle.asked_questions()
        labels = {q.key: in_language(q.label, language) for q in questions}
        for row in rows:
            row["label"] = labels.get(str(row["question"]), "")
    return rows


def held_files(nomination: Nomination | None) -> dict[str, dict[str, Any]]:
    """The file each `file` question holds, by its key, as a pending edit would leave it: its
    name, size and the attachment's pk (None for a file a change has yet to attach)."""
    if nomination is None:
        return {}
    return {
        row["question"]: row
        for row in documents(nomination)
        if row["question"] and not row["removed"]
    }


def _delete_stored(items: list[dict[str, Any]]) -> None:
    for item in items:
        with contextlib.suppress(OSError):
            default_storage.delete(item["path"])


def _drop_pending_uploads(pending: dict[str, Any]) -> None:
    _delete_stored(pending.get("uploads", []))
