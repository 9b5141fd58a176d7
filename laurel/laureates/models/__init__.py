"""The laureates' programme, by topic: portal (the laureate, its contacts, media consent),
prize (bank details and payments), summit (the event, delegates, visa letters)."""

from laurel.laureates.models.portal import Contact, Laureate
from laurel.laureates.models.prize import BankAccount, Payment
from laurel.laureates.models.summit import Delegate, Summit, VisaRequest

__all__ = ["BankAccount", "Contact", "Delegate", "Laureate", "Payment", "Summit", "VisaRequest"]
