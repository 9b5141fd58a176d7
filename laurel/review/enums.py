from django.db import models
from django.utils.translation import gettext_lazy as _


class AffiliationKind(models.TextChoices):
    EMPLOYMENT = "employment", _("Works for it")
    BOARD = "board", _("Sits on its board")
    FUNDS = "funds", _("Funds it")
    FUNDED_BY = "funded_by", _("Is funded by it")
    PARTNER = "partner", _("Works in partnership with it")
    OTHER = "other", _("Other tie")


class ConflictKind(models.TextChoices):
    EMPLOYMENT = "employment", _("Employment")
    BOARD = "board", _("Board membership")
    FUNDING = "funding", _("Funding")
    PARTNERSHIP = "partnership", _("Partnership")
    PERSONAL = "personal", _("Personal relationship")
    OTHER = "other", _("Other")


class ConflictState(models.TextChoices):
    # Found by Laurel from the member's affiliations: treated as a conflict until dismissed.
    SUGGESTED = "suggested", _("Possible conflict, to confirm or dismiss")
    CONFIRMED = "confirmed", _("Conflict")
    DISMISSED = "dismissed", _("Not a conflict")


# The member confirms or dismisses a suggestion, and may withdraw a confirmed one (it is a
# suggestion again); staff correct any entry of the register to a conflict or not, keeping its
# state when they change only its kind or note (services.committee).
CONFLICT_TRANSITIONS: dict[str, set[str]] = {
    ConflictState.SUGGESTED: {ConflictState.CONFIRMED, ConflictState.DISMISSED},
    ConflictState.CONFIRMED: {
        ConflictState.CONFIRMED,
        ConflictState.DISMISSED,
        ConflictState.SUGGESTED,
    },
    ConflictState.DISMISSED: {ConflictState.CONFIRMED, ConflictState.DISMISSED},
}

# What keeps a member away from a candidate: a suggestion counts until the member dismisses it.
BLOCKING_STATES = {ConflictState.SUGGESTED, ConflictState.CONFIRMED}

AFFILIATION_TO_CONFLICT: dict[str, ConflictKind] = {
    AffiliationKind.EMPLOYMENT: ConflictKind.EMPLOYMENT,
    AffiliationKind.BOARD: ConflictKind.BOARD,
    AffiliationKind.FUNDS: ConflictKind.FUNDING,
    AffiliationKind.FUNDED_BY: ConflictKind.FUNDING,
    AffiliationKind.PARTNER: ConflictKind.PARTNERSHIP,
    AffiliationKind.OTHER: ConflictKind.OTHER,
}


class AssignmentState(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    PUBLISHED = "published", _("Published")


# Staff publish the proposal, all at once (services.assigning.publish_assignment); a published
# assignment is taken back only by deleting it.
ASSIGNMENT_TRANSITIONS: dict[str, set[str]] = {
    AssignmentState.PROPOSED: {AssignmentState.PUBLISHED},
    AssignmentState.PUBLISHED: set(),
}


class Visibility(models.TextChoices):
    """When a member sees the other members' reviews of a candidate (as in pretalx)."""

    NEVER = "never", _("Never")
    AFTER_OWN = "after_own", _("After submitting their own")
    ALWAYS = "always", _("Always")


class ReviewState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


# A draft is saved as often as the member likes (no move); submitted, it is revised while the
# review phase lasts and stays submitted (services.reviewing.save_review).
REVIEW_TRANSITIONS: dict[str, set[str]] = {
    ReviewState.DRAFT: {ReviewState.SUBMITTED},
    ReviewState.SUBMITTED: {ReviewState.SUBMITTED},
}


class Recommendation(models.TextChoices):
    STRONG_YES = "strong_yes", _("A laureate without doubt")
    YES = "yes", _("Should be a laureate")
    MAYBE = "maybe", _("Could be a laureate")
    NO = "no", _("Should not be a laureate")
