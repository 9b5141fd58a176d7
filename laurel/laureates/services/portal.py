"""The laureates' programme: every write is one atomic, audited service call."""

from dataclasses import asdict
from typing import Any

from django.db import transaction
from django.utils import timezone

from laurel.accounts import services as accounts
from laurel.accounts.enums import Role
from laurel.accounts.models import Invitation, User
from laurel.core.services import record
from laurel.cycles.models import Cycle
from laurel.cycles.phases import require_phase
from laurel.laureates.models import Contact, Laureate
from laurel.selection.models import Place
from laurel.selection.signals import MediaConsent


def on_award_answered(
    sender: Any,
    *,
    place: Place,
    accepted: bool,
    email: str,
    language: str,
    consent: MediaConsent | None = None,
    **kwargs: Any,
) -> None:
    """A laureate accepted: its programme record with what it said may be published (in the
    same transaction as the answer), and an invitation for the contact who answered, to the
    laureate's area. (A decline is the selection's to handle.)"""
    if accepted:
        laureate = welcome_laureate(place, email=email, language=language)
        if consent is not None:
            set_media_consent(laureate, **asdict(consent), actor=None)


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
def add_contact(laureate: Laureate, *, email: str, language: str, actor: User | None) -> Contact:
    """A person who acts for the laureate: invited to sign in to its area (once)."""
    require_phase(laureate.cycle_id, "programme")
    email = email.strip().lower()
    contact, created = Contact.objects.get_or_create(
        laureate=laureate, email=email, defaults={"language": language}
    )
    if created:
        contact.invitation, _token = accounts.invite(
            email,
            role=Role.LAUREATE_CONTACT,
            cycle=laureate.cycle,
            language=language,
            actor=actor,
        )
        contact.save(update_fields=["invitation"])
        record(
            "laureate.contact_added", actor=actor, subject=laureate, data={"contact": contact.pk}
        )
    return contact


def on_email_changed(sender: Any, *, user: User, new: str, actor: User, **kwargs: Any) -> None:
    """The laureate's mail to a contact follows its person's new address."""
    readdress_contacts(user, email=new, actor=actor)


@transaction.atomic
def readdress_contacts(user: User, *, email: str, actor: User) -> int:
    """The contacts tied to this user are written to at `email` from now on (a laureate that
    already has a contact at that address keeps both rows as they are)."""
    moved = 0
    for contact in Contact.objects.select_for_update().filter(user=user).exclude(email=email):
        if Contact.objects.filter(laureate_id=contact.laureate_id, email=email).exists():
            continue
        contact.email = email
        contact.save(update_fields=["email"])
        record(
            "laureate.contact_readdressed",
            actor=actor,
            subject=contact.laureate,
            data={"contact": contact.pk},
        )
        moved += 1
    return moved


def on_invitation_accepted(
    sender: Any, *, invitation: Invitation, user: User, **kwargs: Any
) -> None:
    """Whoever accepted a contact's invitation acts for its laureate from now on."""
    tie_contacts(invitation, user=user)


@transaction.atomic
def tie_contacts(invitation: Invitation, *, user: User) -> list[Contact]:
    """Tie the contacts this invitation was sent for to the user who accepted it (by id: the
    link was mailed to the contact's address, so accepting it proves the person is theirs).

    A laureate-contact invitation that staff sent by hand (the contact's own was withdrawn, or
    the contact predates the link) proves the same for its cycle: it ties the untied contacts of
    that cycle at the address it was sent to."""
    untied = Contact.objects.select_for_update().filter(user=None)
    contacts = list(untied.filter(invitation=invitation))
    if not contacts and invitation.role == Role.LAUREATE_CONTACT and invitation.cycle_id:
        contacts = list(
            untied.filter(laureate__cycle_id=invitation.cycle_id, email__iexact=invitation.email)
        )
    for contact in contacts:
        contact.user, contact.invitation = user, invitation
        contact.save(update_fields=["user", "invitation"])
        record(
            "laureate.contact_tied",
            actor=user,
            subject=contact.laureate,
            data={"contact": contact.pk, "user": user.pk},
        )
    return contacts


@transaction.atomic
def set_media_consent(
    laureate: Laureate,
    *,
    publish_name: bool,
    publish_logo: bool,
    publish_staff_names: bool,
    at_risk: bool,
    actor: User | None,
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
    """Candidates whose laureate has said what may be published and lets its name be: until it
    has answered (with its acceptance, or later in its area), and whenever it says it is at risk
    if named, a laureate is not named."""
    return set(
        Laureate.objects.filter(
            cycle=cycle, publish_name=True, at_risk=False, media_consent_at__isnull=False
        ).values_list("candidate_id", flat=True)
    )
