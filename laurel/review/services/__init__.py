"""The committee: every write is one atomic, audited service call (ARCHITECTURE rule 1).

committee: profiles, ties and conflicts · assigning: the optimal assignment, published ·
reviewing: drafts, submissions and who sees what.
"""

from laurel.review.services.assigning import propose_assignment, publish_assignment
from laurel.review.services.committee import (
    ReviewError,
    blocking_pairs,
    committee_of,
    decide_conflict,
    declare_conflict,
    detect_conflicts,
    save_profile,
)
from laurel.review.services.reviewing import (
    in_review_phase,
    others_visible,
    save_review,
    visibility_of,
)

__all__ = [
    "ReviewError",
    "blocking_pairs",
    "committee_of",
    "decide_conflict",
    "declare_conflict",
    "detect_conflicts",
    "in_review_phase",
    "others_visible",
    "propose_assignment",
    "publish_assignment",
    "save_profile",
    "save_review",
    "visibility_of",
]
