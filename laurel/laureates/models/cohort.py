from django.db import models
from django.utils.translation import gettext_lazy as _

from laurel.core.models import TimeStamped
from laurel.laureates.enums import DigestFrequency, InitiativeKind, InitiativeStatus


class Post(TimeStamped):
    """A message in the cohort space; `laureate` is the author's organisation (none: staff)."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    laureate = models.ForeignKey(
        "laureates.Laureate", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("message"), max_length=8000)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Reply(TimeStamped):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    laureate = models.ForeignKey(
        "laureates.Laureate", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField(_("reply"), max_length=8000)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"reply {self.pk} to {self.post_id}"


class Initiative(TimeStamped):
    """Joint work of the laureates: a campaign or a statement, with owners and co-signers."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=InitiativeKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what it is"), max_length=8000)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=InitiativeStatus.choices,
        default=InitiativeStatus.PROPOSED,
    )
    owners = models.ManyToManyField(
        "laureates.Laureate", related_name="owned_initiatives", verbose_name=_("owners")
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class InitiativeMilestone(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(_("due"))
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        ordering = ["initiative", "due_on", "id"]

    def __str__(self) -> str:
        return self.title


class Signature(models.Model):
    """An organisation co-signs an initiative (a statement, a campaign)."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="signatures")
    laureate = models.ForeignKey("laureates.Laureate", on_delete=models.CASCADE, related_name="+")
    signed_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["signed_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "laureate"], name="one_signature_each")
        ]

    def __str__(self) -> str:
        return f"{self.laureate_id} signs {self.initiative_id}"


class LibraryDocument(TimeStamped):
    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(upload_to="cohort/%Y/", max_length=200)
    kind = models.CharField(max_length=8)
    uploaded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Event(TimeStamped):
    """An event of the programme's calendar."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    where = models.CharField(_("where (a place or an online link)"), max_length=300)
    description = models.TextField(_("description"), max_length=4000, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return self.title


class DigestPreference(models.Model):
    """How often a person hears of what happened in the cohort space."""

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="+")
    frequency = models.CharField(
        _("email digest"),
        max_length=8,
        choices=DigestFrequency.choices,
        default=DigestFrequency.WEEKLY,
    )
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "cycle"], name="one_digest_preference")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.frequency}"
