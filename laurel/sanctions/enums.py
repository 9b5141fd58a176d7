from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    """The official lists Laurel imports, each from its publisher's own file."""

    EU = "eu", _("EU consolidated financial sanctions list")
    UN = "un", _("UN Security Council consolidated list")
    UK = "uk", _("UK Sanctions List")


class SubjectKind(models.TextChoices):
    """Whom a list entry names. Ships (the UK list's vessels) are not screened: the parsers skip
    them and count them."""

    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")


class ScreenedRole(models.TextChoices):
    """Whose name a screening screened."""

    CANDIDATE = "candidate", _("Candidate")
    LAUREATE = "laureate", _("Laureate organisation")
    PERSON = "person", _("Contact person or signatory")
    ACCOUNT_HOLDER = "account_holder", _("Bank account holder")


class HitState(models.TextChoices):
    """A hit is open until staff decide it: a false match (cleared) or the listed entry itself
    (confirmed). Clearing a strong hit waits for a second member of staff."""

    OPEN = "open", _("Open")
    AWAITING_SECOND = "second", _("Cleared once, awaiting a second member of staff")
    CLEARED = "cleared", _("Cleared: a false match")
    CONFIRMED = "confirmed", _("Confirmed: the listed entry")


# Each hit state and the states it may become (core.services.transition).
HIT_TRANSITIONS: dict[str, set[str]] = {
    HitState.OPEN: {HitState.AWAITING_SECOND, HitState.CLEARED, HitState.CONFIRMED},
    HitState.AWAITING_SECOND: {HitState.CLEARED, HitState.CONFIRMED},
    HitState.CLEARED: set(),
    HitState.CONFIRMED: set(),
}
