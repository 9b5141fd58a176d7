import calendar
from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from laurel.core.models import TimeStamped
from laurel.privacy.enums import RequestKind, RequestState, Subject


class SubjectRequest(TimeStamped):
    """A request from a person (or an organisation) about the data Laurel holds on them, tracked
    to its legal due date: one month from receipt (GDPR art. 12(3))."""

    kind = models.CharField(_("request"), max_length=16, choices=RequestKind.choices)
    about = models.CharField(
        _("about"), max_length=12, choices=Subject.choices, default=Subject.PERSON
    )
    email = models.EmailField(_("their email address"), blank=True)
    name = models.CharField(_("their name, or the organisation's"), max_length=200, blank=True)
    received_on = models.DateField(_("received"))
    due_on = models.DateField(_("answer due"))
    state = models.CharField(
        _("state"), max_length=10, choices=RequestState.choices, default=RequestState.OPEN
    )
    notes = models.TextField(_("notes"), max_length=4000, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["state", "due_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"

    @staticmethod
    def due_date(received_on: date) -> date:
        """The same day next month (or that month's last day: 31 January → 28/29 February)."""
        year = received_on.year + received_on.month // 12
        month = received_on.month % 12 + 1
        day = min(received_on.day, calendar.monthrange(year, month)[1])
        return date(year, month, day)
