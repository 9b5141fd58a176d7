from django.db import models
from django.utils.translation import gettext_lazy as _

from laurel.selection.enums import (
    AmendmentKind,
    Answer,
    DecisionState,
    LetterKind,
    ListKind,
    Method,
    Outcome,
    PlaceRole,
    RoundState,
    RoundTopic,
)


class Meeting(models.Model):
    """The selection meeting of one cycle: where the chair is in the shortlist."""

    cycle = models.OneToOneField("cycles.Cycle", on_delete=models.CASCADE, related_name="meeting")
    current = models.ForeignKey(
        "selection.ShortlistEntry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Bumped whenever the chair moves on: members' screens follow by polling this number.
    step = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"meeting of {self.cycle_id}"


class ShortlistEntry(models.Model):
    """A candidate on the shortlist (or the reserve), with the deliberation about it."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="+")
    candidate = models.OneToOneField(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="shortlisting"
    )
    kind = models.CharField(_("list"), max_length=10, choices=ListKind.choices)
    position = models.PositiveIntegerField(default=0)
    note = models.CharField(_("note"), max_length=1000, blank=True)
    added_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The record of the meeting, kept by the chair or a scribe.
    arguments = models.TextField(_("arguments"), max_length=8000, blank=True)
    recused = models.ManyToManyField(
        "accounts.User", blank=True, related_name="+", verbose_name=_("recused")
    )
    outcome = models.CharField(
        _("outcome"), max_length=14, choices=Outcome.choices, default=Outcome.UNDECIDED
    )
    recorded_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["cycle", "kind", "position", "id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.position}: {self.candidate_id}"


class VotingRound(models.Model):
    """One round of votes over some shortlisted candidates."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="+")
    number = models.PositiveSmallIntegerField()
    method = models.CharField(_("ballot"), max_length=10, choices=Method.choices)
    # What the round decides (blank in rounds opened before it was asked).
    topic = models.CharField(
        _("what the round decides"), max_length=10, choices=RoundTopic.choices, blank=True
    )
    secret = models.BooleanField(_("secret ballot"), default=True)
    candidates = models.ManyToManyField("candidates.Candidate", related_name="+")
    state = models.CharField(max_length=8, choices=RoundState.choices, default=RoundState.OPEN)
    opened_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The count as it was at closing: {"rows": [{"candidate": id, "position": n, ...}], ...}.
    result = models.JSONField(default=dict, blank=True)
    # The running sums of the ballots cast so far (counting.Tally): all that counting needs. A
    # secret ballot is only added here, never stored on its own, so nothing links it to its
    # voter's receipt (no row, id, time or conflict of its own).
    tally = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["cycle", "number"]
        constraints = [models.UniqueConstraint(fields=["cycle", "number"], name="one_round_number")]

    def __str__(self) -> str:
        return f"round {self.number} of {self.cycle_id}"


class Receipt(models.Model):
    """That a member voted in a round: one each. A secret round keeps only receipts and its
    tally, so that a secret ballot cannot be traced to its voter."""

    round = models.ForeignKey(VotingRound, on_delete=models.CASCADE, related_name="receipts")
    voter = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    voted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "voter"], name="one_vote_each")]

    def __str__(self) -> str:
        return f"{self.voter_id} voted in {self.round_id}"


class Ballot(models.Model):
    """Who voted how in a round that is not secret, shown to the committee once it is closed.
    A secret round has none: its ballots exist only as sums in the round's tally."""

    round = models.ForeignKey(VotingRound, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ranks = models.JSONField(default=dict)  # {"candidate id": rank}; approval: rank 1 each

    def __str__(self) -> str:
        return f"ballot {self.pk} in {self.round_id}"


class Decision(models.Model):
    """The committee's final selection in one cycle: exactly N laureates and a reserve list."""

    cycle = models.OneToOneField("cycles.Cycle", on_delete=models.CASCADE, related_name="decision")
    state = models.CharField(max_length=10, choices=DecisionState.choices, default="draft")
    # What staff asked of the slate, and what Laurel suggested under it.
    max_per_country = models.PositiveSmallIntegerField(
        _("at most this many laureates from one country"), null=True, blank=True
    )
    min_per_kind = models.JSONField(default=dict, blank=True)
    reserve_count = models.PositiveSmallIntegerField(_("reserves"), default=3)
    from_shortlist = models.BooleanField(_("only from the shortlist"), default=True)
    suggestion = models.JSONField(default=dict, blank=True)
    locked_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    locked_at = models.DateTimeField(null=True, blank=True)
    # Decision letters and the laureates page wait for this moment (the embargo).
    announce_at = models.DateTimeField(_("announcement"), null=True, blank=True)
    announced_at = models.DateTimeField(null=True, blank=True)
    # The chair's reason for each constraint the slate breaks (constraint name → reason).
    breach_reasons = models.JSONField(default=dict, blank=True)
    # The frozen record taken at the lock (services.recording), and the SHA-256 of its
    # canonical JSON. Never written again: later changes are amendments.
    record = models.JSONField(default=dict, blank=True)
    record_hash = models.CharField(max_length=64, blank=True)

    def __str__(self) -> str:
        return f"decision of {self.cycle_id}"


class Place(models.Model):
    """A laureate or a reserve in the decision, with the reason and the public citation."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="places")
    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(max_length=10, choices=PlaceRole.choices)
    position = models.PositiveSmallIntegerField()
    reason = models.TextField(_("reason for the committee's choice"), max_length=4000, blank=True)
    citation = models.JSONField(_("citation"), default=dict, blank=True)  # {"sv": ..., "en": ...}
    summary = models.JSONField(
        _("what it does"), default=dict, blank=True
    )  # {"sv": ..., "en": ...}
    # A laureate's answer through the private link in its letter (stored only hashed).
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    respond_by = models.DateTimeField(_("answer by"), null=True, blank=True)
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["decision", "role", "position"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "candidate"], name="one_place_each")
        ]

    def __str__(self) -> str:
        return f"{self.role} {self.position}: {self.candidate_id}"


class Override(models.Model):
    """The committee chose differently from Laurel's suggestion: which place, and why."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="overrides")
    removed = models.ForeignKey("candidates.Candidate", on_delete=models.PROTECT, related_name="+")
    added = models.ForeignKey("candidates.Candidate", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"), max_length=2000)
    by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.removed_id} → {self.added_id}"


class Amendment(models.Model):
    """A change after the lock, dated and signed, with its own reason: the locked record itself
    is never edited. A laureate coming in (a promoted reserve) has its citation and description
    written here, in Swedish and English."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="amendments")
    kind = models.CharField(_("kind"), max_length=20, choices=AmendmentKind.choices)
    # The place the change is about (the laureate that declined or withdrew, the text
    # corrected), and the place that comes in, if any (the reserve promoted).
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    incoming = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=2000)
    citation = models.JSONField(_("citation"), default=dict, blank=True)  # {"sv": ..., "en": ...}
    summary = models.JSONField(_("what it does"), default=dict, blank=True)
    # Nobody signed in when a laureate answers through its private link.
    by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        ordering = ["decision", "at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} in {self.decision_id}"


class Letter(models.Model):
    """One decision letter: to a laureate, reserve or candidate not selected, or to a nominator
    about its nomination. Staff may change its recipient, language and text before release;
    its email in the outbox is written again from these fields each time (the private link is
    put in around the text, never inside it). `edited` letters keep their text when the
    letters are prepared again, unless staff choose to discard their edits."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField(_("kind"), max_length=30, choices=LetterKind.choices)
    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="+"
    )
    nomination = models.ForeignKey(
        "nominations.Nomination", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    to = models.EmailField(_("to"))
    language = models.CharField(_("language"), max_length=8)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"), max_length=20000)
    # Staff changed the text by hand / the recipient or language: kept when prepared again.
    edited = models.BooleanField(default=False)
    readdressed = models.BooleanField(default=False)
    edited_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    edited_at = models.DateTimeField(null=True, blank=True)
    email = models.OneToOneField(
        "notifications.OutgoingEmail",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decision_letter",
    )

    class Meta:
        ordering = ["decision", "kind", "candidate__name", "id"]

    def __str__(self) -> str:
        return f"{self.kind} about {self.candidate_id}"
