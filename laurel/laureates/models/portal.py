from django.db import models
from django.utils.translation import gettext_lazy as _

from laurel.core.models import TimeStamped


class Laureate(TimeStamped):
    """A candidate that accepted the award: its journey through the programme starts here."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.PROTECT, related_name="+")
    candidate = models.OneToOneField(
        "candidates.Candidate", on_delete=models.PROTECT, related_name="laureate"
    )
    accepted_at = models.DateTimeField(_("accepted"))
    # Media consent: what may be published about the organisation. Opt-in: nothing is ticked
    # until the laureate says so (with its acceptance, or later in its area).
    publish_name = models.BooleanField(_("Our organisation's name may be published"), default=False)
    publish_logo = models.BooleanField(_("Our logo may be published"), default=False)
    publish_staff_names = models.BooleanField(
        _("Names of our staff may be published"), default=False
    )
    # At risk when named: nothing public identifies the organisation or its people, whatever
    # else is ticked (selection.queries.announced_laureates leaves it out).
    at_risk = models.BooleanField(
        _("We are at risk if named: publish nothing about our organisation or its people"),
        default=False,
    )
    media_consent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["cycle", "candidate__name"]

    def __str__(self) -> str:
        return f"laureate {self.candidate_id}"

    @property
    def may_be_named(self) -> bool:
        """Whether anything public may name the organisation (its consent, not at risk)."""
        return self.publish_name and not self.at_risk

    @property
    def may_name_staff(self) -> bool:
        return self.publish_staff_names and not self.at_risk


class Contact(models.Model):
    """A person who acts for a laureate. The address is where the invitation and the laureate's
    mail go; the right to act is `user`, tied when that invitation is accepted, never an
    address (a user's address can change, and matching on it let one contact take another's
    laureate)."""

    laureate = models.ForeignKey(Laureate, on_delete=models.CASCADE, related_name="contacts")
    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=8, default="en")
    user = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The invitation sent for this contact: whoever accepts it becomes `user`.
    invitation = models.ForeignKey(
        "accounts.Invitation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["laureate", "email"], name="one_contact_per_address")
        ]

    def __str__(self) -> str:
        return self.email
