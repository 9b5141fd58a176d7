from django.db import models
from django.utils.translation import gettext_lazy as _


class NominationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted, email not confirmed")
    CONFIRMED = "confirmed", _("Confirmed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    LAPSED = "lapsed", _("Lapsed (never confirmed)")


ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    NominationState.DRAFT: {NominationState.SUBMITTED},
    NominationState.SUBMITTED: {
        NominationState.CONFIRMED,
        NominationState.WITHDRAWN,
        NominationState.LAPSED,
    },
    NominationState.CONFIRMED: {NominationState.WITHDRAWN},
    NominationState.WITHDRAWN: set(),
    NominationState.LAPSED: set(),
}

# Nominations that count for the award (staff see the others too, marked).
COUNTING_STATES = {NominationState.CONFIRMED}
# States in which the nominator may still edit through the private link (before the deadline).
EDITABLE_STATES = {NominationState.SUBMITTED, NominationState.CONFIRMED}


class Relationship(models.TextChoices):
    SELF = "self", _("I work for the organisation (self-nomination)")
    PARTNER = "partner", _("We work with the organisation")
    BENEFICIARY = "beneficiary", _("I know its work as someone it supports, or their family")
    FUNDER = "funder", _("We fund or evaluate its work")
    OBSERVER = "observer", _("I know its work from outside")
    OTHER = "other", _("Other")


class VersionKind(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    EDITED = "edited", _("Edited")
    WITHDRAWN = "withdrawn", _("Withdrawn")
