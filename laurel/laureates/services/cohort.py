"""The cohort space: posts and replies, joint initiatives with co-signers, a shared library, the
programme's calendar, and email digests at each person's chosen frequency."""

import secrets
from datetime import date, datetime, timedelta
from typing import Any

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks_db.models import DBTaskResult

from laurel.accounts.models import User
from laurel.accounts.rules import is_staff_member
from laurel.core.services import ServiceError, enqueue, record
from laurel.cycles.models import Cycle
from laurel.cycles.phases import require_phase
from laurel.laureates.enums import DigestFrequency, InitiativeKind, InitiativeStatus
from laurel.laureates.models import (
    Contact,
    DigestPreference,
    Event,
    Initiative,
    InitiativeMilestone,
    Laureate,
    LibraryDocument,
    Post,
    Reply,
    Signature,
)
from laurel.notifications.services import queue_email


class CohortError(ServiceError):
    """A cohort-space step refused; `field` names the form field it is about."""


def laureate_of(user: User, cycle: Cycle) -> Laureate | None:
    """The organisation a person speaks for in the cohort (staff: none): the contact tied to
    them by user id, never one found by address."""
    if not getattr(user, "is_authenticated", False):
        return None
    contact = (
        Contact.objects.filter(laureate__cycle=cycle, user=user).select_related("laureate").first()
    )
    return contact.laureate if contact else None


@transaction.atomic
def post(cycle: Cycle, *, title: str, body: str, actor: User) -> Post:
    require_phase(cycle, "programme")
    message = Post.objects.create(
        cycle=cycle,
        author=actor,
        laureate=laureate_of(actor, cycle),
        title=title.strip(),
        body=body.strip(),
    )
    record("cohort.posted", actor=actor, subject=message)
    return message


@transaction.atomic
def reply(message: Post, *, body: str, actor: User) -> Reply:
    answer = Reply.objects.create(
        post=message, author=actor, laureate=laureate_of(actor, message.cycle), body=body.strip()
    )
    record("cohort.replied", actor=actor, subject=message, data={"reply": answer.pk})
    return answer


@transaction.atomic
def propose_initiative(
    cycle: Cycle, *, kind: str, title: str, description: str, owners: list, actor: User
) -> Initiative:
    require_phase(cycle, "programme")
    if kind not in InitiativeKind.values:
        raise CohortError(_("Choose the kind of initiative."), "kind")
    if not owners:
        raise CohortError(_("Name at least one laureate that leads it."), "owners")
    if any(owner.cycle_id != cycle.pk for owner in owners):
        raise CohortError(_("Only laureates of this award can lead it."), "owners")
    if not is_staff_member(actor):
        # A contact speaks for their own organisation only: naming another laureate as its
        # leader would put words in that laureate's mouth (and let it steer what it never
        # proposed). Others join by co-signing.
        speaks_for = laureate_of(actor, cycle)
        if speaks_for is None or any(owner.pk != speaks_for.pk for owner in owners):
            raise CohortError(_("You can name only your own organisation to lead it."), "owners")
    initiative = Initiative.objects.create(
        cycle=cycle, kind=kind, title=title.strip(), description=description.strip()
    )
    initiative.owners.set(owners)
    record("initiative.proposed", actor=actor, subject=initiative)
    return initiative


def _may_lead(initiative: Initiative, actor: User) -> bool:
    speaks_for = laureate_of(actor, initiative.cycle)
    return is_staff_member(actor) or (
        speaks_for is not None and initiative.owners.filter(pk=speaks_for.pk).exists()
    )


@transaction.atomic
def set_initiative_status(initiative: Initiative, *, status: str, actor: User) -> Initiative:
    if status not in InitiativeStatus.values:
        raise CohortError(_("Choose a status."), "status")
    if not _may_lead(initiative, actor):
        raise CohortError(_("Only its owners or staff change an initiative."))
    initiative.status = status
    initiative.save(update_fields=["status", "updated_at"])
    record("initiative.status_changed", actor=actor, subject=initiative, data={"status": status})
    return initiative


@transaction.atomic
def add_initiative_milestone(
    initiative: Initiative, *, title: str, due_on: date, actor: User
) -> InitiativeMilestone:
    if not _may_lead(initiative, actor):
        raise CohortError(_("Only its owners or staff change an initiative."))
    milestone = InitiativeMilestone.objects.create(
        initiative=initiative, title=title.strip(), due_on=due_on
    )
    record("initiative.milestone_added", actor=actor, subject=initiative)
    return milestone


@transaction.atomic
def co_sign(initiative: Initiative, *, actor: User) -> Signature:
    """The actor's organisation co-signs, once."""
    laureate = laureate_of(actor, initiative.cycle)
    if laureate is None:
        raise CohortError(_("Only a laureate's contact signs for the organisation."))
    if initiative.status == InitiativeStatus.DROPPED:
        raise CohortError(_("This initiative was dropped."))
    signature, created = Signature.objects.get_or_create(
        initiative=initiative, laureate=laureate, defaults={"signed_by": actor}
    )
    if not created:
        raise CohortError(_("Your organisation has signed already."))
    record("initiative.signed", actor=actor, subject=initiative, data={"laureate": laureate.pk})
    return signature


@transaction.atomic
def share_document(
    cycle: Cycle, *, title: str, upload: Any, kind: str, actor: User
) -> LibraryDocument:
    require_phase(cycle, "programme")
    document = LibraryDocument(cycle=cycle, title=title.strip(), kind=kind, uploaded_by=actor)
    # A random name: nothing the uploader chose reaches the file system; people see the title.
    document.file.save(f"{secrets.token_hex(16)}.{kind}", File(upload), save=False)
    document.save()
    record("cohort.document_shared", actor=actor, subject=document)
    return document


@transaction.atomic
def add_event(
    cycle: Cycle,
    *,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    where: str,
    description: str,
    actor: User,
) -> Event:
    require_phase(cycle, "programme")
    if ends_at < starts_at:
        raise CohortError(_("An event cannot end before it starts."), "ends_at")
    event = Event.objects.create(
        cycle=cycle,
        title=title.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        where=where.strip(),
        description=description.strip(),
    )
    record("cohort.event_added", actor=actor, subject=event)
    return event


@transaction.atomic
def choose_digest(cycle: Cycle, *, frequency: str, actor: User) -> DigestPreference:
    if frequency not in DigestFrequency.values:
        raise CohortError(_("Choose how often."), "frequency")
    preference, _created = DigestPreference.objects.update_or_create(
        user=actor, cycle=cycle, defaults={"frequency": frequency}
    )
    if frequency != DigestFrequency.NEVER:
        schedule_digests(frequency)
    return preference


SEND_DIGESTS = "laurel.laureates.tasks.send_digests"
# When each digest goes out: 07:00 server time (daily), Mondays (weekly).
DIGEST_HOUR = 7


def _next_run(frequency: str, now: datetime) -> datetime:
    local = timezone.localtime(now)
    run = local.replace(hour=DIGEST_HOUR, minute=0, second=0, microsecond=0)
    if run <= local:
        run += timedelta(days=1)
    if frequency == "weekly":
        run += timedelta(days=(7 - run.weekday()) % 7)
    return run


def schedule_digests(frequency: str) -> None:
    """Make sure the next run of this digest is waiting (once, however many ask)."""
    waiting = DBTaskResult.objects.filter(status="READY", task_path__endswith="send_digests")
    if not any(result.args_kwargs.get("args") == [frequency] for result in waiting):
        enqueue(SEND_DIGESTS, frequency, run_after=_next_run(frequency, timezone.now()))


def send_digests(frequency: str) -> int:
    """What happened in the cohort space since each person's last digest; then the next run."""
    now = timezone.now()
    sent = 0
    preferences = DigestPreference.objects.filter(frequency=frequency).select_related(
        "user", "cycle"
    )
    for preference in preferences:
        since = preference.last_sent_at or preference.cycle.created_at
        posts = list(Post.objects.filter(cycle=preference.cycle, created_at__gt=since)[:20])
        replies = Reply.objects.filter(post__cycle=preference.cycle, created_at__gt=since).count()
        initiatives = list(
            Initiative.objects.filter(cycle=preference.cycle, created_at__gt=since)[:20]
        )
        events = list(Event.objects.filter(cycle=preference.cycle, starts_at__gte=now)[:5])
        if posts or replies or initiatives:
            queue_email(
                "cohort_digest",
                to=preference.user.email,
                language=preference.user.language,
                context={
                    "cycle": preference.cycle,
                    "posts": posts,
                    "replies": replies,
                    "initiatives": initiatives,
                    "events": events,
                },
            )
            sent += 1
        preference.last_sent_at = now
        preference.save(update_fields=["last_sent_at"])
    schedule_digests(frequency)
    return sent
