"""The laureates' programme, by topic: portal (the laureate, its contacts, media consent),
prize (bank details and payments), summit (the event, delegates, visa letters),
support (needs assessment, plan, coaching sessions), cohort (the laureates' shared space)."""

from laurel.accounts.enums import Role
from laurel.laureates.models.cohort import (
    DigestPreference,
    Event,
    Initiative,
    InitiativeMilestone,
    LibraryDocument,
    Post,
    Reply,
    Signature,
)
from laurel.laureates.models.portal import Contact, Laureate
from laurel.laureates.models.prize import BankAccount, Payment
from laurel.laureates.models.summit import Delegate, Summit, VisaRequest
from laurel.laureates.models.support import Assessment, Milestone, Objective, Session


def acted_for_by(user):
    """The laureates a signed-in contact acts for: tied to them by user id when they accepted
    the contact's invitation (never by address, which can change), in a cycle where they hold
    the role. One filter for the pages (queries.laureates_of) and the navigation's rule."""
    if not user.is_authenticated:
        return Laureate.objects.none()
    return Laureate.objects.filter(
        contacts__user=user,
        cycle__role_grants__user=user,
        cycle__role_grants__role=Role.LAUREATE_CONTACT,
    )


__all__ = [
    "Assessment",
    "BankAccount",
    "Contact",
    "Delegate",
    "DigestPreference",
    "Event",
    "Initiative",
    "InitiativeMilestone",
    "Laureate",
    "LibraryDocument",
    "Milestone",
    "Objective",
    "Payment",
    "Post",
    "Reply",
    "Session",
    "Signature",
    "Summit",
    "VisaRequest",
    "acted_for_by",
]
