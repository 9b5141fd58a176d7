"""The nominated organisation's own answer: a single-use link to consent or refuse, correct its
profile and upload documents. It learns it was nominated, never by whom."""

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from laurel.candidates.enums import ACTIVE_STATES, CandidateState, Consent
from laurel.candidates.models import Candidate, ClaimInvitation
from laurel.candidates.services.common import ScreeningError, _move
from laurel.candidates.services.contact import contact_from_claim
from laurel.candidates.services.diligence import add_document
from laurel.candidates.services.placing import organisation_keys
from laurel.candidates.tasks import erase_refused_candidate, remind_organisation
from laurel.core.services import record
from laurel.cycles.phases import require_phase
from laurel.nominations.models import hash_token, new_token
from laurel.notifications.services import queue_email

# Reminders go this long before the deadline (those already past are skipped).
REMINDERS = [timedelta(days=7), timedelta(days=2)]
# A refusing organisation's nominations are erased this long after the refusal.
ERASE_AFTER = timedelta(days=30)
# What the organisation may correct in its profile.
PROFILE_FIELDS = [
    "name",
    "city",
    "website",
    "registration_number",
    "description",
    "contact_name",
    "contact_email",
]
# Those that are the contact: kept by staff (services.contact), not written over by the answer.
CONTACT_FIELDS = {"contact_name", "contact_email"}


class ClaimRefused(Exception):
    """A claim link that cannot be used: `reason` is unknown, used, expired or revoked."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def claim_url(token: str, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse("candidates:claim", kwargs={"token": token})


@transaction.atomic
def invite_organisation(
    candidate: Candidate, *, email: str, language: str, deadline: datetime, actor: Any
) -> str:
    """Ask the organisation: a new single-use link (any earlier one stops working), the email,
    and reminders before `deadline`. Returns the link's token, which is stored only hashed."""
    require_phase(candidate.cycle_id, "merge")
    candidate = Candidate.objects.select_for_update().select_related("cycle").get(pk=candidate.pk)
    if candidate.state not in ACTIVE_STATES:
        raise ScreeningError(_("Only a candidate being screened can be asked for consent."))
    if candidate.consent in {Consent.GIVEN, Consent.REFUSED}:
        raise ScreeningError(_("The organisation has answered already."))
    if deadline <= timezone.now():
        raise ScreeningError(_("The answer-by date must be in the future."))
    now = timezone.now()
    ClaimInvitation.objects.filter(candidate=candidate, used_at=None, revoked_at=None).update(
        revoked_at=now
    )
    token, token_hash = new_token()
    claim = ClaimInvitation.objects.create(
        candidate=candidate,
        email=email,
        language=language,
        token_hash=token_hash,
        created_by=actor,
        expires_at=deadline,
    )
    candidate.consent = Consent.PENDING
    candidate.consent_deadline = deadline
    candidate.save(update_fields=["consent", "consent_deadline", "updated_at"])
    queue_email(
        "organisation_invitation",
        to=email,
        language=language,
        context={
            "candidate": candidate,
            "cycle": candidate.cycle,
            "claim_url": claim_url(token, language),
            "deadline": deadline,
        },
    )
    for before in REMINDERS:
        if deadline - before > now:
            remind_organisation.using(run_after=deadline - before).enqueue(claim.pk)
    record(
        "candidate.consent_requested",
        actor=actor,
        subject=candidate,
        summary=candidate.name,
        data={"claim": claim.pk, "deadline": deadline.isoformat()},
    )
    return token


def find_claim(token: str) -> ClaimInvitation:
    """The claim behind a link, or ClaimRefused saying why it cannot be used."""
    claim = (
        ClaimInvitation.objects.select_related("candidate__cycle", "candidate__organisation")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if claim is None:
        raise ClaimRefused("unknown")
    if claim.used_at is not None:
        raise ClaimRefused("used")
    if claim.revoked_at is not None:
        raise ClaimRefused("revoked")
    if claim.expires_at <= timezone.now():
        raise ClaimRefused("expired")
    return claim


@transaction.atomic
def answer_claim(
    token: str,
    *,
    consent: bool,
    profile: dict[str, Any] | None = None,
    documents: list[tuple[Any, Any, str]] = (),
    language: str = "",
) -> Candidate:
    """The organisation's answer, once. Consent updates its profile and adds its documents;
    refusal withdraws the candidate and schedules its nominations' content for erasure."""
    claim = find_claim(token)
    claim = ClaimInvitation.objects.select_for_update().get(pk=claim.pk)
    if claim.used_at is not None:
        raise ClaimRefused("used")
    now = timezone.now()
    claim.used_at = now
    claim.save(update_fields=["used_at"])
    candidate = (
        Candidate.objects.select_for_update()
        .select_related("organisation", "cycle")
        .get(pk=claim.candidate_id)
    )
    candidate.consent_at = now
    if consent:
        _consent(candidate, claim, profile or {}, documents, language or claim.language)
    else:
        _refuse(candidate, now)
    return candidate


def _consent(
    candidate: Candidate, claim: ClaimInvitation, profile: dict[str, Any], documents, language
) -> None:
    organisation = candidate.organisation
    claim.told = {
        name: profile[name] for name in PROFILE_FIELDS if profile.get(name) not in (None, "")
    } | {"language": language}
    claim.save(update_fields=["told"])
    changed = [
        name
        for name in PROFILE_FIELDS
        if name not in CONTACT_FIELDS
        and profile.get(name) not in (None, "")
        and profile[name] != getattr(organisation, name)
    ]
    for name in changed:
        setattr(organisation, name, profile[name])
    if changed:
        keys = organisation_keys(organisation.website, organisation.registration_number)
        for name, value in keys.items():
            setattr(organisation, name, value)
        organisation.save(update_fields=[*changed, *keys, "updated_at"])
    candidate.consent = Consent.GIVEN
    candidate.name = organisation.name
    candidate.save(update_fields=["consent", "consent_at", "name", "updated_at"])
    contact_from_claim(candidate, claim=claim)
    for upload, checked, kind in documents:
        add_document(candidate, upload=upload, checked=checked, kind=kind, from_organisation=True)
    record(
        "candidate.consented",
        subject=candidate,
        summary=candidate.name,
        data={"profile_fields_changed": changed, "documents": len(documents)},
    )


def _refuse(candidate: Candidate, now: datetime) -> None:
    _move(candidate, CandidateState.WITHDRAWN)
    candidate.consent = Consent.REFUSED
    candidate.ready_for_committee = False
    candidate.erase_due_at = now + ERASE_AFTER
    candidate.save(
        update_fields=[
            "state",
            "consent",
            "consent_at",
            "ready_for_committee",
            "erase_due_at",
            "updated_at",
        ]
    )
    erase_refused_candidate.using(run_after=candidate.erase_due_at).enqueue(candidate.pk)
    record(
        "candidate.consent_refused",
        subject=candidate,
        summary=candidate.name,
        data={"erase_due_at": candidate.erase_due_at.isoformat()},
    )
