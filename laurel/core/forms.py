"""Form helpers shared by every app."""

from types import TracebackType
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.forms.renderers import TemplatesSetting
from django.http import HttpRequest
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from laurel.core.services import ServiceError
from laurel.core.texts import working_choices


class TranslatedTextsMixin:
    """Edits {"sv": ..., "en": ...} fields as one text box per language.

    Subclasses list `translated_fields` as (name, label, multiline); the form gets fields
    `<name>_<language>`, and `translated_values()` gives back {name: {language: text}}.
    """

    translated_fields: list[tuple[str, str, bool]] = []

    def add_translated_fields(self, instance) -> None:
        # The texts' other languages (a translation file's) are kept as they are.
        self.kept_translations = {}
        for name, label, multiline in self.translated_fields:
            current = getattr(instance, name) or {}
            self.kept_translations[name] = dict(current)
            for code, language in working_choices():
                in_language = _("%(field)s (%(language)s)") % {"field": label, "language": language}
                initial = current.get(code, "")
                self.fields[f"{name}_{code}"] = (
                    long_text(in_language, 20000, rows=6, initial=initial)
                    if multiline
                    else forms.CharField(label=in_language, initial=initial, max_length=300)
                )

    def translated_values(self) -> dict[str, dict[str, str]]:
        kept = getattr(self, "kept_translations", {})
        return {
            name: kept.get(name, {})
            | {code: self.cleaned_data[f"{name}_{code}"].strip() for code, _l in working_choices()}
            for name, _label, _multiline in self.translated_fields
        }


def characters(value: str) -> int:
    """The length of a text as the person typing it sees it: a line break is one character
    (browsers send it as two). Every limit on a typed text counts with this."""
    return len(value.replace("\r\n", "\n"))


def grouped(number: int) -> str:
    """A number as the page's language writes it: 1,000 or 1 000."""
    return number_format(number, force_grouping=True)


class MaxCharacters(MaxLengthValidator):
    """max_length counted as `characters` counts, the numbers in its message grouped."""

    def __call__(self, value):
        count = characters(value)
        if count > self.limit_value:
            params = {"limit_value": grouped(self.limit_value), "show_value": grouped(count)}
            raise ValidationError(self.message, code=self.code, params=params | {"value": value})


TOO_LONG = _("Shorten the text to %(limit_value)s characters or fewer; it has %(show_value)s")


def long_text(
    label, limit: int, *, too_long=TOO_LONG, rows: int = 2, attrs=None, required=True, **kw
):
    """A long text, its limit counted by `characters`, without `maxlength`: a browser would cut
    a pasted text short without a word; the form says by how much it is too long and keeps it
    all. `too_long` may use %(limit_value)s and %(show_value)s (the text's length)."""
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs=attrs or {"rows": rows}),
        validators=[MaxCharacters(limit, message=too_long)],
        **kw,
    )


class FormRenderer(TemplatesSetting):
    """Every form field in a `.field` wrapper; errors and help tied to the input by id."""

    form_template_name = "django/forms/div.html"
    field_template_name = "forms/field.html"


class ModelIdsField(forms.ModelMultipleChoiceField):
    """Django's ModelMultipleChoiceField, refusing as invalid an id beyond the database's
    integers: Django passes it to the query, where SQLite raises OverflowError and PostgreSQL
    an out-of-range error, a 500 for anyone who edits the form."""

    def _check_values(self, value):
        for pk in value:
            try:
                number = int(str(pk))
            except ValueError:
                continue  # Django's own check says it is not a valid value
            if not 0 < number < 2**63:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


def by_candidate(field: forms.ModelChoiceField, rows: Any) -> None:
    """A choice among `rows` known when the form is made (places, laureates: anything with a
    candidate), each shown by its candidate's name."""
    field.queryset = rows
    field.label_from_instance = lambda row: row.candidate.name


def refuse(
    request: HttpRequest, error: ServiceError, form: forms.Form | None = None, **message: Any
) -> None:
    """Show why a service refused: as an error of `form` (on the field the refusal names, if
    the form has it, else on the form as a whole), or without a form as a message on the next
    page (`message` takes messages.error's keywords, such as extra_tags)."""
    if form is not None:
        form.add_error(error.field if error.field in form.fields else None, error.message)
    else:
        messages.error(request, error.message, **message)


class Outcome:
    """What came of a `with refusals(...)` block: `error` is the refusal it showed, if any."""

    def __init__(
        self, request: HttpRequest, form: forms.Form | None, phase: bool, message: dict[str, Any]
    ) -> None:
        self.request, self.form, self.phase, self.message = request, form, phase, message
        self.error: ServiceError | None = None

    @property
    def refused(self) -> bool:
        return self.error is not None

    def __enter__(self) -> "Outcome":
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool:
        # A refusal the middleware shows on any page (PhaseRefused) is shown here instead when
        # there is a form, whose page keeps what was typed, or when the view asks (`phase`).
        shown_here = self.phase or self.form is not None
        if not isinstance(error, ServiceError) or (error.left_to_middleware and not shown_here):
            return False  # no exception, or not one to show here: it goes on as raised
        self.error = error
        refuse(self.request, error, self.form, **self.message)
        return True


def refusals(
    request: HttpRequest, form: forms.Form | None = None, *, phase: bool = False, **message: Any
) -> Outcome:
    """The one way a view calls a service that may refuse: a ServiceError (any subclass) raised
    in the block is shown with `refuse` (on `form`, else as a message; `message` takes
    messages.error's keywords) and ends the block; the view goes on after it. Any other
    exception goes on as raised. Write the block as the path where the service agreed (its
    success message, its redirect) and what follows it as the refused path, or ask the outcome:

        with refusals(request, form) as outcome:
            services.mark_paid(payment, actor=request.user, **form.cleaned_data)
            messages.success(request, _("The payment is recorded as paid."))
            return redirect("laureates:payment", pk=pk)
        return page(request, form, status=409)  # or: if outcome.refused: ...

    A PhaseRefused is shown on `form` like any refusal, so that its page keeps what was typed
    (a phase can move while someone writes). Without a form it is left to cycles'
    PhaseRefusedMessage middleware (the message, and back to the page posted from) unless
    `phase` is true, for a page that shows its refusals itself."""
    return Outcome(request, form, phase, message)
