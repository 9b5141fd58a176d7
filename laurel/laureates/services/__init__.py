"""The laureates' programme: every write is one atomic, audited service call.

portal: the laureate, its contacts, media consent · prize: bank details, payments ·
summit: the event, delegates, visa letters ·
support: needs assessment, plan, coaching sessions · cohort: the laureates' shared space.
"""

from laurel.laureates.services.cohort import (
    CohortError,
    add_event,
    add_initiative_milestone,
    choose_digest,
    co_sign,
    laureate_of,
    post,
    propose_initiative,
    reply,
    set_initiative_status,
    share_document,
)
from laurel.laureates.services.portal import (
    add_contact,
    named_in_public,
    on_award_answered,
    set_media_consent,
    welcome_laureate,
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
from laurel.laureates.services.support import (
    SupportError,
    add_milestone,
    add_objective,
    assess_needs,
    log_session,
    set_milestone_status,
)

__all__ = [
    "CohortError",
    "PrizeError",
    "SummitError",
    "SupportError",
    "add_contact",
    "add_event",
    "add_initiative_milestone",
    "add_milestone",
    "add_objective",
    "approve_payment",
    "approve_visa_letter",
    "assess_needs",
    "cancel_payment",
    "choose_digest",
    "co_sign",
    "confirm_delegate",
    "define_summit",
    "give_passport_data",
    "laureate_of",
    "letter_data",
    "log_session",
    "mark_paid",
    "named_in_public",
    "on_award_answered",
    "post",
    "proof_of",
    "propose_initiative",
    "register_delegate",
    "reply",
    "request_payment",
    "reveal_account",
    "save_bank_details",
    "send_practical_information",
    "set_initiative_status",
    "set_media_consent",
    "set_milestone_status",
    "share_document",
    "verify_payment",
    "welcome_laureate",
]
