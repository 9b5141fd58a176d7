"""Selection: every write is one atomic, audited service call (ARCHITECTURE rule 1).

shortlisting: the shortlist, the meeting and its record · voting: rounds and ballots ·
deciding: the suggested slate, overrides, the chair's lock · checking: the slate's breaches and
the lock checklist · recording: the frozen decision record · amending: changes after the lock ·
announcing: decision letters, the embargo, the laureate's answer, a reserve's offer ·
lettering: each letter's recipient, language and text.
"""

from laurel.selection.services.amending import record_amendment
from laurel.selection.services.announcing import (
    AnswerRefused,
    answer_award,
    batch_of,
    find_place,
    held_by_kind,
    letters,
    offer_place,
    prepare_letters,
    release_letters,
    without_contact,
)
from laurel.selection.services.checking import check_slate, describe, frozen_check, problems
from laurel.selection.services.common import SelectionError
from laurel.selection.services.deciding import (
    lock_decision,
    move_reserve,
    replace_place,
    slate_options,
    suggest_slate,
    write_place,
)
from laurel.selection.services.lettering import edit_letter, letter_language, readdress_letter
from laurel.selection.services.recording import build_record, content_hash
from laurel.selection.services.shortlisting import (
    go_to,
    move_entry,
    record_discussion,
    shortlist_candidate,
    shortlist_many,
    unshortlist,
)
from laurel.selection.services.voting import cast_ballot, close_round, count, open_round

__all__ = [
    "AnswerRefused",
    "SelectionError",
    "answer_award",
    "batch_of",
    "build_record",
    "cast_ballot",
    "check_slate",
    "close_round",
    "content_hash",
    "count",
    "describe",
    "edit_letter",
    "find_place",
    "frozen_check",
    "go_to",
    "held_by_kind",
    "letter_language",
    "letters",
    "lock_decision",
    "move_entry",
    "move_reserve",
    "offer_place",
    "open_round",
    "prepare_letters",
    "problems",
    "readdress_letter",
    "record_amendment",
    "record_discussion",
    "release_letters",
    "replace_place",
    "shortlist_candidate",
    "shortlist_many",
    "slate_options",
    "suggest_slate",
    "unshortlist",
    "without_contact",
    "write_place",
]
