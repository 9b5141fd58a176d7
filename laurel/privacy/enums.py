from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestKind(models.TextChoices):
    ACCESS = "access", _("Access (a copy of the data)")
    RECTIFICATION = "rectification", _("Correction")
    RESTRICTION = "restriction", _("Restriction of processing")
    ERASURE = "erasure", _("Erasure")
    OBJECTION = "objection", _("Objection")


class RequestState(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Answered")
    REFUSED = "refused", _("Refused, with reasons")


# A request is answered or refused once; a new request is a new row.
REQUEST_TRANSITIONS: dict[str, set[str]] = {
    RequestState.OPEN: {RequestState.DONE, RequestState.REFUSED},
    RequestState.DONE: set(),
    RequestState.REFUSED: set(),
}


class Subject(models.TextChoices):
    PERSON = "person", _("A person")
    ORGANISATION = "organisation", _("An organisation")
