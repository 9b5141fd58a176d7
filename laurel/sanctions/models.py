"""The official sanctions lists, each import a snapshot of its own.

A snapshot is never changed after its import and never deleted by a newer one: screening records
name the snapshot they were made against, so an auditor can see the list as it stood. `current`
marks the newest snapshot of each source (one at most, a constraint holds it)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laurel.core.crypto import EncryptedTextField
from laurel.sanctions.enums import HitState, ScreenedRole, Source, SubjectKind


class ListSnapshot(models.Model):
    """One official file as imported: where it came from, when its publisher generated it, what
    it held, and its checksum (the same file is not imported twice in a row)."""

    source = models.CharField(_("list"), max_length=2, choices=Source.choices)
    published_on = models.DateField(_("published"))
    imported_at = models.DateTimeField(_("imported"), default=timezone.now)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    entry_count = models.PositiveIntegerField(_("entries"))
    skipped_count = models.PositiveIntegerField(_("entries skipped (ships)"), default=0)
    file_name = models.CharField(_("file name"), max_length=255)
    current = models.BooleanField(_("current"), default=False)
    # The version of the matcher's keys its names carry (`matching.KEYS_VERSION`); an older one
    # is computed again at the snapshot's next use. Derived from the entries, not list content.
    keys_version = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["source", "-published_on", "-imported_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["source"],
                condition=models.Q(current=True),
                name="sanctions_one_current_snapshot_a_source",
            )
        ]
        indexes = [models.Index(fields=["source", "current"])]

    def __str__(self) -> str:
        return f"{self.get_source_display()}, {self.published_on:%Y-%m-%d}"


class ListEntry(models.Model):
    """A person or an organisation a list names, as that snapshot had it."""

    snapshot = models.ForeignKey(ListSnapshot, on_delete=models.CASCADE, related_name="entries")
    # The list's own reference: the EU's logicalId, the UN's REFERENCE_NUMBER, the UK's Group ID.
    reference = models.CharField(_("reference"), max_length=64)
    kind = models.CharField(_("kind"), max_length=12, choices=SubjectKind.choices)
    regime = models.CharField(_("regime"), max_length=300, blank=True)
    listed_on = models.DateField(_("listed"), null=True, blank=True)
    remarks = models.CharField(_("remarks"), max_length=500, blank=True)
    # ISO 3166 alpha-2 codes; a country the file names that maps to no code is kept, as written,
    # in `citizenships_unmapped` rather than guessed.
    citizenships = models.JSONField(_("citizenships"), default=list, blank=True)
    citizenships_unmapped = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["snapshot", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["snapshot", "reference"], name="sanctions_one_entry_a_reference"
            )
        ]
        indexes = [models.Index(fields=["snapshot", "kind"])]
        verbose_name_plural = _("list entries")

    def __str__(self) -> str:
        return self.reference


class EntryName(models.Model):
    """A name of an entry: its primary name or an alias, as written, with the keys screening
    looks it up by (`matching.index_keys`, space-separated), computed at import."""

    entry = models.ForeignKey(ListEntry, on_delete=models.CASCADE, related_name="names")
    whole_name = models.CharField(_("name"), max_length=500)
    keys = models.TextField(blank=True, default="")
    primary = models.BooleanField(_("primary name"), default=False)
    # The list marks it a weak or low-quality alias (EU strong="false", UN and UK "Low").
    weak = models.BooleanField(_("weak alias"), default=False)
    # The script or language the file gives for it ("RU", "Cyrillic", "Russian"), if any.
    script = models.CharField(_("script or language"), max_length=60, blank=True)

    class Meta:
        ordering = ["entry", "-primary", "id"]

    def __str__(self) -> str:
        return self.whole_name


class EntryBirthDate(models.Model):
    """A birth date of a person as the list gives it: a full date, a year and month, a year, or
    a range of years (`year` to `year_to`); `circa` when the list says approximately."""

    entry = models.ForeignKey(ListEntry, on_delete=models.CASCADE, related_name="birth_dates")
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    day = models.PositiveSmallIntegerField(_("day"), null=True, blank=True)
    year_to = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    circa = models.BooleanField(_("approximately"), default=False)

    class Meta:
        ordering = ["entry", "year", "month", "day"]
        indexes = [models.Index(fields=["year"])]

    def __str__(self) -> str:
        written = "-".join(f"{part:02d}" for part in (self.year, self.month, self.day) if part)
        return f"{written}–{self.year_to}" if self.year_to else written


class Screening(models.Model):
    """One screening of one name against the current lists: whom (a subject key and its role),
    the name as screened, against which snapshots, when, by whom (none: on its own, after an
    import or a payment request), and what it found. The evidence the funder's auditors read.

    `subject` says whose name it is, as the caller keys it: "candidate:12",
    "laureate:3", "person:7" (a contact person or signatory staff screen), "account:9" (a bank
    account's holder). The name is personal data, encrypted at rest like the bank details it
    may come from. The newest screening of a subject is `current`."""

    subject = models.CharField(max_length=40, db_index=True)
    role = models.CharField(_("whom"), max_length=20, choices=ScreenedRole.choices)
    kind = models.CharField(_("kind"), max_length=12, choices=SubjectKind.choices)
    name = EncryptedTextField(_("name screened"))
    born = models.DateField(_("born"), null=True, blank=True)
    citizenship = models.CharField(_("citizenship"), max_length=2, blank=True)
    snapshots = models.ManyToManyField(ListSnapshot, related_name="+")
    screened_at = models.DateTimeField(_("screened"), default=timezone.now)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    current = models.BooleanField(default=True)

    class Meta:
        ordering = ["-screened_at", "-id"]
        indexes = [models.Index(fields=["subject", "current"])]
        constraints = [
            # What blocks a payment is read from the newest screening: two would hide one.
            models.UniqueConstraint(
                fields=["subject"],
                condition=models.Q(current=True),
                name="sanctions_one_current_screening_a_subject",
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.screened_at:%Y-%m-%d}"


class Hit(models.Model):
    """A list entry a screened name matched: a decision for staff, not an alert. Cleared as a
    false match or confirmed, each with a reason; clearing a strong hit takes a second member
    of staff (`first_cleared_by` proposed it, `decided_by` agreed)."""

    screening = models.ForeignKey(Screening, on_delete=models.CASCADE, related_name="hits")
    entry = models.ForeignKey(ListEntry, on_delete=models.PROTECT, related_name="+")
    listed_name = models.CharField(_("listed name"), max_length=500)
    score = models.DecimalField(_("likeness"), max_digits=4, decimal_places=3)
    strong = models.BooleanField(_("strong"), default=False)
    reasons = models.JSONField(default=list, blank=True)
    state = models.CharField(
        _("state"), max_length=12, choices=HitState.choices, default=HitState.OPEN
    )
    first_cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_reason = models.TextField(_("reason given first"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    # A clearance carried from an earlier screening of the same name against the same entry,
    # unchanged since (a re-screen after an import does not ask again what was decided).
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-strong", "-score", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["screening", "entry"], name="sanctions_one_hit_an_entry"
            )
        ]

    def __str__(self) -> str:
        return f"{self.screening.subject} ~ {self.listed_name}"
