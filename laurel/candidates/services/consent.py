"""The nominated organisation's own answer: a private link, usable until the answer-by date, to
consent or refuse, correct its profile and upload documents, and to come back to add a document
or change its answer (a refusal can be undone until its erasure). It learns it was nominated,
never by whom."""

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.candidates.enums import ACTIVE_STATES, CandidateState, Consent
from laurel.candidates.models import Candidate, ClaimInvitation
from laurel.candidates.services.common import (
    ScreeningError,
    _move,
    remember_names,
    suggest_duplicates,
)
from laurel.candidates.services.contact import contact_from_claim
from laurel.candidates.services.diligence import add_document
from laurel.candidates.services.placing import organisation_keys
from laurel.candidates.services.scheduled import ERASE, REMIND
from laurel.core.ratelimit import over_limit
from laurel.core.services import ServiceError, enqueue, record
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
# Those matching compares: corrected, they may make the candidate another one's duplicate.
MATCHED_FIELDS = {"name", "website", "registration_number"}


class ClaimRefused(ServiceError):
    """A claim link that cannot be used: `reason` is unknown, expired or revoked; `cycle` is
    the award it was for, except for an unknown (or erased) link, which says nothing."""

    def __init__(self, reason: str, *, cycle: Any = None):
        super().__init__(reason)
        self.reason = reason
        self.cycle = cycle


def claim_url(token: str, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse("candidates:claim", kwargs={"token": token})


def call_address(language: str) -> str:
    """The award's public call page, for the organisation to type by hand and check us."""
    with translation.override(language):
        return settings.SITE_URL + reverse("nominations:call")


@transaction.atomic
def invite_organisation(
    candidate: Candidate, *, email: str, language: str, deadline: datetime, actor: User
) -> str:
    """Ask the organisation: a new private link (any earlier one stops working), the email,
    and reminders before `deadline`. Returns the link's token, which is stored only hashed."""
    require_phase(candidate.cycle_id, "merge")
    candidate = Candidate.objects.select_for_update().select_related("cycle").get(pk=candidate.pk)
    if candidate.state not in ACTIVE_STATES:
        raise ScreeningError(_("Only a candidate being screened can be asked for consent."))
    if candidate.consent in {Consent.GIVEN, Consent.REFUSED}:
        raise ScreeningError(_("The organisation has answered already."))
    if deadline <= timezone.now():
        raise ScreeningError(_("The answer-by date must be in the future."), field="deadline")
    now = timezone.now()
    ClaimInvitation.objects.filter(candidate=candidate, revoked_at=None).update(revoked_at=now)
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
            "greeting_name": claim.greeting_name,
            "claim_url": claim_url(token, language),
            "call_address": call_address(language),
            "deadline": deadline,
        },
    )
    for before in REMINDERS:
        if deadline - before > now:
            enqueue(REMIND, claim.pk, run_after=deadline - before)
    record(
        "candidate.consent_requested",
        actor=actor,
        subject=candidate,
        summary=candidate.name,
        data={"claim": claim.pk, "deadline": deadline.isoformat()},
    )
    return token


def find_claim(token: str) -> ClaimInvitation:
    """The claim behind a link, or ClaimRefused saying why it cannot be used. A link whose
    refusal was erased (or is due for erasure) is treated as unknown: it shows nothing."""
    claim = (
        ClaimInvitation.objects.select_related("candidate__cycle", "candidate__organisation")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if claim is None or claim.erased_at is not None or _erasure_due(claim.candidate):
        raise ClaimRefused("unknown")
    if claim.revoked_at is not None:
        raise ClaimRefused("revoked", cycle=claim.candidate.cycle)
    if claim.expires_at <= timezone.now():
        raise ClaimRefused("expired", cycle=claim.candidate.cycle)
    return claim


def _erasure_due(candidate: Candidate) -> bool:
    return (
        candidate.consent == Consent.REFUSED
        and candidate.erase_due_at is not None
        and candidate.erase_due_at <= timezone.now()
    )


def undo_until(claim: ClaimInvitation) -> datetime | None:
    """Until when a refusal through this link can be changed: its erasure or the answer-by
    date, whichever comes first (None when the organisation has not refused)."""
    candidate = claim.candidate
    if candidate.consent != Consent.REFUSED or candidate.erase_due_at is None:
        return None
    return min(candidate.erase_due_at, claim.expires_at)


@transaction.atomic
def answer_claim(
    token: str,
    *,
    consent: bool,
    profile: dict[str, Any] | None = None,
    documents: Sequence[tuple[Any, Any, str]] = (),
    language: str = "",
) -> Candidate:
    """The organisation's answer, and any later change of it until the answer-by date.
    Consent updates its profile, its contact and adds its documents (a consent after a refusal
    undoes the refusal); refusal withdraws the candidate and schedules its nominations' content
    for erasure. Each answer is audited and confirmed by email."""
    claim = find_claim(token)
    claim = (
        ClaimInvitation.objects.select_for_update()
        .select_related("candidate__cycle", "candidate__organisation")
        .get(pk=claim.pk)
    )
    candidate = (
        Candidate.objects.select_for_update()
        .select_related("organisation", "cycle")
        .get(pk=claim.candidate_id)
    )
    claim.candidate = candidate
    if candidate.state == CandidateState.MERGED:
        # Merged into another candidate since the link was sent: an answer or a document filed
        # here would be seen by no one. The page says to write to the secretariat.
        raise ScreeningError(_("Only a candidate being screened can be asked for consent."))
    now = timezone.now()
    language = language or claim.language
    first = claim.used_at is None
    if not consent and candidate.consent == Consent.REFUSED:
        return candidate  # refused already: nothing changes, the erasure date stands
    claim.used_at = now
    claim.save(update_fields=["used_at"])
    told_before = dict(claim.told)
    candidate.consent_at = now
    if consent:
        if candidate.consent == Consent.REFUSED:
            _undo_refusal(candidate, claim)
        _consent(candidate, claim, profile or {}, documents, language, first=first)
    else:
        _refuse(candidate, claim, now)
    _confirm(candidate, claim, token, language, told_before=told_before)
    return candidate


def _consent(
    candidate: Candidate,
    claim: ClaimInvitation,
    profile: dict[str, Any],
    documents: Sequence[tuple[Any, Any, str]],
    language: str,
    *,
    first: bool,
) -> None:
    organisation = candidate.organisation
    told = {
        name: profile[name] for name in PROFILE_FIELDS if profile.get(name) not in (None, "")
    } | {"language": language}
    told_changed = sorted(
        name for name in set(told) | set(claim.told) if told.get(name) != claim.told.get(name)
    )
    claim.told = told
    claim.save(update_fields=["told"])
    changed = [
        name
        for name in PROFILE_FIELDS
        if name not in CONTACT_FIELDS
        and profile.get(name) not in (None, "")
        and profile[name] != getattr(organisation, name)
    ]
    old_name = organisation.name
    for name in changed:
        setattr(organisation, name, profile[name])
    if changed:
        keys = organisation_keys(organisation.website, organisation.registration_number)
        for name, value in keys.items():
            setattr(organisation, name, value)
        # The name it corrected is still a name others write: matching keeps comparing it.
        if "name" in changed:
            remember_names(organisation, [old_name])
        organisation.save(update_fields=[*changed, *keys, "aliases", "updated_at"])
    was = candidate.consent
    candidate.consent = Consent.GIVEN
    candidate.name = organisation.name
    candidate.save(update_fields=["consent", "consent_at", "name", "updated_at"])
    contact_from_claim(candidate, claim=claim)
    if set(changed) & MATCHED_FIELDS:
        # A corrected name or website may now be another candidate's: staff are asked.
        suggest_duplicates(candidate.cycle, only=[candidate.pk])
    for upload, checked, kind in documents:
        add_document(candidate, upload=upload, checked=checked, kind=kind, from_organisation=True)
    record(
        "candidate.consented" if first or was != Consent.GIVEN else "candidate.consent_changed",
        subject=candidate,
        summary=candidate.name,
        data={
            "profile_fields_changed": changed,
            "told_fields_changed": [name for name in told_changed if name != "language"],
            "documents": len(documents),
        },
    )


def _refuse(candidate: Candidate, claim: ClaimInvitation, now: datetime) -> None:
    claim.before_refusal = {
        "state": candidate.state,
        "ready_for_committee": candidate.ready_for_committee,
    }
    claim.save(update_fields=["before_refusal"])
    candidate.consent = Consent.REFUSED
    candidate.ready_for_committee = False
    candidate.erase_due_at = now + ERASE_AFTER
    _move(
        candidate,
        CandidateState.WITHDRAWN,
        key="candidate.consent_refused",
        actor=None,  # the organisation, through its link
        fields=["consent", "consent_at", "ready_for_committee", "erase_due_at"],
        data={"erase_due_at": candidate.erase_due_at.isoformat()},
    )
    enqueue(ERASE, candidate.pk, run_after=candidate.erase_due_at)


def _undo_refusal(candidate: Candidate, claim: ClaimInvitation) -> None:
    """The organisation changed its refusal to consent within the undo window: the candidate
    is back where the refusal found it and nothing will be erased (the erasure task, when it
    runs, finds no refusal)."""
    before = claim.before_refusal or {}
    candidate.ready_for_committee = bool(before.get("ready_for_committee"))
    candidate.erase_due_at = None
    _move(
        candidate,
        before.get("state") or CandidateState.TO_SCREEN,
        key="candidate.consent_refusal_undone",
        actor=None,
        undo=True,
        fields=["ready_for_committee", "erase_due_at"],
    )
    claim.before_refusal = {}
    claim.save(update_fields=["before_refusal"])


# The confirmation emails one link may cause in a day: the link is no way to send mail to any
# address again and again (each answer may name another contact).
ANSWER_EMAILS_PER_DAY = 6


def _confirm(
    candidate: Candidate,
    claim: ClaimInvitation,
    token: str,
    language: str,
    *,
    told_before: dict[str, Any],
) -> None:
    """The confirmation email: to the address the link went to, and to the contact the
    organisation gave if that is another one (once, when it is first given). At most
    ANSWER_EMAILS_PER_DAY a day for one link; the page shows the receipt all the same."""
    context = {
        "candidate": candidate,
        "cycle": candidate.cycle,
        "greeting_name": claim.greeting_name,
        "documents": list(candidate.documents.filter(from_organisation=True)),
        "deadline": claim.expires_at,
        "undo_until": undo_until(claim),
        "claim_url": claim_url(token, language),
    }
    addresses = [claim.email]
    told_email = (claim.told.get("contact_email") or "").lower()
    told_before_email = (told_before.get("contact_email") or "").lower()
    if (
        candidate.consent == Consent.GIVEN
        and told_email
        and told_email not in (claim.email.lower(), told_before_email)
    ):
        addresses.append(told_email)
    for address in addresses:
        if over_limit(
            "organisation-answered", str(claim.pk), limit=ANSWER_EMAILS_PER_DAY, window=86400
        ):
            break
        queue_email("organisation_answered", to=address, language=language, context=context)
