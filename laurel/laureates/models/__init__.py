"""The laureates' programme, by topic: portal (the laureate, its contacts, media consent),
prize (bank details and payments)."""

from laurel.laureates.models.portal import Contact, Laureate
from laurel.laureates.models.prize import BankAccount, Payment

__all__ = ["BankAccount", "Contact", "Laureate", "Payment"]
