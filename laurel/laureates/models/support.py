from django.db import models
from django.utils.translation import gettext_lazy as _

from laurel.core.models import TimeStamped
from laurel.laureates.enums import Rag, SupportArea


class Assessment(TimeStamped):
    """A laureate's own view of one area at the start: a level from 1 (just starting) to 5
    (strong), and what it would like to improve."""

    laureate = models.ForeignKey(
        "laureates.Laureate", on_delete=models.CASCADE, related_name="assessments"
    )
    area = models.CharField(_("area"), max_length=16, choices=SupportArea.choices)
    level = models.PositiveSmallIntegerField(_("level"))
    note = models.CharField(_("what we would like to improve"), max_length=1000, blank=True)

    class Meta:
        ordering = ["laureate", "area"]
        constraints = [
            models.UniqueConstraint(fields=["laureate", "area"], name="one_assessment_per_area"),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=5), name="assessment_level_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.laureate_id} {self.area}: {self.level}"


def in_area_order(assessments) -> list[Assessment]:
    """The needs assessment in the one order of its areas (SupportArea's, as the laureate's
    form asks them): staff read it in the order the contact wrote it."""
    order = {area: position for position, area in enumerate(SupportArea.values)}
    return sorted(assessments, key=lambda assessment: order[assessment.area])


class Objective(TimeStamped):
    """One objective of a laureate's support plan."""

    laureate = models.ForeignKey(
        "laureates.Laureate", on_delete=models.CASCADE, related_name="objectives"
    )
    area = models.CharField(_("area"), max_length=16, choices=SupportArea.choices)
    title = models.CharField(_("objective"), max_length=300)

    class Meta:
        ordering = ["laureate", "area", "id"]

    def __str__(self) -> str:
        return self.title


class Milestone(TimeStamped):
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=300)
    due_on = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=6, choices=Rag.choices, default=Rag.GREEN)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["objective", "due_on", "id"]

    def __str__(self) -> str:
        return self.title


class Session(TimeStamped):
    """A coaching session with a laureate."""

    laureate = models.ForeignKey(
        "laureates.Laureate", on_delete=models.CASCADE, related_name="sessions"
    )
    held_on = models.DateField(_("date"))
    topic = models.CharField(_("topic"), max_length=200)
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1)
    coach = models.CharField(_("coach"), max_length=120)
    notes = models.TextField(_("notes"), max_length=4000, blank=True)

    class Meta:
        ordering = ["laureate", "-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.topic}"
