from django.db import models
from django.utils.translation import gettext_lazy as _


class PaymentState(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    VERIFIED = "verified", _("Bank details verified")
    APPROVED = "approved", _("Approved")
    PAID = "paid", _("Paid")
    CANCELLED = "cancelled", _("Cancelled")


PAYMENT_TRANSITIONS: dict[str, set[str]] = {
    PaymentState.REQUESTED: {PaymentState.VERIFIED, PaymentState.CANCELLED},
    PaymentState.VERIFIED: {PaymentState.APPROVED, PaymentState.REQUESTED, PaymentState.CANCELLED},
    # New bank details send a payment back to be verified again, until it is paid.
    PaymentState.APPROVED: {PaymentState.PAID, PaymentState.REQUESTED, PaymentState.CANCELLED},
    PaymentState.PAID: set(),
    PaymentState.CANCELLED: set(),
}
OPEN_PAYMENT_STATES = [PaymentState.REQUESTED, PaymentState.VERIFIED, PaymentState.APPROVED]


class PayingAccountState(models.TextChoices):
    """The account the prizes are paid from: one finance user proposes it, another approves it."""

    PROPOSED = "proposed", _("Waiting for a second finance user")
    APPROVED = "approved", _("In use")
    REPLACED = "replaced", _("Replaced")
    REJECTED = "rejected", _("Not approved")


PAYING_ACCOUNT_TRANSITIONS: dict[str, set[str]] = {
    PayingAccountState.PROPOSED: {PayingAccountState.APPROVED, PayingAccountState.REJECTED},
    PayingAccountState.APPROVED: {PayingAccountState.REPLACED},
    PayingAccountState.REPLACED: set(),
    PayingAccountState.REJECTED: set(),
}


class Booking(models.TextChoices):
    ORGANISER = "organiser", _("The organiser books and pays")
    SELF = "self", _("We book; the organiser reimburses")


class DelegateState(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", _("Withdrawn")  # by the laureate


# A withdrawn delegate stays withdrawn: the laureate registers the person again, as a new row.
DELEGATE_TRANSITIONS: dict[str, set[str]] = {
    DelegateState.REGISTERED: {DelegateState.CONFIRMED, DelegateState.CANCELLED},
    DelegateState.CONFIRMED: {DelegateState.CANCELLED},
    DelegateState.CANCELLED: set(),
}


class VisaState(models.TextChoices):
    REQUESTED = "requested", _("Waiting for approval")
    APPROVED = "approved", _("Approved: the letter can be made")
    ERASED = "erased", _("Passport data deleted")


# Passport data given (again) waits for staff's approval; staff approve the letter (again);
# a change to what the letter says sends it back; the data is erased on its date, when the
# delegate no longer needs a visa or is withdrawn, and may be given again (services.summit).
VISA_TRANSITIONS: dict[str, set[str]] = {
    VisaState.REQUESTED: {VisaState.REQUESTED, VisaState.APPROVED, VisaState.ERASED},
    VisaState.APPROVED: {VisaState.REQUESTED, VisaState.APPROVED, VisaState.ERASED},
    VisaState.ERASED: {VisaState.REQUESTED},
}


class SupportArea(models.TextChoices):
    STRATEGY = "strategy", _("Strategy")
    GOVERNANCE = "governance", _("Governance")
    FINANCE = "finance", _("Finance")
    FUNDRAISING = "fundraising", _("Fundraising")
    COMMUNICATION = "communication", _("Communication")
    ADVOCACY = "advocacy", _("Advocacy")
    IMPACT = "impact", _("Impact measurement")
    SAFEGUARDING = "safeguarding", _("Safeguarding")


class Rag(models.TextChoices):
    """Where a milestone stands."""

    GREEN = "green", _("On track")
    AMBER = "amber", _("At risk")
    RED = "red", _("Off track")
    DONE = "done", _("Done")


class InitiativeStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACTIVE = "active", _("Under way")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class InitiativeKind(models.TextChoices):
    CAMPAIGN = "campaign", _("Advocacy campaign")
    STATEMENT = "statement", _("Joint statement")
    OTHER = "other", _("Other joint work")


class DigestFrequency(models.TextChoices):
    NEVER = "never", _("Never")
    DAILY = "daily", _("Once a day")
    WEEKLY = "weekly", _("Once a week")
