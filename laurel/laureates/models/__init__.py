"""The laureates' programme, by topic: portal (the laureate, its contacts, media consent),
prize (bank details and payments), summit (the event, delegates, visa letters),
support (needs assessment, plan, coaching sessions), cohort (the laureates' shared space)."""

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
]
