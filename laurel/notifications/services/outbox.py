"""The outbox: every email is queued here (rendered in its recipient's language, restricted
addresses suppressed), and staff hold, release, edit or cancel what waits. `delivery` sends it."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from laurel.core.services import ServiceError, TransitionRefused, enqueue, record, transition
from laurel.core.states import state_enums
from laurel.notifications.catalogue import kind
from laurel.notifications.enums import ALLOWED_TRANSITIONS, WAITING_STATES, EmailState
from laurel.notifications.models import OutgoingEmail, Suppression, link_placeholder

if TYPE_CHECKING:
    # For the annotations only: accounts sits above notifications, so the user model is never
    # imported here at run time.
    from laurel.accounts.models import User

SUPPRESSED = "restricted"
DELIVER = "laurel.notifications.tasks.deliver_email"
MAX_BACKOFF = timedelta(hours=6)


class TransitionError(TransitionRefused):
    """An outbox move its map does not allow."""


class NotReleasable(TransitionError):
    text = _("This email cannot be sent again in its present state.")


class NotCancellable(TransitionError):
    text = _("This email cannot be cancelled in its present state.")


class ReleasedWithItsBatch(ServiceError):
    """A held email of a batch (the decision letters) leaves only with the whole batch."""

    def __init__(self, batch: str):
        super().__init__(
            _("This letter leaves with the others of its kind, when staff release them together.")
        )
        self.batch = batch


class NotHeld(ServiceError):
    def __init__(self) -> None:
        super().__init__(_("Only an email held for release can be changed."))


# The award an email about no award in particular speaks for (sign-in emails, an invitation, a
# changed address): set by the cycles app when it is ready (notifications sit below it).
default_award: Callable[[], Any] | None = None


def award_of(context: Mapping[str, Any]) -> Any:
    """The award (a cycle) an email is about: `cycle` in its context, or the cycle of the
    first object in it that has one, or else the default award (None if there is none)."""
    values = [context.get("cycle"), *context.values()]
    for value in values:
        for found in (value, getattr(value, "cycle", None)):
            if hasattr(found, "sender_email") and hasattr(found, "from_email"):
                return found
    return default_award() if default_award is not None else None


def sender_of(award: Any) -> tuple[str, str]:
    """From and Reply-To of an award's emails: its own sender and contact, or else the site's
    DEFAULT_FROM_EMAIL and no Reply-To."""
    if award is None:
        return settings.DEFAULT_FROM_EMAIL, ""
    return award.from_email, ", ".join(award.reply_to_list)


def render_email(key: str, *, language: str, context: dict[str, Any]) -> tuple[str, str, str]:
    """Subject, plain text and HTML of a catalogue email, in one language. The templates see
    the award it is about as `award` (its name and contact in every footer)."""
    kind(key)
    base = f"notifications/email/{key}"
    context = {"award": award_of(context), **state_enums(), **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"{base}.subject.txt", context).split())
        text = render_to_string(f"{base}.txt", context).strip() + "\n"
        html = render_to_string(f"{base}.html", context)
    return subject, text, html


# No savepoint of its own: it raises only on a programming error (an unknown kind, a broken
# template), which must roll back the caller's change too; two fewer round trips per email.
@transaction.atomic(savepoint=False)
def queue_email(
    key: str,
    *,
    to: str,
    language: str,
    context: dict[str, Any],
    batch: str = "",
    not_before: datetime | None = None,
    hold: bool = False,
) -> OutgoingEmail:
    """Render a catalogue email now and send it from a task once this transaction commits.

    The task row is written in the same transaction: an email is queued exactly when the change
    that caused it is committed. Held kinds, and an email queued with `hold` (one of a held
    nomination), wait in the outbox for `release_email` or `release_batch`. An address
    whose processing is restricted gets nothing: a cancelled row records that one was due.
    """
    if Suppression.covers(to):
        return _suppressed(key, to=to, language=language)
    names = [name for name in kind(key).links if context.get(name)]
    inert = {name: link_placeholder(number) for number, name in enumerate(names, 1)}
    award = award_of(context)
    subject, text, html = render_email(
        key, language=language, context={"award": award, **context, **inert}
    )
    links = [str(context[name]) for name in names]
    return _queue(
        key,
        to,
        language,
        subject,
        text,
        html,
        sender=sender_of(award),
        links=links,
        batch=batch,
        not_before=not_before,
        hold=hold,
    )


# No savepoint of its own either (see queue_email).
@transaction.atomic(savepoint=False)
def queue_rendered_email(
    key: str,
    *,
    to: str,
    language: str,
    subject: str,
    text: str,
    html: str = "",
    context: Mapping[str, Any] | None = None,
    batch: str = "",
    not_before: datetime | None = None,
) -> OutgoingEmail:
    """Queue an email rendered elsewhere (django-allauth's), under its catalogue key.

    `context` is the one it was rendered with: the capability links the catalogue names in it
    are taken out of the rendered bodies (kept encrypted until sent), as queue_email does."""
    kind(key)
    if Suppression.covers(to):
        return _suppressed(key, to=to, language=language)
    context = context or {}
    links = [str(context[name]) for name in kind(key).links if context.get(name)]
    for number, link in enumerate(links, 1):
        subject = subject.replace(link, link_placeholder(number))
        text = text.replace(link, link_placeholder(number))
        html = html.replace(escape(link), link_placeholder(number))
        html = html.replace(link, link_placeholder(number))
    return _queue(
        key,
        to,
        language,
        subject,
        text,
        html,
        sender=sender_of(award_of(context)),
        links=links,
        batch=batch,
        not_before=not_before,
    )


def _queue(
    key: str,
    to: str,
    language: str,
    subject: str,
    text: str,
    html: str,
    *,
    sender: tuple[str, str],
    links: list[str],
    batch: str,
    not_before: datetime | None,
    hold: bool = False,
) -> OutgoingEmail:
    """The outbox row and, unless it or its kind is held, the task that sends it (address
    checked). Only the links whose placeholder made it into a body are kept, encrypted."""
    used = [
        link if link_placeholder(number) in text + html else ""
        for number, link in enumerate(links, 1)
    ]
    email = OutgoingEmail.objects.create(
        key=key,
        to=to,
        language=language,
        subject=subject,
        body_text=text,
        body_html=html,
        from_email=sender[0],
        reply_to=sender[1],
        links=json.dumps(used) if any(used) else "",
        batch=batch,
        not_before=not_before,
        state=EmailState.HELD if hold or kind(key).held else EmailState.QUEUED,
    )
    if email.state == EmailState.QUEUED:
        enqueue(DELIVER, email.pk)
    return email


def _suppressed(key: str, *, to: str, language: str) -> OutgoingEmail:
    return OutgoingEmail.objects.create(
        key=key, to=to, language=language, subject="", body_text="",
        state=EmailState.CANCELLED, last_error=SUPPRESSED,
    )  # fmt: skip


def cancel_waiting(emails: QuerySet, *, held_only: bool = False, reason: str = "") -> int:
    """Cancel, at once, those of `emails` that wait to leave (or only the held ones), with
    their capability links: for other apps, whose change makes them pointless (a letter
    rewritten, an address restricted, a person erased). How many were cancelled. The delivery
    task skips a cancelled email; the map allows each of these moves."""
    states = [EmailState.HELD] if held_only else WAITING_STATES
    error = {"last_error": reason} if reason else {}
    return emails.filter(state__in=states).update(
        state=EmailState.CANCELLED,
        links="",
        next_attempt_at=None,
        updated_at=timezone.now(),
        **error,
    )


@transaction.atomic
def suppress(address: str, *, reason: str, actor: User) -> None:
    """No more email to this address; what waits in the outbox for it is cancelled."""
    address = address.strip().lower()
    Suppression.objects.get_or_create(address=address, defaults={"reason": reason})
    cancelled = cancel_waiting(OutgoingEmail.objects.filter(to__iexact=address), reason=SUPPRESSED)
    record("email.address_suppressed", actor=actor, data={"reason": reason, "cancelled": cancelled})


@transaction.atomic
def unsuppress(address: str, *, actor: User) -> None:
    Suppression.objects.filter(address=address.strip().lower()).delete()
    record("email.address_unsuppressed", actor=actor)


@transaction.atomic
def release_email(email: OutgoingEmail, *, actor: User) -> OutgoingEmail:
    """Staff release a held email, or send a failed one again."""
    email = OutgoingEmail.objects.select_for_update().get(pk=email.pk)
    was = email.state
    if was == EmailState.HELD and email.batch:
        raise ReleasedWithItsBatch(email.batch)
    email.attempts = 0 if was == EmailState.FAILED else email.attempts
    email.last_error = ""
    transition(
        email,
        EmailState.QUEUED,
        ALLOWED_TRANSITIONS,
        key="email.released" if was == EmailState.HELD else "email.retried",
        actor=actor,
        fields=["attempts", "last_error"],
        refused=NotReleasable,
    )
    enqueue(DELIVER, email.pk)
    return email


@transaction.atomic
def cancel_email(email: OutgoingEmail, *, actor: User) -> OutgoingEmail:
    email = OutgoingEmail.objects.select_for_update().get(pk=email.pk)
    email.links = ""  # a cancelled email's links are never needed again
    transition(
        email,
        EmailState.CANCELLED,
        ALLOWED_TRANSITIONS,
        key="email.cancelled",
        actor=actor,
        fields=["links"],
        refused=NotCancellable,
    )
    return email


@transaction.atomic
def edit_held_email(email: OutgoingEmail, *, subject: str, text: str, actor: User) -> OutgoingEmail:
    """Staff change a held email before it is released; its HTML part becomes the new text."""
    email = OutgoingEmail.objects.select_for_update().get(pk=email.pk)
    if email.state != EmailState.HELD:
        raise NotHeld
    email.subject = " ".join(subject.split())[:300]
    email.body_text = text.strip() + "\n"
    email.body_html = render_to_string("notifications/email/edited.html", {"text": email.body_text})
    email.save(update_fields=["subject", "body_text", "body_html", "updated_at"])
    record("email.edited", actor=actor, subject=email)
    return email


@transaction.atomic
def release_batch(batch: str, *, actor: User) -> int:
    """Release every held email of a batch at once; how many were released."""
    emails = list(
        OutgoingEmail.objects.select_for_update().filter(batch=batch, state=EmailState.HELD)
    )
    for email in emails:
        # One audit entry for the batch, below, not one per email.
        transition(email, EmailState.QUEUED, ALLOWED_TRANSITIONS, key=None, actor=actor)
        enqueue(DELIVER, email.pk, run_after=email.not_before)
    record("email.batch_released", actor=actor, data={"batch": batch, "count": len(emails)})
    return len(emails)
