"""The committee: every write is one atomic, audited service call (ARCHITECTURE rule 1).

committee: profiles, ties and conflicts · assigning: the optimal assignment, published ·
reviewing: drafts, submissions and who sees what.
"""

from laurel.review.services.assigning import (
    assign_by_hand,
    import_assignments,
    propose_assignment,
    publish_assignment,
    unassign,
)
from laurel.review.services.committee import (
    ReviewError,
    Tie,
    blocking_pairs,
    committee_of,
    decide_conflict,
    declare_conflict,
    detect_conflicts,
    edit_conflict,
    record_conflict,
    remove_conflict,
    save_profile,
    withdraw_conflict,
    withdrawal_open,
)
from laurel.review.services.discussing import outcome_of, post_comment
from laurel.review.services.reviewing import (
    in_review_phase,
    others_visible,
    remind_before_deadline,
    remind_missing_reviews,
    save_review,
    set_visibility,
    visibility_of,
    visibility_of_cycle,
)

__all__ = [
    "ReviewError",
    "Tie",
    "assign_by_hand",
    "blocking_pairs",
    "committee_of",
    "decide_conflict",
    "declare_conflict",
    "detect_conflicts",
    "edit_conflict",
    "import_assignments",
    "in_review_phase",
    "others_visible",
    "outcome_of",
    "post_comment",
    "propose_assignment",
    "publish_assignment",
    "record_conflict",
    "remind_before_deadline",
    "remind_missing_reviews",
    "remove_conflict",
    "save_profile",
    "save_review",
    "set_visibility",
    "unassign",
    "visibility_of",
    "visibility_of_cycle",
    "withdraw_conflict",
    "withdrawal_open",
]
