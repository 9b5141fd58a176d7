from django.db import models
from django.utils.translation import gettext_lazy as _


class ListKind(models.TextChoices):
    SHORTLIST = "shortlist", _("Shortlist")
    RESERVE = "reserve", _("Reserve")


class Outcome(models.TextChoices):
    """What the meeting concluded about one shortlisted candidate."""

    UNDECIDED = "undecided", _("Not yet discussed")
    SUPPORTED = "supported", _("Supported as a laureate")
    RESERVE = "reserve", _("Kept as a reserve")
    NOT_SUPPORTED = "not_supported", _("Not supported")


class Method(models.TextChoices):
    APPROVAL = "approval", _("Approval: tick every candidate you support")
    RANKED = "ranked", _("Ranked: number the candidates in your order (Schulze count)")


class RoundTopic(models.TextChoices):
    """What a round of votes decides: the report titles the round by it."""

    SHORTLIST = "shortlist", _("The shortlist")
    LAUREATES = "laureates", _("The laureates")
    RESERVES = "reserves", _("The order of the reserves")


class RoundState(models.TextChoices):
    OPEN = "open", _("Open for votes")
    CLOSED = "closed", _("Closed and counted")


ROUND_TRANSITIONS: dict[str, set[str]] = {
    RoundState.OPEN: {RoundState.CLOSED},
    RoundState.CLOSED: set(),
}


class DecisionState(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    LOCKED = "locked", _("Locked by the chair")
    ANNOUNCED = "announced", _("Announced")


DECISION_TRANSITIONS: dict[str, set[str]] = {
    DecisionState.DRAFT: {DecisionState.LOCKED},
    DecisionState.LOCKED: {DecisionState.ANNOUNCED},
    DecisionState.ANNOUNCED: set(),
}


class PlaceRole(models.TextChoices):
    LAUREATE = "laureate", _("Laureate")
    RESERVE = "reserve", _("Reserve")
    # A laureate that declined the award; its place went to a reserve.
    DECLINED = "declined", _("Declined")


class LetterKind(models.TextChoices):
    LAUREATE = "decision_laureate", _("Laureate")
    RESERVE = "decision_reserve", _("Reserve")
    NOT_SELECTED = "decision_not_selected", _("Not selected")
    NOMINATOR = "decision_nominator", _("Nominator")


class Answer(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted the award")
    DECLINED = "declined", _("Declined the award")


class AmendmentKind(models.TextChoices):
    """What changed in a locked decision."""

    RESERVE_PROMOTED = "reserve_promoted", _("A reserve was offered a place")
    LAUREATE_DECLINED = "laureate_declined", _("A laureate declined the award")
    LAUREATE_WITHDRAWN = "laureate_withdrawn", _("A laureate was withdrawn")
    TEXT_CORRECTED = "text_corrected", _("A text was corrected")
