from django.db import models
from django.utils.translation import pgettext_lazy


class Phase(models.TextChoices):
    """One award cycle's lifecycle, in order: stored (staff move it), planned by the dates."""

    DRAFT = "draft", pgettext_lazy("phase", "Draft")
    NOMINATIONS = "nominations", pgettext_lazy("phase", "Nominations open")
    SCREENING = "screening", pgettext_lazy("phase", "Screening")
    REVIEW = "review", pgettext_lazy("phase", "Review")
    DELIBERATION = "deliberation", pgettext_lazy("phase", "Deliberation")
    DECIDED = "decided", pgettext_lazy("phase", "Decided")
    PROGRAMME = "programme", pgettext_lazy("phase", "Programme")
    ARCHIVED = "archived", pgettext_lazy("phase", "Archived")


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
