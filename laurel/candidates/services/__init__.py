"""Screening: every write is one atomic, audited service call (ARCHITECTURE rule 1).

placing: nominations become candidates · merging: duplicates, merges and their undoing ·
groups: a group of duplicates merged at once · screening: eligibility and notes · diligence:
the checklist, documents, the committee's version, readiness · consent: the organisation's own
answer through its private link, usable until the answer-by date · contact: whom its letters go
to, kept by staff, with its history.
"""

from laurel.candidates.services.common import ScreeningError, suggest_duplicates
from laurel.candidates.services.consent import (
    ClaimRefused,
    answer_claim,
    find_claim,
    invite_organisation,
)
from laurel.candidates.services.contact import set_contact, use_claimed_contact
from laurel.candidates.services.diligence import (
    add_document,
    mark_ready,
    original_texts,
    redacted_texts,
    save_committee_version,
    update_check,
    update_diligence,
)
from laurel.candidates.services.groups import merge_group, open_group, separate_from_group
from laurel.candidates.services.merging import (
    confirm_suggestion,
    merge_candidates,
    reject_suggestion,
    reopen_suggestion,
    split_nomination,
    undo_merge,
)
from laurel.candidates.services.placing import (
    on_nomination_changed,
    on_nomination_confirmed,
    place_nomination,
)
from laurel.candidates.services.screening import (
    add_note,
    decide_eligibility,
    notices_wait,
    on_phase_moved,
    send_waiting_ineligibility_notices,
    tag_work,
)

__all__ = [
    "ClaimRefused",
    "ScreeningError",
    "add_document",
    "add_note",
    "answer_claim",
    "confirm_suggestion",
    "decide_eligibility",
    "find_claim",
    "invite_organisation",
    "mark_ready",
    "merge_candidates",
    "merge_group",
    "notices_wait",
    "on_nomination_changed",
    "on_nomination_confirmed",
    "on_phase_moved",
    "open_group",
    "original_texts",
    "place_nomination",
    "redacted_texts",
    "reject_suggestion",
    "reopen_suggestion",
    "save_committee_version",
    "send_waiting_ineligibility_notices",
    "separate_from_group",
    "set_contact",
    "split_nomination",
    "suggest_duplicates",
    "tag_work",
    "undo_merge",
    "update_check",
    "update_diligence",
    "use_claimed_contact",
]
