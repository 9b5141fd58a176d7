from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from laurel.review.enums import (
    AffiliationKind,
    AssignmentState,
    ConflictKind,
    ConflictState,
    Recommendation,
    ReviewState,
    Visibility,
)


class CommitteeProfile(models.Model):
    """What assignment needs to know of a member in one cycle: languages read, country."""

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="+")
    languages = models.JSONField(_("languages you read"), default=list)
    country = CountryField(_("country"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "cycle"], name="one_profile_per_cycle")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.cycle_id}"


class Affiliation(models.Model):
    """An organisation a member is tied to: where conflicts are looked for."""

    profile = models.ForeignKey(
        CommitteeProfile, on_delete=models.CASCADE, related_name="affiliations"
    )
    name = models.CharField(_("organisation"), max_length=200)
    country = CountryField(_("country"), blank=True)
    website = models.CharField(_("website"), max_length=300, blank=True)
    kind = models.CharField(_("tie"), max_length=12, choices=AffiliationKind.choices)

    def __str__(self) -> str:
        return self.name


class Conflict(models.Model):
    """A member's conflict of interest with a candidate: declared, or found and confirmed."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="conflicts"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=ConflictKind.choices)
    state = models.CharField(_("state"), max_length=10, choices=ConflictState.choices)
    declared = models.BooleanField(default=True)  # False: found by Laurel
    # Recorded by staff in the register: the member cannot withdraw it, staff can.
    by_staff = models.BooleanField(default=False)
    reasons = models.JSONField(default=list, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["cycle", "member", "candidate"]
        constraints = [
            models.UniqueConstraint(fields=["member", "candidate"], name="one_conflict_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} × {self.candidate_id}: {self.state}"

    @property
    def matched_name(self) -> str:
        """For a conflict found from a tie: which of the candidate's names (or its website) the
        tie matched, kept among the reasons as "matched:<name>" (services.committee)."""
        for reason in self.reasons or []:
            if isinstance(reason, str) and reason.startswith("matched:"):
                return reason.removeprefix("matched:")
        return ""


class Assignment(models.Model):
    """A member reviews a candidate: proposed by the optimiser, published by staff."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="+")
    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="assignments"
    )
    member = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=10, choices=AssignmentState.choices)
    by_hand = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["candidate", "member"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "member"], name="one_assignment_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} → {self.candidate_id}"


class CommitteeSettings(models.Model):
    """How the committee of one cycle works."""

    cycle = models.OneToOneField(
        "cycles.Cycle", on_delete=models.CASCADE, related_name="committee_settings"
    )
    visibility = models.CharField(
        _("members see each other's reviews"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.AFTER_OWN,
    )

    def __str__(self) -> str:
        return f"settings of {self.cycle_id}"


class Review(models.Model):
    """One member's review of one candidate: a score and a comment per criterion, an overall
    recommendation, or an abstention with its reason."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="+")
    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="reviews"
    )
    member = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    scores = models.JSONField(default=dict, blank=True)  # {"1": 4, ...}
    comments = models.JSONField(default=dict, blank=True)  # {"1": "...", ...}
    recommendation = models.CharField(
        _("recommendation"), max_length=12, choices=Recommendation.choices, blank=True
    )
    overall = models.TextField(_("overall comment"), max_length=4000, blank=True)
    abstained = models.BooleanField(_("abstained"), default=False)
    abstain_reason = models.CharField(_("why abstaining"), max_length=500, blank=True)
    state = models.CharField(max_length=10, choices=ReviewState.choices, default=ReviewState.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["candidate", "member"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "member"], name="one_review_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} on {self.candidate_id}: {self.state}"


class Comment(models.Model):
    """A message in the committee's discussion of one candidate."""

    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("message"), max_length=4000)
    mentions = models.JSONField(default=list, blank=True)  # user ids told about it
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"comment {self.pk} on {self.candidate_id}"
