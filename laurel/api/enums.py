from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    CYCLES = "cycles", _("Awards and their dates")
    CANDIDATES = "candidates", _("Candidates")
    NOMINATIONS = "nominations", _("Nominations, without the nominators' details")
    NOMINATIONS_PERSONAL = (
        "nominations.personal",
        _("Nominations with the nominators' details and the answers"),
    )
    REVIEWS = "reviews", _("Review scores (no comments, members by number)")
    DECISIONS = "decisions", _("Decisions")
    LAUREATES = "laureates", _("Laureates")
