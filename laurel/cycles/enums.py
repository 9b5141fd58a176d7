from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    """One award cycle's lifecycle; the current phase follows from the cycle's dates."""

    DRAFT = "draft", _("Draft")
    NOMINATIONS = "nominations", _("Nominations open")
    SCREENING = "screening", _("Screening")
    REVIEW = "review", _("Review")
    DELIBERATION = "deliberation", _("Deliberation")
    DECIDED = "decided", _("Decided (announced)")
    PROGRAMME = "programme", _("Programme")
    ARCHIVED = "archived", _("Archived")


# The date that starts each phase, in order; the phase before the first date is DRAFT.
PHASE_STARTS: list[tuple[str, Phase]] = [
    ("nominations_open_at", Phase.NOMINATIONS),
    ("nominations_close_at", Phase.SCREENING),
    ("review_open_at", Phase.REVIEW),
    ("review_close_at", Phase.DELIBERATION),
    ("decision_at", Phase.DECIDED),
    ("programme_start_at", Phase.PROGRAMME),
    ("archive_at", Phase.ARCHIVED),
]

DATE_FIELDS = [field for field, _phase in PHASE_STARTS]
