from datetime import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from laurel.core.forms import TranslatedTextsMixin, long_text
from laurel.core.texts import working_choices
from laurel.cycles.enums import DATE_FIELDS
from laurel.cycles.models import Benefit, Criterion, Cycle
from laurel.cycles.phases import count_is_open, count_refusal

DATE_LABELS = {
    "nominations_open_at": _("Nominations open"),
    "nominations_close_at": _("Nominations close (the last minute that counts)"),
    "review_open_at": _("Review opens"),
    "review_close_at": _("Review closes"),
    "decision_at": _("Decision announced"),
    "programme_start_at": _("Programme starts"),
    "archive_at": _("Archived"),
}


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class CycleForm(TranslatedTextsMixin, forms.Form):
    translated_fields = [
        ("name", _("Name"), False),
        ("organiser", _("Organiser"), False),
        ("theme", _("Theme"), False),
        ("theme_description", _("Theme description"), True),
        ("background", _("Background"), True),
        ("benefits_intro", _("Introduction to what the laureates receive"), False),
        ("criteria_intro", _("Introduction to the criteria"), True),
        ("closing", _("Closing words"), True),
        ("region", _("Eligible region"), False),
    ]
    laureate_count = forms.IntegerField(label=_("Number of laureates"), min_value=1, max_value=100)
    prize_amount = forms.IntegerField(label=_("Prize per laureate"), min_value=0)

    def __init__(self, *args, cycle: Cycle, **kwargs):
        super().__init__(*args, **kwargs)
        self.cycle = cycle
        self.add_translated_fields(cycle)
        zone = cycle.zone
        for name in DATE_FIELDS:
            self.fields[name] = forms.DateTimeField(
                label=DATE_LABELS[name],
                initial=getattr(cycle, name).astimezone(zone).replace(tzinfo=None),
                widget=LocalDateTimeInput(),
                help_text=_("Local time in %(zone)s.") % {"zone": cycle.time_zone},
            )
        self.fields["laureate_count"].initial = cycle.laureate_count
        self.fields["prize_amount"].initial = cycle.prize_amount
        for code in ("closing", "criteria_intro"):
            for name in list(self.fields):
                if name.startswith(f"{code}_"):
                    self.fields[name].required = False

    def clean(self):
        data = super().clean()
        count = data.get("laureate_count")
        changed = count is not None and count != self.cycle.laureate_count
        if changed and not count_is_open(self.cycle.phase):
            self.add_error("laureate_count", count_refusal())
        zone = self.cycle.zone
        previous: tuple[str, datetime] | None = None
        for name in DATE_FIELDS:
            value: datetime | None = data.get(name)
            if value is None:
                continue
            value = value.replace(tzinfo=zone)
            if name.endswith("close_at") or name == "archive_at":
                value = value.replace(second=59)  # the minute named is the last one that counts
            data[name] = value
            if previous and value <= previous[1]:
                self.add_error(
                    name,
                    _("Must be later than “%(previous)s”.")
                    % {"previous": DATE_LABELS[previous[0]]},
                )
            previous = (name, value)
        return data

    def changes(self) -> dict:
        values = self.translated_values()
        values.update({name: self.cleaned_data[name] for name in DATE_FIELDS})
        values["laureate_count"] = self.cleaned_data["laureate_count"]
        values["prize_amount"] = self.cleaned_data["prize_amount"]
        return values


class CriterionForm(TranslatedTextsMixin, forms.Form):
    translated_fields = [("title", _("Title"), False), ("text", _("Criterion"), True)]
    weight = forms.DecimalField(label=_("Weight"), min_value=0.01, max_value=99, decimal_places=2)

    def __init__(self, *args, criterion: Criterion, **kwargs):
        super().__init__(*args, **kwargs)
        self.criterion = criterion
        self.add_translated_fields(criterion)
        self.fields["weight"].initial = criterion.weight
        for score, label, guidance in criterion.guidance_levels():
            for code, language in working_choices():
                self.fields[f"guidance_{score}_{code}"] = long_text(
                    _("Guidance for score %(score)s, %(label)s (%(language)s)")
                    % {"score": score, "label": label.get(code, ""), "language": language},
                    2000,
                    rows=2,
                    initial=guidance.get(code, ""),
                )

    def changes(self) -> dict:
        values = self.translated_values()
        values["weight"] = self.cleaned_data["weight"]
        values["guidance"] = {
            str(score): {
                code: self.cleaned_data[f"guidance_{score}_{code}"].strip()
                for code, _l in working_choices()
            }
            for score, _label, _guidance in self.criterion.guidance_levels()
        }
        return values


class BenefitForm(TranslatedTextsMixin, forms.Form):
    translated_fields = [("text", _("What the laureates receive"), True)]

    def __init__(self, *args, benefit: Benefit, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_translated_fields(benefit)

    def changes(self) -> dict:
        return self.translated_values()


KINDS = [
    ("short_text", _("Short text")),
    ("long_text", _("Long text")),
    ("single_choice", _("One choice of several")),
    ("multiple_choice", _("Any of several choices")),
    ("yes_no", _("Yes or no")),
    ("number", _("Whole number")),
    ("date", _("Date")),
    ("url", _("Web address")),
    ("email", _("Email address")),
    ("country", _("Country")),
    ("file", _("A document (PDF, DOCX or ODT)")),
]
SECTIONS = [
    ("organisation", _("The organisation")),
    ("criteria", _("The criteria")),
    ("evidence", _("Evidence")),
    ("nominator", _("The nominator")),
]
AUDIENCES = [
    ("staff", _("Staff only")),
    ("committee", _("Staff and the committee")),
    ("public", _("Everyone, once the organisation is a laureate")),
]


class QuestionForm(forms.Form):
    """One of the award's questions, as the staff area edits it before the call opens. What it
    gives is checked as the award file's [[questions]] are (cycles.definition.parse_questions),
    and each problem comes back to its field (`place`)."""

    key = forms.CharField(
        label=_("Key"),
        max_length=40,
        help_text=_(
            "How the answer is stored and named in downloads: lower-case letters, digits and _."
        ),
    )
    kind = forms.ChoiceField(label=_("Kind of answer"), choices=KINDS)
    section = forms.ChoiceField(label=_("Asked in the section"), choices=SECTIONS)
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    max_characters = forms.IntegerField(
        label=_("Longest answer, in characters (text only)"), required=False, min_value=1
    )
    options = forms.CharField(
        label=_("Options (choices only)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One a line: its key, then its text in each language, separated by |."),
    )
    min = forms.IntegerField(label=_("Smallest number (number only)"), required=False)
    max = forms.IntegerField(label=_("Largest number (number only)"), required=False)
    shown_if_question = forms.ChoiceField(label=_("Ask it only if the question"), required=False)
    shown_if_equals = forms.CharField(
        label=_("…has one of these answers"),
        required=False,
        help_text=_("Option keys, or yes or no, separated by commas."),
    )
    visible_to = forms.ChoiceField(label=_("Who reads the answer"), choices=AUDIENCES)
    personal = forms.BooleanField(
        label=_("The answer is personal data (redacted for the committee)"), required=False
    )
    retired = forms.BooleanField(label=_("No longer asked (retired)"), required=False)

    def __init__(self, *args, cycle: Cycle, written: dict | None, earlier: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.languages = cycle.working
        for code, language in working_choices():
            if code not in self.languages:
                continue
            for name, label in (("label", _("Question")), ("help", _("Help text"))):
                words = _("%(field)s (%(language)s)") % {"field": label, "language": language}
                self.fields[f"{name}_{code}"] = (
                    long_text(words, 1000, rows=2, required=False)
                    if name == "help"
                    else forms.CharField(label=words, max_length=300)
                )
        self.order_fields(["key", "kind", *[f"label_{c}" for c in self.languages]])
        self.fields["shown_if_question"].choices = [("", _("(always asked)"))] + [
            (key, key) for key in earlier
        ]
        if written:
            self.initial = self._initial(written)
            self.fields["key"].disabled = True  # answers are stored by it

    def _initial(self, written: dict) -> dict:
        initial = {
            name: written.get(name)
            for name in ("key", "kind", "section", "required", "max_characters", "min", "max")
        }
        for code in self.languages:
            initial[f"label_{code}"] = written["label"].get(code, "")
            initial[f"help_{code}"] = written.get("help", {}).get(code, "")
        initial["options"] = "\n".join(
            " | ".join([option["key"], *(option["label"].get(c, "") for c in self.languages)])
            for option in written.get("options", [])
        )
        condition = written.get("shown_if") or {}
        initial["shown_if_question"] = condition.get("question", "")
        initial["shown_if_equals"] = ", ".join(condition.get("equals", []))
        for name in ("visible_to", "personal", "retired"):
            initial[name] = written.get(name)
        return initial

    def clean_options(self) -> list[dict]:
        options = []
        for line in self.cleaned_data["options"].splitlines():
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")]
            if len(parts) != 1 + len(self.languages) or not all(parts):
                raise forms.ValidationError(
                    _("Write each option as its key and its text in each language: %(example)s")
                    % {"example": " | ".join(["key", *self.languages])}
                )
            options.append(
                {"key": parts[0], "label": dict(zip(self.languages, parts[1:], strict=True))}
            )
        return options

    def written(self) -> dict:
        """The question as the award file writes it."""
        data = self.cleaned_data
        written = {
            "key": data["key"],
            "kind": data["kind"],
            "label": {code: data[f"label_{code}"].strip() for code in self.languages},
            "section": data["section"],
            "required": data["required"],
            "visible_to": data["visible_to"],
            "personal": data["personal"],
            "retired": data["retired"],
        }
        helps = {code: data[f"help_{code}"].strip() for code in self.languages}
        if any(helps.values()):
            written["help"] = helps
        for name in ("max_characters", "min", "max"):
            if data[name] is not None:
                written[name] = data[name]
        if data["options"]:
            written["options"] = data["options"]
        if data["shown_if_question"]:
            equals = [value.strip() for value in data["shown_if_equals"].split(",")]
            written["shown_if"] = {
                "question": data["shown_if_question"],
                "equals": [value for value in equals if value],
            }
        return written

    def place(self, problems: list[tuple[str, str]], index: int) -> None:
        """The award file's problems with this question (`questions[<index>].label.en`) on
        their fields; any other (the list as a whole) above the form."""
        prefix = f"questions[{index}]"
        for where, problem in problems:
            if where in (prefix, "questions"):  # the question (or the list) as a whole
                self.add_error(None, problem)
                continue
            if not where.startswith(f"{prefix}."):
                self.add_error(None, f"{where}: {problem}")
                continue
            path = where.removeprefix(f"{prefix}.").split(".")
            field = {
                "label": f"label_{path[-1]}",
                "help": f"help_{path[-1]}",
                "shown_if": "shown_if_question",
            }.get(path[0], path[0].split("[")[0])
            self.add_error(field if field in self.fields else None, problem)
