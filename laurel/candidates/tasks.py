from django.db import transaction
from django.utils import timezone
from django_tasks import task

from laurel.candidates.enums import Consent
from laurel.candidates.models import Candidate, ClaimInvitation, Placement
from laurel.core.services import record
from laurel.nominations.services import erase_content
from laurel.notifications.services import queue_email


@task()
def remind_organisation(claim_id: int) -> str:
    """Scheduled before the consent deadline: a reminder, if the organisation has not answered."""
    with transaction.atomic():
        claim = (
            ClaimInvitation.objects.select_for_update()
            .select_related("candidate__cycle")
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
        queue_email(
            "organisation_reminder",
            to=claim.email,
            language=claim.language,
            context={
                "candidate": claim.candidate,
                "cycle": claim.candidate.cycle,
                "deadline": claim.expires_at,
            },
        )
        record("candidate.consent_reminded", subject=claim.candidate, data={"claim": claim.pk})
        return "reminded"


@task()
def erase_refused_candidate(candidate_id: int) -> str:
    """Run when a refusing organisation's erasure is due: what its nominations say goes."""
    candidate = Candidate.objects.filter(pk=candidate_id, consent=Consent.REFUSED).first()
    if candidate is None or candidate.erase_due_at is None:
        return "not refused"
    if candidate.erase_due_at > timezone.now():
        return "not yet"
    placements = Placement.objects.filter(candidate=candidate).select_related("nomination")
    for placement in placements:
        erase_content(placement.nomination, reason="organisation-refused")
    record(
        "candidate.erased",
        subject=candidate,
        data={"nominations": len(placements)},
    )
    return "erased"
