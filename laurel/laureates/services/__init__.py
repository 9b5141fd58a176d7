"""The laureates' programme: every write is one atomic, audited service call.

portal: the laureate, its contacts, media consent · prize: bank details, payments, exports.
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

__all__ = [
    "PrizeError",
    "add_contact",
    "approve_payment",
    "cancel_payment",
    "mark_paid",
    "on_award_answered",
    "proof_of",
    "request_payment",
    "reveal_account",
    "save_bank_details",
    "set_media_consent",
    "verify_payment",
    "welcome_laureate",
    "withheld_names",
]
