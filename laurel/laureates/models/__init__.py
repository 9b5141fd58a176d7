"""The laureates' programme, by topic: portal (the laureate, its contacts, media consent),
prize (bank details and payments), summit (the event, delegates, visa letters),
support (needs assessment, plan, coaching sessions)."""

from laurel.laureates.models.portal import Contact, Laureate
from laurel.laureates.models.prize import BankAccount, Payment
from laurel.laureates.models.summit import Delegate, Summit, VisaRequest
from laurel.laureates.models.support import Assessment, Milestone, Objective, Session

__all__ = [
    "Assessment",
    "BankAccount",
    "Contact",
    "Delegate",
    "Laureate",
    "Milestone",
    "Objective",
    "Payment",
    "Session",
    "Summit",
    "VisaRequest",
]
