"""The award's own questions (cycles.Question) as fields of the nomination form, each in the
section the award file puts it, after that section's own fields.

A question asked only when an earlier answer is given (`shown_if`) is always on the page: with
JavaScript it appears when that answer is chosen (nominate.js), without it the hint says when to
answer it (the GOV.UK conditional-reveal pattern, which works without scripts). Either way the
server decides: an answer to a question whose condition does not hold is not kept, and one
required is asked for only when it does (`NominationForm.clean`).
"""

from django import forms
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from laurel.core.limits import DOCUMENT_MAX_MB
from laurel.core.texts import in_language, marked
from laurel.cycles.models import Cycle, Question
from laurel.nominations.form_fields import (
    DOCUMENT_TYPES,
    WebsiteField,
    country_choices,
    text_field,
)
from laurel.nominations.models import question_field

YES_NO = "yes_no"
FILE = "file"
# The largest whole number a `number` question without bounds takes (and its negative).
UNBOUNDED = 999_999_999


def name_of(key: str) -> str:
    return question_field(key)


def question_fields(cycle: Cycle, section: str) -> dict[str, forms.Field]:
    """The section's questions, not retired, in the file's order."""
    language = translation.get_language()
    asked = [q for q in _questions(cycle) if q.section == section and not q.retired]
    fields = {}
    for question in asked:
        # The messages name a question in plain text; its label, help and options on the page
        # say where they fall back to another language (`marked`, WCAG 3.1.2).
        label = in_language(question.label, language)
        field = _field(question, label, language)
        field.label = marked(question.label, language)
        helps = [marked(question.help, language)]
        if question.kind == FILE:
            kinds = _("One file: PDF, Word (DOCX) or OpenDocument (ODT), at most %(size)s MB.")
            helps.append(kinds % {"size": DOCUMENT_MAX_MB})
        field.question = question
        field.message_params = {"title": label}
        condition = question.shown_if
        if condition:
            source = next(q for q in _questions(cycle) if q.key == condition["question"])
            answers = ", ".join(
                _quoted(_answer_label(source, v, language)) for v in condition["equals"]
            )
            template = _("Answer only if you answered %(answers)s to “%(question)s”.")
            helps.append(
                mark_safe(  # noqa: S308 (every part escaped: the template here, the rest by marked)
                    conditional_escape(template)
                    % {"answers": answers, "question": marked(source.label, language)}
                )
            )
            field.shown_if = (name_of(source.key), list(condition["equals"]))
            # For nominate.js, which hides the field while its condition does not hold.
            field.widget.attrs["data-shown-if-name"] = name_of(source.key)
            field.widget.attrs["data-shown-if-values"] = " ".join(condition["equals"])
            # Asked for by the form only when its condition holds (NominationForm.clean).
            field.required_if_shown = question.required
            field.required = False
        if question.kind == FILE:
            # A file held already answers it: the form asks for one only when none is held
            # (NominationForm._check_files); a field required by Django would ask every time.
            field.file_required = question.required and not condition
            field.required = False
            field.asks_for_file = True  # the form page shows the file it holds at it
        field.help_text = mark_safe(  # noqa: S308 (each part is escaped)
            " ".join(str(conditional_escape(part)) for part in helps if part)
        )
        fields[name_of(question.key)] = field
    return fields


def _quoted(answer: str) -> str:
    return str(conditional_escape(_("“%(answer)s”"))) % {"answer": answer}


def _questions(cycle: Cycle) -> list[Question]:
    return cycle.asked_questions()


def _answer_label(question: Question, value: str, language: str) -> str:
    """An answer's label, escaped (and marked where it falls back to another language)."""
    if question.kind == YES_NO:
        return str(conditional_escape(_("Yes") if value == "yes" else _("No")))
    option = next((o for o in question.options if o["key"] == value), None)
    return str(marked(option["label"], language)) if option else str(conditional_escape(value))


def _field(question: Question, label: str, language: str) -> forms.Field:
    required = question.required
    answer = _("Answer “%(title)s”") % {"title": label}
    choose = _("Choose an answer to “%(title)s”") % {"title": label}
    kind = question.kind
    if kind in ("short_text", "long_text"):
        long = kind == "long_text"
        field = text_field(
            label,
            question.max_characters,
            widget=forms.Textarea(attrs={"rows": 6}) if long else None,
            required=answer if required else None,
            too_long=_(
                "Shorten your answer to “%(title)s” to %(limit)s characters or fewer; "
                "it has %(count)s"
            ),
        )
        field.draft_may_overflow = long
        return field
    if kind in ("single_choice", YES_NO, "country"):
        if kind == YES_NO:
            choices = [("yes", _("Yes")), ("no", _("No"))]
        elif kind == "country":
            choices = [("", _("Choose a country")), *country_choices(tuple(countries), language)]
        else:
            choices = [(o["key"], marked(o["label"], language)) for o in question.options]
        return forms.ChoiceField(
            label=label,
            choices=choices,
            required=required,
            widget=forms.Select if kind == "country" else forms.RadioSelect,
            error_messages={"required": choose, "invalid_choice": choose},
        )
    if kind == FILE:
        return forms.FileField(
            label=label,
            required=False,
            widget=forms.FileInput(attrs={"accept": DOCUMENT_TYPES}),
            error_messages={
                "required": _("Choose a file for “%(title)s”") % {"title": label},
                "invalid": _("Choose the file for “%(title)s” again: it did not arrive")
                % {"title": label},
                "missing": _("Choose the file for “%(title)s” again: it did not arrive")
                % {"title": label},
                "empty": _("The file you chose for “%(title)s” is empty: choose another")
                % {"title": label},
            },
        )
    if kind == "multiple_choice":
        return forms.MultipleChoiceField(
            label=label,
            choices=[(o["key"], marked(o["label"], language)) for o in question.options],
            required=required,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": choose, "invalid_choice": choose},
        )
    if kind == "number":
        low, high = question.min_value, question.max_value
        between = _("Enter a whole number for “%(title)s”") % {"title": label}
        if low is None and high is None:
            # Unbounded in the file: nine digits at most (a year's budget in öre fits; a number
            # pasted 30 digits long is a mistake, and too large to store as a number).
            low, high = -UNBOUNDED, UNBOUNDED
            too_large = _("Enter a whole number of at most nine digits for “%(title)s”") % {
                "title": label
            }
            return _number_field(label, required, low, high, answer, between, too_large)
        if low is not None and high is not None:
            between = _("Enter a whole number between %(low)s and %(high)s for “%(title)s”") % {
                "low": low,
                "high": high,
                "title": label,
            }
        return _number_field(label, required, low, high, answer, between, between)
    if kind == "date":
        return forms.DateField(
            label=label,
            required=required,
            widget=forms.DateInput(attrs={"type": "date"}),
            error_messages={
                "required": answer,
                "invalid": _("Enter a date for “%(title)s”, like 2021-04-23") % {"title": label},
            },
        )
    if kind == "url":
        return text_field(
            label,
            500,
            field_class=WebsiteField,
            assume_scheme="https",
            required=answer if required else None,
            invalid=_("Enter a web address for “%(title)s”, like https://example.org")
            % {"title": label},
            too_long=_(
                "Shorten your answer to “%(title)s” to %(limit)s characters or fewer; "
                "it has %(count)s"
            ),
        )
    return text_field(  # email
        label,
        254,
        field_class=forms.EmailField,
        required=answer if required else None,
        invalid=_("Enter an email address for “%(title)s”, like name@example.org")
        % {"title": label},
        too_long=_(
            "Shorten your answer to “%(title)s” to %(limit)s characters or fewer; it has %(count)s"
        ),
    )


def _number_field(label, required, low, high, answer, invalid, out_of_bounds) -> forms.Field:
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=low,
        max_value=high,
        # Text, not a number input: a browser empties a number input holding "about 12".
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={
            "required": answer,
            "invalid": invalid,
            "min_value": out_of_bounds,
            "max_value": out_of_bounds,
        },
    )


def stored(value):
    """An answer as the nomination keeps it (JSON): a date as ISO text, the rest as they are."""
    return value.isoformat() if hasattr(value, "isoformat") else value
