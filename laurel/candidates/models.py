from django.db import models
from django.utils.translation import gettext_lazy as _

from laurel.candidates.enums import (
    CandidateState,
    Consent,
    DiligenceArea,
    DiligenceStatus,
    DocumentKind,
    Flag,
    IneligibleReason,
    SuggestionState,
    WorkKind,
)
from laurel.core.models import TimeStamped
from laurel.core.personal import Kind, Personal


class Organisation(TimeStamped):
    """An organisation as Laurel knows it across the years: nominated in one cycle or several."""

    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=2, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=60, blank=True)
    description = models.TextField(_("what the organisation does"), blank=True)
    founded_year = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    # The language its letters are written in ("" until someone says: letters then guess).
    contact_language = models.CharField(_("language for letters"), max_length=8, blank=True)
    # How later nominations find this organisation again, in another year: its registrable
    # website domain and its registration number as matching.py normalises them.
    domain = models.CharField(max_length=300, blank=True, db_index=True)
    registration_key = models.CharField(max_length=60, blank=True)
    # Other names it has been known by, as written: a name it corrected on the consent page,
    # the names of candidates staff merged into its candidate. Unique and bounded (services/
    # common.py remember_names): matching compares each of them as well as `name`.
    aliases = models.JSONField(_("other names"), default=list, blank=True)

    PERSONAL = Personal(
        {
            Kind.CONTACT: ("contact_name", "contact_email", "contact_language"),
            Kind.ORGANISATION: ("city", "website", "registration_number", "founded_year"),
            Kind.WRITTEN: ("description",),
        },
        kept=(
            "id", "created_at", "updated_at", "name", "country", "domain", "registration_key",
            "aliases",
        ),
    )  # fmt: skip

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class Candidate(TimeStamped):
    """An organisation in one cycle, with one or more nominations."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.PROTECT, related_name="candidates")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="candidacies"
    )
    state = models.CharField(
        _("state"), max_length=12, choices=CandidateState.choices, default=CandidateState.TO_SCREEN
    )
    ineligible_reason = models.CharField(
        _("why ineligible"), max_length=20, choices=IneligibleReason.choices, blank=True
    )
    screening_note = models.CharField(_("screening note"), max_length=500, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_candidates"
    )
    # Kept up to date by the services, so that lists of thousands need no counting queries.
    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=2, blank=True)
    nomination_count = models.PositiveIntegerField(_("nominations"), default=0)
    nominator_count = models.PositiveIntegerField(_("distinct nominators"), default=0)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    flags = models.JSONField(_("flags"), default=list, blank=True)
    # Kinds of work (enums.WorkKind), tagged during screening.
    work_kinds = models.JSONField(_("kinds of work"), default=list, blank=True)
    first_nominated_at = models.DateTimeField(_("first nominated"), null=True, blank=True)
    # Staff mark a candidate ready once it is eligible, its due diligence is done and the
    # committee's version of each nomination is prepared.
    ready_for_committee = models.BooleanField(_("ready for the committee"), default=False)
    ready_at = models.DateTimeField(null=True, blank=True)
    consent = models.CharField(
        _("consent"), max_length=10, choices=Consent.choices, default=Consent.NOT_ASKED
    )
    consent_at = models.DateTimeField(null=True, blank=True)
    consent_deadline = models.DateTimeField(_("answer by"), null=True, blank=True)
    # Set when the organisation refused: its nominations' content is erased from then on.
    erase_due_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["cycle", "state", "name"]),
            models.Index(fields=["cycle", "country"]),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def flag_labels(self) -> list[str]:
        return [Flag(flag).label for flag in self.flags if flag in Flag.values]

    @property
    def work_kind_labels(self) -> list[str]:
        return [WorkKind(kind).label for kind in self.work_kinds if kind in WorkKind.values]


class Placement(models.Model):
    """Which candidate a nomination counts for. A merge moves placements; an undo moves them
    back, so a nomination is always in exactly one candidate."""

    nomination = models.OneToOneField(
        "nominations.Nomination", on_delete=models.CASCADE, related_name="placement"
    )
    candidate = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="placements")
    placed_at = models.DateTimeField(auto_now_add=True)
    # When the nominator was told that the candidate is ineligible: they are told once.
    ineligible_notified_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.nomination_id} → {self.candidate_id}"


class DuplicateSuggestion(models.Model):
    """Two candidates that may be one organisation: how sure, and why."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="+")
    first = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+")
    confidence = models.FloatField(_("confidence"))
    reasons = models.JSONField(_("reasons"), default=list)
    name_score = models.PositiveSmallIntegerField(default=0)
    # The two names (or a name and a website) that matched, as written: ["BRIS", "Barnens Rätt
    # i Samhället"]; empty when the evidence is not a name (a website, a registration number).
    matched = models.JSONField(_("names that matched"), default=list, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=SuggestionState.choices, default=SuggestionState.OPEN
    )
    decided_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-confidence", "id"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="suggestion_pair_unique"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="suggestion_pair_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_id} ~ {self.second_id} ({self.confidence:.2f})"

    @property
    def pair(self) -> list[Candidate]:
        return [self.first, self.second]


class MergeRecord(models.Model):
    """One merge: what moved where, and what the source was before, so it can be undone."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="+")
    source = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="+")
    target = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="+")
    placements = models.JSONField(default=list)  # ids of the placements moved
    # The names the kept organisation gained as aliases by this merge: an undo removes them.
    aliases_added = models.JSONField(default=list, blank=True)
    source_state = models.CharField(max_length=12, choices=CandidateState.choices)
    merged_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_at = models.DateTimeField(auto_now_add=True)
    undone_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-merged_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source_id} → {self.target_id}"


class CandidateNote(models.Model):
    """A staff note on a candidate: what was checked, who was called."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("note"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"note {self.pk}"


class DiligenceCheck(models.Model):
    """One area of due diligence for one candidate: its status and what was found."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="checks")
    area = models.CharField(_("area"), max_length=20, choices=DiligenceArea.choices)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=DiligenceStatus.choices,
        default=DiligenceStatus.NOT_STARTED,
    )
    # Staff's working note: never shown to the committee.
    notes = models.TextField(_("notes"), max_length=4000, blank=True)
    # What the committee reads beside the verdict; required for a verdict that is not clean.
    committee_note = models.TextField(_("note for the committee"), max_length=2000, blank=True)
    updated_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["candidate", "id"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "area"], name="one_check_per_area")
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} {self.area}: {self.status}"


class CandidateDocument(models.Model):
    """A due-diligence document: uploaded by staff or by the organisation through its link.
    Stored outside the web root under a random name, checked by its content."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("document"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(upload_to="candidates/%Y/%m/")
    original_name = models.CharField(max_length=200)
    file_type = models.CharField(max_length=8)  # pdf, docx, odt
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    from_organisation = models.BooleanField(default=False)
    uploaded_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "created_at", "id"]

    def __str__(self) -> str:
        return self.original_name


# What replaces a redacted detail in the committee's version: a passage staff took out, and an
# answer to one of the award's questions that is personal data (the committee never reads one).
REDACTED = "[…]"


class CommitteeVersion(models.Model):
    """What the committee reads of one nomination: its free texts with identifying details
    redacted by staff. The original stays with staff; the committee never sees it."""

    nomination = models.OneToOneField(
        "nominations.Nomination", on_delete=models.CASCADE, related_name="committee_version"
    )
    # {"org_description": "...", "answer_1": "...", ...}
    texts = models.JSONField(default=dict)
    # A text staff translated for the committee, shown beside it and marked as translated:
    # {"answer_2": {"text": "...", "into": "en", "from": "pl", "by": <user pk>, "at": "<iso>"}}
    translations = models.JSONField(default=dict, blank=True)
    prepared_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    prepared_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"committee version of {self.nomination_id}"


class ClaimInvitation(models.Model):
    """The nominated organisation's private link: it learns it was nominated (never by whom),
    consents or refuses, corrects its profile and uploads documents. The link works until the
    answer-by date (`expires_at`): the organisation may come back to add a document, correct
    its details or change its answer (a refusal can be undone until its erasure)."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="claims")
    email = models.EmailField(_("contact email"))
    language = models.CharField(_("language"), max_length=8, default="en")
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    # When the organisation last answered through the link (None: not yet).
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # Set when a refusal's erasure ran: the link then shows nothing about the organisation.
    erased_at = models.DateTimeField(null=True, blank=True)
    # What a refusal changed on the candidate ({"state": ..., "ready_for_committee": ...}), so
    # that changing the answer back to yes within the undo window restores it.
    before_refusal = models.JSONField(default=dict, blank=True)
    # What the organisation itself told us when it consented, as it typed it (contact person,
    # contact email, description...) and the language it answered in: shown to staff, who may
    # make it the contact.
    told = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"claim for {self.candidate_id}"

    @property
    def greeting_name(self) -> str:
        """Whom the page and the emails greet: the contact person the organisation gave, else
        the one staff know for the address the link went to; "" for a neutral greeting."""
        if self.told.get("contact_name"):
            return self.told["contact_name"]
        organisation = self.candidate.organisation
        known = organisation.contact_email.lower()
        if organisation.contact_name and known in ("", self.email.lower()):
            return organisation.contact_name
        return ""


class ContactChange(models.Model):
    """One change of an organisation's contact (person, email, language for letters): who made
    it, when, where it came from and what the contact became. The newest one is the contact."""

    class Source(models.TextChoices):
        STAFF = "staff", _("changed by staff")
        CLAIM = "claim", _("the organisation's own answer")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contact_changes"
    )
    candidate = models.ForeignKey(
        Candidate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("contact person"), max_length=150, blank=True)
    email = models.EmailField(_("contact email"), blank=True)
    language = models.CharField(_("language for letters"), max_length=8, blank=True)
    fields = models.JSONField(default=list)  # which of name, email, language changed
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.STAFF)
    by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"contact of {self.organisation_id} changed"
