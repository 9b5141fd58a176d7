"""The laureates' programme: every write is one atomic, audited service call."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from laurel.accounts import services as accounts
from laurel.accounts.enums import Role
from laurel.core.services import record
from laurel.cycles.models import Cycle
from laurel.laureates.models import Contact, Laureate


def on_award_answered(sender, *, place, accepted: bool, email: str, language: str, **kwargs):
    """A laureate accepted: its programme record, and an invitation for the contact who
    answered, to the laureate's area. (A decline is the selection's to handle.)"""
    if accepted:
        welcome_laureate(place, email=email, language=language)


@transaction.atomic
def welcome_laureate(place: Any, *, email: str, language: str) -> Laureate:
    candidate = place.candidate
    laureate, created = Laureate.objects.get_or_create(
        candidate=candidate,
        defaults={"cycle_id": candidate.cycle_id, "accepted_at": place.answered_at},
    )
    if created:
        record("laureate.welcomed", subject=laureate, summary=candidate.name)
    if email:
        add_contact(laureate, email=email, language=language, actor=None)
    return laureate


@transaction.atomic
def add_contact(laureate: Laureate, *, email: str, language: str, actor: Any) -> Contact:
    """A person who acts for the laureate: invited to sign in to its area (once)."""
    email = email.strip().lower()
    contact, created = Contact.objects.get_or_create(
        laureate=laureate, email=email, defaults={"language": language}
    )
    if created:
        accounts.invite(
            email,
            role=Role.LAUREATE_CONTACT,
            cycle=laureate.cycle,
            language=language,
            actor=actor,
        )
        record(
            "laureate.contact_added", actor=actor, subject=laureate, data={"contact": contact.pk}
        )
    return contact


@transaction.atomic
def set_media_consent(
    laureate: Laureate,
    *,
    publish_name: bool,
    publish_logo: bool,
    publish_staff_names: bool,
    at_risk: bool,
    actor: Any,
) -> Laureate:
    laureate = Laureate.objects.select_for_update().get(pk=laureate.pk)
    laureate.publish_name = publish_name
    laureate.publish_logo = publish_logo
    laureate.publish_staff_names = publish_staff_names and not at_risk
    laureate.at_risk = at_risk
    laureate.media_consent_at = timezone.now()
    laureate.save(
        update_fields=[
            "publish_name",
            "publish_logo",
            "publish_staff_names",
            "at_risk",
            "media_consent_at",
            "updated_at",
        ]
    )
    record(
        "laureate.media_consent_given",
        actor=actor,
        subject=laureate,
        data={
            "name": publish_name,
            "logo": publish_logo,
            "staff_names": laureate.publish_staff_names,
            "at_risk": at_risk,
        },
    )
    return laureate


def named_in_public(cycle: Cycle) -> set[int]:
    """Candidates whose laureate has given its media consent and lets its name be published:
    until a contact has answered the consent form, a laureate is not named."""
    return set(
        Laureate.objects.filter(
            cycle=cycle, publish_name=True, media_consent_at__isnull=False
        ).values_list("candidate_id", flat=True)
    )
