from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    """The official lists Laurel imports, each from its publisher's own file."""

    EU = "eu", _("EU consolidated financial sanctions list")
    UN = "un", _("UN Security Council consolidated list")
    UK = "uk", _("UK consolidated list (OFSI)")


class SubjectKind(models.TextChoices):
    """Whom a list entry names. Ships (the UK list's vessels) are not screened: the parsers skip
    them and count them."""

    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")
