import hashlib
import secrets
from typing import TYPE_CHECKING, NamedTuple

from django.db import models
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from laurel.core.models import TimeStamped
from laurel.core.personal import Kind, Personal
from laurel.core.texts import in_language
from laurel.nominations.enums import NominationState, Relationship, VersionKind

if TYPE_CHECKING:
    from laurel.cycles.models import Question

# What a nominator writes: snapshotted into every version, shown on the review page.
ORGANISATION_FIELDS = [
    "org_name",
    "org_country",
    "org_city",
    "org_website",
    "org_no_website",
    "org_registration_number",
    "org_contact_name",
    "org_contact_email",
    "org_description",
    "org_founded_year",
]
NOMINATOR_FIELDS = [
    "nominator_name",
    "nominator_email",
    "nominator_organisation",
    "nominator_role",
    "relationship",
    "preferred_language",
]
DECLARATION_FIELDS = ["declared_true", "declared_safeguarding", "declared_privacy"]
DATA_FIELDS = [
    *ORGANISATION_FIELDS,
    "answers",
    "links",
    "question_answers",
    *NOMINATOR_FIELDS,
    *DECLARATION_FIELDS,
    "safeguarding_acknowledged",
]


# The form field (and safeguarding finding, and committee's version text) of a question's answer.
QUESTION_PREFIX = "q_"


def question_field(key: str) -> str:
    return f"{QUESTION_PREFIX}{key}"


def new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(24)
    return token, hash_token(token)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Nomination(TimeStamped):
    """What a nominator sends: one organisation proposed for one cycle.

    A draft and the submitted nomination are the same row; the private link's token (only its
    hash is stored) finds it, and makes saving and submitting idempotent.
    """

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.PROTECT, related_name="nominations")
    state = models.CharField(
        _("state"), max_length=12, choices=NominationState.choices, default=NominationState.DRAFT
    )
    token_hash = models.CharField(max_length=64, unique=True)
    confirm_token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    reference = models.CharField(_("reference"), max_length=24, unique=True, null=True, blank=True)
    language = models.CharField(_("language of the form"), max_length=8, default="en")

    org_name = models.CharField(_("organisation"), max_length=200, blank=True)
    org_country = models.CharField(_("country"), max_length=2, blank=True)
    org_city = models.CharField(_("city"), max_length=120, blank=True)
    org_website = models.URLField(_("website"), max_length=300, blank=True)
    # The nominator said the organisation has no website, or did not know it: the form asks for
    # one or the other, since the website is what tells the secretariat two nominations are one
    # organisation (bench/RESULTS.md, 2026-12-07).
    org_no_website = models.BooleanField(_("no website known"), default=False)
    org_registration_number = models.CharField(_("registration number"), max_length=60, blank=True)
    org_contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    org_contact_email = models.EmailField(_("contact email"), blank=True)
    org_description = models.TextField(_("what the organisation does"), blank=True)
    org_founded_year = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)

    # {"1": "answer to criterion 1", ...} and the language detected in each.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    answer_languages = models.JSONField(_("languages of the answers"), default=dict, blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)
    # The award's own questions (cycles.Question), by key: {"network": "yes", "staff": 12}.
    question_answers = models.JSONField(
        _("answers to the award's questions"), default=dict, blank=True
    )

    nominator_name = models.CharField(_("your name"), max_length=150, blank=True)
    nominator_email = models.EmailField(_("your email"), blank=True)
    nominator_organisation = models.CharField(_("your organisation"), max_length=200, blank=True)
    nominator_role = models.CharField(_("your role"), max_length=120, blank=True)
    relationship = models.CharField(
        _("relationship"), max_length=20, choices=Relationship.choices, blank=True
    )
    preferred_language = models.CharField(_("preferred language"), max_length=8, blank=True)

    declared_true = models.BooleanField(default=False)
    declared_safeguarding = models.BooleanField(default=False)
    declared_privacy = models.BooleanField(default=False)

    # [{"field": "answer_1", "kind": "phone"}, ...]: what the safeguarding check found.
    safeguarding_flags = models.JSONField(default=list, blank=True)
    safeguarding_acknowledged = models.BooleanField(default=False)
    # Each finding the nominator kept, with why: [{"field", "kind", "text", "reason"}], for staff.
    safeguarding_confirmations = models.JSONField(default=list, blank=True)
    # A change to a submitted nomination waiting for its review: {"data": {...}, "remove": [pk],
    # "uploads": [{"name", "kind", "size", "sha256", "path"}], "honeypot": bool}. Staff and the
    # committee see the nomination as it was until the nominator confirms it on the review page.
    pending_edit = models.JSONField(null=True, blank=True)
    held_for_moderation = models.BooleanField(_("held for moderation"), default=False)
    moderation_reason = models.CharField(max_length=60, blank=True)
    # What a draft's nominator typed in a field that did not pass its check ({"org_name": "…"},
    # a name too long, an address half written): kept with the draft and shown again in the form
    # until it is corrected, so that a save or a change of language loses nothing typed. Each
    # save replaces it; a draft with anything here is not ready to submit.
    unchecked = models.JSONField(default=dict, blank=True)
    # core.http.network_of(client address): a keyed digest, to see coordinated nominations.
    network = models.CharField(max_length=16, blank=True)

    # True when the draft was last saved from a form that passed the submission checks:
    # the review page needs no second validation. Any other save clears it.
    complete = models.BooleanField(default=False)
    resume_sent_to = models.EmailField(blank=True)
    # Not stored: set by a service that would have emailed the nominator and did not, because
    # the address had its hourly share of nomination emails; the page says so.
    email_withheld = False
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    late_code = models.ForeignKey(
        "LateSubmissionCode", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Set when the retention policy or an erasure request removed what it said (privacy app).
    anonymised_at = models.DateTimeField(null=True, blank=True)

    PERSONAL = Personal(
        {
            Kind.NOMINATOR: (
                "nominator_name", "nominator_email", "nominator_organisation", "nominator_role",
                "resume_sent_to", "network",
            ),
            Kind.CONTACT: ("org_contact_name", "org_contact_email"),
            Kind.ORGANISATION: (
                "org_city", "org_website", "org_no_website", "org_registration_number",
                "org_founded_year",
            ),
            Kind.WRITTEN: ("org_description", "answers", "question_answers"),
            # pending_edit: a change not yet confirmed holds a copy of all of the above;
            # unchecked: a draft's fields that failed their check, as typed.
            Kind.TRACES: (
                "answer_languages", "links", "safeguarding_flags", "safeguarding_confirmations",
                "pending_edit", "unchecked",
            ),
        },
        # The name and country stay for the counts; how the nominator relates to the
        # organisation, for the flags; the rest is the nomination's state and bookkeeping.
        kept=(
            "id", "created_at", "updated_at", "cycle", "state", "token_hash",
            "confirm_token_hash", "reference", "language", "org_name", "org_country",
            "relationship", "preferred_language", "declared_true",
            "declared_safeguarding", "declared_privacy", "safeguarding_acknowledged",
            "held_for_moderation", "moderation_reason", "complete", "submitted_at",
            "confirmed_at", "withdrawn_at", "late_code", "anonymised_at",
        ),
    )  # fmt: skip

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["cycle", "state"])]

    def __str__(self) -> str:
        return self.reference or f"draft {self.pk}"

    @property
    def is_self_nomination(self) -> bool:
        return self.relationship == Relationship.SELF

    def data(self) -> dict:
        return {name: getattr(self, name) for name in DATA_FIELDS}

    @cached_property
    def given_answers(self) -> list["GivenAnswer"]:
        """The answers to the award's own questions, in the file's order, each with its question
        and its label and answer in the page's language; a retired question's answer too (it
        stays readable). Who may read each is its question's (visible_to, personal)."""
        language = translation.get_language()
        given = []
        for question in self.cycle.asked_questions():
            value = (self.question_answers or {}).get(question.key)
            if value in (None, "", []):
                continue
            labels = {
                option["key"]: in_language(option["label"], language) for option in question.options
            }
            labels |= (
                {"yes": str(_("Yes")), "no": str(_("No"))} if question.kind == "yes_no" else {}
            )
            if question.kind == "country":
                labels[value] = str(countries.name(value)) or value
            values = value if isinstance(value, list) else [value]
            text = ", ".join(labels.get(str(item), str(item)) for item in values)
            document = None
            if question.kind == "file":  # its answer is the name of the file it holds
                document = next(
                    (a for a in self.attachments.all() if a.question == question.key), None
                )
            label = in_language(question.label, language)
            given.append(GivenAnswer(question, label, text, document))
        return given

    @property
    def evidence_documents(self) -> list["Attachment"]:
        """The documents of evidence: not the files that answer the award's `file` questions
        (a question's file is shown as its answer). Read through a prefetch where there is one."""
        return [attachment for attachment in self.attachments.all() if not attachment.question]

    @property
    def answered_questions(self) -> dict[str, list["GivenAnswer"]]:
        """The given answers by the form section they are asked in."""
        shown: dict[str, list[GivenAnswer]] = {}
        for answer in self.given_answers:
            shown.setdefault(answer.question.section, []).append(answer)
        return shown

    def without_personal_answers(self, answers: dict | None) -> dict:
        """The answers to the award's questions less those that are personal data (the
        question says so): what stays when the nominator's or the contact's details go."""
        personal = {q.key for q in self.cycle.asked_questions() if q.personal}
        return {key: value for key, value in (answers or {}).items() if key not in personal}

    def free_texts(self) -> dict[str, str]:
        """Every free text the nominator wrote, by the name of its form field: the criteria
        answers, what the organisation does, the answers to the award's long-text questions
        (what the safeguarding check reads, and where its findings point)."""
        texts = {f"answer_{number}": text for number, text in self.answers.items()}
        texts["org_description"] = self.org_description
        for question in self.cycle.asked_questions():
            text = (self.question_answers or {}).get(question.key)
            if question.kind == "long_text" and isinstance(text, str) and text:
                texts[question_field(question.key)] = text
        return texts


class GivenAnswer(NamedTuple):
    """One answer to one of the award's questions, as a page shows it."""

    question: "Question"
    label: str
    text: str
    # A `file` question's document (staff download it from the answer).
    document: "Attachment | None" = None

    @property
    def field(self) -> str:
        return question_field(self.question.key)


class NominationVersion(models.Model):
    """Every submitted, edited or withdrawn state of a nomination, kept as it was."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=12, choices=VersionKind.choices)
    data = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["nomination", "number"]
        constraints = [
            models.UniqueConstraint(fields=["nomination", "number"], name="version_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.nomination} v{self.number}"


class Attachment(models.Model):
    """Evidence a nominator uploaded: stored outside the web root under a random name."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="nominations/%Y/%m/")
    original_name = models.CharField(max_length=200)
    kind = models.CharField(max_length=8)  # pdf, docx, odt: what the content is, not the name
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    # The key of the award's `file` question this document answers; "" for the evidence the
    # form's documents field takes (at most NOMINATION_DOCUMENTS of those). A question holds one.
    question = models.CharField(max_length=40, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class LateSubmissionCode(models.Model):
    """A single-use code staff give one nominator to submit after the deadline."""

    cycle = models.ForeignKey("cycles.Cycle", on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64, unique=True)
    note = models.CharField(_("for whom"), max_length=200)
    created_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    valid_until = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.note


class UsedChallenge(models.Model):
    """ALTCHA solutions already accepted, kept until they expire: each works once."""

    signature = models.CharField(max_length=128, unique=True)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.signature[:12]
