import zoneinfo
from datetime import datetime
from email.utils import formataddr

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laurel.core.models import TimeStamped
from laurel.cycles.enums import PHASE_STARTS, Phase

# The award's texts the public reads (besides its benefits and its criteria's titles and texts).
PUBLIC_TEXTS = (
    "name",
    "theme_description",
    "background",
    "criteria_intro",
    "benefits_intro",
    "closing",
    "region",
    "prize_funder",
    "organiser",
    "controller",
    "privacy_authority",
)


def offered(chosen: list[str], default) -> list[str]:
    """The languages of `chosen` Laurel still has (settings.LANGUAGES), else `default`."""
    known = {code for code, _name in settings.LANGUAGES}
    return [code for code in chosen if code in known] or list(default)


def translated(verbose_name: str, **kwargs) -> models.JSONField:
    """A text kept in every language of the site: {"sv": "...", "en": "..."}."""
    return models.JSONField(verbose_name, default=dict, blank=True, **kwargs)


# Cycle.asked_questions, by (cycle, its updated_at).
_QUESTIONS: dict[tuple[int, datetime], list["Question"]] = {}


class Cycle(TimeStamped):
    """One award in one year: its call, its criteria, its dates and its laureates."""

    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    # Nomination references read like C10-2022-7K3Q.
    reference_prefix = models.CharField(_("reference prefix"), max_length=12, default="NOM")
    time_zone = models.CharField(_("time zone"), max_length=60, default="Europe/Stockholm")
    organiser = translated(_("organiser"))
    # The organiser's identity (the award file's [organiser]): every public page and email
    # speaks in it. Empty values fall back: DEFAULT_FROM_EMAIL for the sender, nothing shown.
    sender_name = models.CharField(_("sender name"), max_length=80, blank=True)
    sender_email = models.EmailField(_("sender address"), blank=True)
    reply_to = models.EmailField(_("reply-to address"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    # For a consulate to verify a visa invitation letter by telephone.
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # Where the summit's delegates read the code of conduct they accept: a link per language.
    code_of_conduct = translated(_("code of conduct"))
    logo = models.CharField(_("logo (static file)"), max_length=200, blank=True)
    controller = translated(_("data controller"))
    privacy_authority = translated(_("data protection authority"))
    privacy_contact = models.EmailField(_("data protection contact"), blank=True)
    dpo_email = models.EmailField(_("data protection officer"), blank=True)
    name = translated(_("name"))
    theme = translated(_("theme"))
    # The language the theme is written in when it is one text for every page ("" if each
    # language has its own): pages mark it with lang.
    theme_language = models.CharField(_("language of the theme"), max_length=8, blank=True)
    theme_description = translated(_("theme description"))
    # The award's languages ([languages] of its file): staff and committee pages in the
    # working ones, public pages and the public's emails in the public ones. Empty: the site's.
    working_languages = models.JSONField(_("working languages"), default=list, blank=True)
    public_languages = models.JSONField(_("public languages"), default=list, blank=True)
    # The public languages whose texts come from a translation file (cycles.translations):
    # {"de": {"from": "sv", "checked": false}}.
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    background = translated(_("background"))
    criteria_intro = translated(_("introduction to the criteria"))
    benefits_intro = translated(_("introduction to what the laureates receive"))
    closing = translated(_("closing words"))
    region = translated(_("eligible region"))
    laureate_count = models.PositiveSmallIntegerField(_("number of laureates"), default=10)
    prize_amount = models.PositiveIntegerField(_("prize per laureate"), default=0)
    prize_currency = models.CharField(_("prize currency"), max_length=3, default="SEK")
    prize_funder = translated(_("prize funder"))
    eligible_countries = models.JSONField(_("eligible countries"), default=list, blank=True)
    score_min = models.PositiveSmallIntegerField(_("lowest score"), default=1)
    score_max = models.PositiveSmallIntegerField(_("highest score"), default=5)
    score_labels = models.JSONField(_("score labels"), default=dict, blank=True)

    nominations_open_at = models.DateTimeField(_("nominations open"))
    nominations_close_at = models.DateTimeField(_("nominations close"))
    review_open_at = models.DateTimeField(_("review opens"))
    review_close_at = models.DateTimeField(_("review closes"))
    decision_at = models.DateTimeField(_("decision announced"))
    programme_start_at = models.DateTimeField(_("programme starts"))
    archive_at = models.DateTimeField(_("archived"))
    # The phase is stored: staff move it (cycles.services), the dates above are the plan and
    # drive reminders and the public deadline. A new cycle starts in the phase its dates give.
    phase = models.CharField(_("phase"), max_length=12, choices=Phase.choices, default=Phase.DRAFT)
    phase_changed_at = models.DateTimeField(_("phase changed"), null=True, blank=True)

    class Meta:
        verbose_name = _("award cycle")
        verbose_name_plural = _("award cycles")
        ordering = ["-nominations_open_at"]

    def asked_questions(self) -> list["Question"]:
        """The award's own questions, in order (retired ones too), read once for each version
        of the cycle: load_award touches the cycle when they change, and the nomination form,
        the busiest page, asks for them on every request."""
        key = (self.pk, self.updated_at)
        found = _QUESTIONS.get(key)
        if found is None:
            if len(_QUESTIONS) >= 64:
                _QUESTIONS.clear()
            found = _QUESTIONS[key] = list(self.questions.all())
        return found

    def __str__(self) -> str:
        return self.name.get("en") or self.slug

    @property
    def working(self) -> list[str]:
        """The languages of the staff and committee pages (the site's when the file names none)."""
        return offered(self.working_languages, settings.WORKING_LANGUAGES)

    @property
    def public(self) -> list[str]:
        """The languages the public pages and the public's emails are offered in."""
        return offered(self.public_languages, self.working)

    def untranslated(self, language: str) -> bool:
        """Whether any of the award's public texts lacks `language` (it is then shown in the
        first working language, marked)."""
        tables = [getattr(self, name) for name in PUBLIC_TEXTS]
        tables += [benefit.text for benefit in self.benefits.all()]
        for criterion in self.criteria.all():
            tables += [criterion.title, criterion.text]
        for question in self.asked_questions():
            if not question.retired:
                tables += [question.label, question.help]
                tables += [option["label"] for option in question.options]
        return any(table and not table.get(language) for table in tables)

    @property
    def from_email(self) -> str:
        """The From of the award's emails: "<sender name> <sender address>", or the site's
        default when the award file names no sender address."""
        if not self.sender_email:
            return settings.DEFAULT_FROM_EMAIL
        name = self.sender_name or self.organiser.get("en", "")
        # Never a line break into the header, whatever was stored (Django would refuse the
        # email, so that none of the award's emails would go).
        name = " ".join("".join(c if c.isprintable() else " " for c in name).split())
        return formataddr((name, self.sender_email)) if name else self.sender_email

    @property
    def reply_to_list(self) -> list[str]:
        address = self.reply_to or self.contact_email
        return [address] if address else []

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def planned_phase_at(self, moment: datetime) -> Phase:
        """The phase the dates plan for a moment (the stored `phase` is what holds)."""
        current = Phase.DRAFT
        for field, phase in PHASE_STARTS:
            if moment >= getattr(self, field):
                current = phase
        # The nomination deadline is inclusive: all of the last second it names still counts
        # (a nomination sent at 23:59:59.8 was sent "at 23:59:59").
        last_second = self.nominations_close_at.replace(microsecond=0)
        if current == Phase.SCREENING and moment.replace(microsecond=0) <= last_second:
            current = Phase.NOMINATIONS
        return current

    @property
    def planned_phase(self) -> Phase:
        return self.planned_phase_at(timezone.now())

    @property
    def current_phase(self) -> Phase:
        return Phase(self.phase)

    def phase_schedule(self) -> list[tuple[str, datetime, bool]]:
        """(phase name, when it is planned to start, whether it is the current one)."""
        current = self.phase
        return [
            (phase.label, getattr(self, field), phase == current) for field, phase in PHASE_STARTS
        ]

    @property
    def nominations_are_open(self) -> bool:
        """In the nominations phase and within the published window (the deadline holds even
        if staff have not yet moved the cycle on)."""
        return self.phase == Phase.NOMINATIONS and self.planned_phase == Phase.NOMINATIONS


class Criterion(models.Model):
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="criteria")
    number = models.PositiveSmallIntegerField(_("number"))
    title = translated(_("title"))
    text = translated(_("criterion"))
    weight = models.DecimalField(_("weight"), max_digits=4, decimal_places=2, default=1)
    max_characters = models.PositiveIntegerField(_("longest answer (characters)"), default=2000)
    # {"1": {"sv": ..., "en": ...}, ...}: what each score means for this criterion.
    guidance = models.JSONField(_("guidance for each score"), default=dict, blank=True)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["cycle", "number"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "number"], name="criterion_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title.get('en', '')}"

    def guidance_levels(self) -> list[tuple[int, dict, dict]]:
        """(score, label, guidance) for every score on the cycle's scale."""
        labels = self.cycle.score_labels
        return [
            (score, labels.get(str(score), {}), self.guidance.get(str(score), {}))
            for score in range(self.cycle.score_min, self.cycle.score_max + 1)
        ]


class Question(models.Model):
    """One of the award's own questions on the nomination form (laurel.cycles.award_questions
    says what each field means). Answers are stored by `key` (Nomination.question_answers)."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="questions")
    key = models.CharField(_("key"), max_length=40)
    position = models.PositiveSmallIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=20)
    label = translated(_("question"))
    help = models.JSONField(_("help text"), default=dict, blank=True)
    section = models.CharField(_("section"), max_length=20, default="organisation")
    required = models.BooleanField(_("required"), default=False)
    max_characters = models.PositiveIntegerField(_("longest answer (characters)"), null=True)
    # [{"key": "ngo", "label": {"sv": ..., "en": ...}}, ...]: a choice question's answers.
    options = models.JSONField(_("options"), default=list, blank=True)
    min_value = models.IntegerField(_("smallest number"), null=True, blank=True)
    max_value = models.IntegerField(_("largest number"), null=True, blank=True)
    # {"question": "key", "equals": ["value", ...]}: asked only when that answer is given.
    shown_if = models.JSONField(_("shown if"), null=True, blank=True)
    visible_to = models.CharField(_("visible to"), max_length=12, default="staff")
    personal = models.BooleanField(_("personal data"), default=False)
    # No longer asked; the answers already given stay readable.
    retired = models.BooleanField(_("retired"), default=False)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["cycle", "position"]
        constraints = [models.UniqueConstraint(fields=["cycle", "key"], name="question_key_unique")]

    def __str__(self) -> str:
        return self.key


class Benefit(models.Model):
    """One thing every laureate receives."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="benefits")
    number = models.PositiveSmallIntegerField(_("number"))
    text = translated(_("text"))

    class Meta:
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")
        ordering = ["cycle", "number"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "number"], name="benefit_number_unique")
        ]

    def __str__(self) -> str:
        return self.text.get("en", "")
