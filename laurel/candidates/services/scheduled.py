"""The candidates' scheduled work, each the service of one task (tasks.py calls them), and the
reminders and notices staff also send by hand (bulk, screening)."""

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from laurel.candidates.enums import Consent
from laurel.candidates.models import (
    Candidate,
    ClaimInvitation,
    ContactChange,
    Organisation,
    Placement,
)
from laurel.candidates.queries import waiting_notices
from laurel.core.personal import Kind
from laurel.core.services import enqueue, record
from laurel.cycles.models import Cycle
from laurel.nominations.services import erase_content
from laurel.notifications.services import queue_email

REMIND = "laurel.candidates.tasks.remind_organisation"
ERASE = "laurel.candidates.tasks.erase_refused_candidate"
TELL = "laurel.candidates.tasks.tell_nominators_at_deadline"


def queue_reminder(claim: ClaimInvitation) -> None:
    """The reminder to an organisation that has not answered, in the outbox (the scheduled
    reminders and staff's "remind" on many candidates send the same email)."""
    queue_email(
        "organisation_reminder",
        to=claim.email,
        language=claim.language,
        context={
            "candidate": claim.candidate,
            "cycle": claim.candidate.cycle,
            "greeting_name": claim.greeting_name,
            "deadline": claim.expires_at,
        },
    )


@transaction.atomic
def remind_organisation(claim_id: int) -> str:
    """Scheduled before the consent deadline: a reminder, if the organisation has not answered."""
    claim = (
        ClaimInvitation.objects.select_for_update()
        .select_related("candidate__cycle", "candidate__organisation")
        .filter(pk=claim_id)
        .first()
    )
    if (
        claim is None
        or claim.used_at is not None
        or claim.revoked_at is not None
        or claim.expires_at <= timezone.now()
        or claim.candidate.consent != Consent.PENDING
    ):
        return "not needed"
    queue_reminder(claim)
    record("candidate.consent_reminded", subject=claim.candidate, data={"claim": claim.pk})
    return "reminded"


@transaction.atomic
def erase_refused(candidate_id: int) -> str:
    """Run when a refusing organisation's erasure is due: what its nominations say goes, with
    the documents and what it told us through its link, and the link then shows nothing. A
    refusal undone in time is no longer a refusal: nothing is erased. A refusal made again
    later has a later date, and its own task."""
    candidate = (
        Candidate.objects.select_for_update()
        .filter(pk=candidate_id, consent=Consent.REFUSED)
        .first()
    )
    if candidate is None or candidate.erase_due_at is None:
        return "not refused"
    if candidate.erase_due_at > timezone.now():
        return "not yet"
    placements = Placement.objects.filter(candidate=candidate).select_related("nomination")
    for placement in placements:
        erase_content(placement.nomination, reason="organisation-refused")
    documents = list(candidate.documents.all())
    for document in documents:
        document.file.delete(save=False)
        document.delete()
    ClaimInvitation.objects.filter(candidate=candidate).update(
        erased_at=timezone.now(), told={}, before_refusal={}
    )
    contact_erased = _erase_contact(candidate)
    record(
        "candidate.erased",
        subject=candidate,
        data={
            "nominations": len(placements),
            "documents": len(documents),
            "contact": contact_erased,
        },
    )
    return "erased"


def _erase_contact(candidate: Candidate) -> bool:
    """The refusing organisation's contact person (name, address, language, their history) and
    its description go too, unless it is a candidate elsewhere that did not refuse. Its name,
    country, website and registration number stay: they are not about a person, and they say
    that this organisation refused, should it be nominated again."""
    organisation = Organisation.objects.select_for_update().get(pk=candidate.organisation_id)
    elsewhere = organisation.candidacies.exclude(pk=candidate.pk).exclude(consent=Consent.REFUSED)
    if elsewhere.exists():
        return False
    erased = Organisation.PERSONAL.clear(organisation, Kind.CONTACT, Kind.WRITTEN)
    organisation.save(update_fields=[*erased, "updated_at"])
    ContactChange.objects.filter(organisation=organisation).delete()
    return True


# The deadline's last second still counts (Cycle.planned_phase_at): the notices go a minute later.
AFTER_THE_DEADLINE = timedelta(minutes=1)


@transaction.atomic
def tell_waiting_nominators(
    cycle: Cycle, *, actor: Any = None, candidate: Candidate | None = None
) -> int:
    """Email each nominator still waiting to hear that their candidate is ineligible, once, in
    their language, without the reason; the number of emails. The rows are locked, so the
    staff button and the deadline's task running together cannot tell anyone twice. The one
    piece of code behind services.send_waiting_ineligibility_notices and the deadline task."""
    placements = list(
        waiting_notices(cycle, candidate)
        .select_related("nomination", "candidate")
        .select_for_update(of=("self",))
        .order_by("candidate_id", "pk")
    )
    told: dict[Candidate, int] = {}
    for placement in placements:
        nomination = placement.nomination
        queue_email(
            "candidate_ineligible",
            to=nomination.nominator_email,
            language=nomination.preferred_language or nomination.language,
            context={"nomination": nomination, "cycle": cycle},
        )
        told[placement.candidate] = told.get(placement.candidate, 0) + 1
    Placement.objects.filter(pk__in=[p.pk for p in placements]).update(
        ineligible_notified_at=timezone.now()
    )
    for told_candidate, emails in told.items():
        record(
            "candidate.nominators_told",
            actor=actor,
            subject=told_candidate,
            summary=told_candidate.name,
            data={"emails": emails},
        )
    return len(placements)


def schedule_deadline_notices(cycle: Cycle) -> None:
    """Make sure the deadline's task will tell the waiting nominators (one task per cycle)."""
    waiting = DBTaskResult.objects.filter(
        status="READY", task_path__endswith="tell_nominators_at_deadline"
    ).values_list("args_kwargs", flat=True)
    if any(args.get("args") == [cycle.pk] for args in waiting):
        return
    run_after = max(cycle.nominations_close_at, timezone.now()) + AFTER_THE_DEADLINE
    enqueue(TELL, cycle.pk, run_after=run_after)


def tell_at_deadline(cycle_id: int) -> str:
    """Scheduled when a candidate is marked ineligible while nominations are open: once they
    have closed, its nominators are told. A deadline moved later waits for the new one."""
    cycle = Cycle.objects.filter(pk=cycle_id).first()
    if cycle is None:
        return "no such cycle"
    if cycle.nominations_are_open:
        schedule_deadline_notices(cycle)
        return "nominations are open"
    return f"told {tell_waiting_nominators(cycle)}"
