"""An organisation's contact: the person and address its letters go to, and their language.
Staff keep it; the organisation's own answer on its consent page fills it unless staff have
chosen it by hand. Every change is kept (ContactChange) and audited, without the addresses."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.candidates.models import Candidate, ClaimInvitation, ContactChange, Organisation
from laurel.candidates.services.common import ScreeningError
from laurel.core.services import record

# What a change of contact writes: ContactChange field → Organisation field.
FIELDS = {"name": "contact_name", "email": "contact_email", "language": "contact_language"}
# An organisation is written to in a public language (its letters in a working one).
LANGUAGES = set(settings.PUBLIC_LANGUAGES)


def _write(
    candidate: Candidate,
    *,
    values: dict[str, str],
    source: str,
    actor: User | None,
) -> ContactChange | None:
    organisation = Organisation.objects.select_for_update().get(pk=candidate.organisation_id)
    values = {name: " ".join((value or "").split()) for name, value in values.items()}
    values["email"] = values["email"].lower()
    if values["language"] and values["language"] not in LANGUAGES:
        raise ScreeningError(_("Letters are written in Swedish or English."))
    changed = [
        name for name, field in FIELDS.items() if getattr(organisation, field) != values[name]
    ]
    if not changed:
        return None
    for name in changed:
        setattr(organisation, FIELDS[name], values[name])
    organisation.save(update_fields=[FIELDS[name] for name in changed] + ["updated_at"])
    change = ContactChange.objects.create(
        organisation=organisation,
        candidate=candidate,
        fields=changed,
        source=source,
        by=actor if getattr(actor, "is_authenticated", False) else None,
        **values,
    )
    candidate.organisation = organisation
    record(
        "candidate.contact_changed",
        actor=actor,
        subject=candidate,
        summary=candidate.name,
        data={"fields": changed, "source": source},  # no names or addresses in the audit log
    )
    return change


@transaction.atomic
def set_contact(
    candidate: Candidate, *, name: str, email: str, language: str, actor: User
) -> ContactChange | None:
    """Staff set the contact by hand; None when nothing changed."""
    return _write(
        candidate,
        values={"name": name, "email": email, "language": language},
        source=ContactChange.Source.STAFF,
        actor=actor,
    )


@transaction.atomic
def use_claimed_contact(
    candidate: Candidate, *, claim: ClaimInvitation, actor: User | None
) -> ContactChange | None:
    """Staff make what the organisation told us on its consent page the contact."""
    if claim.candidate_id != candidate.pk or not claim.told:
        raise ScreeningError(_("The organisation has told us nothing through this link."))
    organisation = candidate.organisation
    told = claim.told
    return _write(
        candidate,
        values={
            "name": told.get("contact_name") or organisation.contact_name,
            "email": told.get("contact_email") or claim.email,
            "language": told.get("language")
            if told.get("language") in LANGUAGES
            else organisation.contact_language,
        },
        source=ContactChange.Source.CLAIM,
        actor=actor,
    )


def contact_from_claim(candidate: Candidate, *, claim: ClaimInvitation) -> None:
    """The organisation answered: what it told us becomes the contact, unless staff chose the
    contact by hand (theirs stands; the answer waits on the page for them to use)."""
    chosen_by_staff = ContactChange.objects.filter(
        organisation_id=candidate.organisation_id, source=ContactChange.Source.STAFF
    ).exists()
    if not chosen_by_staff:
        use_claimed_contact(candidate, claim=claim, actor=None)
