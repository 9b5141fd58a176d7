"""The laureates' programme: every write is one atomic, audited service call.

portal: the laureate, its contacts, media consent · prize: bank details, payments ·
summit: the event, delegates, visa letters.
"""

from laurel.laureates.services.portal import (
    add_contact,
    on_award_answered,
    set_media_consent,
    welcome_laureate,
    withheld_names,
)
from laurel.laureates.services.prize import (
    PrizeError,
    approve_payment,
    cancel_payment,
    mark_paid,
    proof_of,
    request_payment,
    reveal_account,
    save_bank_details,
    verify_payment,
)
from laurel.laureates.services.summit import (
    SummitError,
    approve_visa_letter,
    confirm_delegate,
    define_summit,
    give_passport_data,
    letter_data,
    register_delegate,
    send_practical_information,
)

__all__ = [
    "PrizeError",
    "SummitError",
    "add_contact",
    "approve_payment",
    "approve_visa_letter",
    "cancel_payment",
    "confirm_delegate",
    "define_summit",
    "give_passport_data",
    "letter_data",
    "mark_paid",
    "on_award_answered",
    "proof_of",
    "register_delegate",
    "request_payment",
    "reveal_account",
    "save_bank_details",
    "send_practical_information",
    "set_media_consent",
    "verify_payment",
    "welcome_laureate",
    "withheld_names",
]
