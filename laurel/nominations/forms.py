"""The nomination form, generated from the cycle: another award's criteria change it, not code.
Its fields, section by section, are built in `form_fields`."""

from collections.abc import Mapping
from dataclasses import replace

from django import forms
from django.contrib.humanize.templatetags.humanize import apnumber
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from laurel.core.forms import characters, grouped
from laurel.core.limits import HONEYPOT_FIELD, NOMINATION_DOCUMENTS
from laurel.cycles.models import Cycle
from laurel.nominations.form_fields import (
    MAX_LINKS,
    NOT_LISTED,
    clean_text,
    criteria_fields,
    declaration_fields,
    evidence_fields,
    nominator_fields,
    organisation_fields,
)
from laurel.nominations.models import DECLARATION_FIELDS, NOMINATOR_FIELDS, ORGANISATION_FIELDS
from laurel.nominations.question_fields import FILE, name_of, question_fields, stored
from laurel.nominations.uploads import check_upload

SECTIONS = [
    ("organisation", _("The organisation")),
    ("criteria", _("Why it deserves the award")),
    ("evidence", _("Evidence")),
    ("nominator", _("About you")),
    ("declarations", _("Declarations")),
]
BUILDERS = {
    "organisation": organisation_fields,
    "criteria": criteria_fields,
    "evidence": evidence_fields,
    "nominator": nominator_fields,
    "declarations": declaration_fields,
}


class NominationForm(forms.Form):
    """One form for drafts (`complete=False`: nothing is required) and for submission."""

    def __init__(
        self,
        *args,
        cycle: Cycle,
        complete: bool,
        existing_attachments: int = 0,
        held_files: Mapping[str, dict] | None = None,
        removing: int | None = None,
        **kw,
    ):
        """`existing_attachments`: how many documents of evidence the nomination holds;
        `held_files`: the file each `file` question holds already, by its key (name, size and,
        once attached, the attachment's pk: `services.held_files`); `removing`: the attachment
        this request removes (its question holds it no longer: a required one asks again)."""
        super().__init__(*args, **kw)
        self.cycle = cycle
        self.complete = complete
        self.existing_attachments = existing_attachments
        # Read only when a `file` question needs it (the view may pass a lazy lookup).
        self.held_files = held_files if held_files is not None else {}
        self.removing = removing
        # The questions asked only on a condition that does not hold (`_apply_conditions`).
        self.unasked: set[str] = set()
        self.checked_uploads = []
        for section, build in BUILDERS.items():
            # The section's own fields, then the award's questions asked in it.
            for name, field in {**build(cycle), **question_fields(cycle, section)}.items():
                field.section = section
                self.fields[name] = field
        # A field people never see: what fills it is a program (the honeypot). Its wrapper is
        # hidden from screen readers too; the input is out of the tab order.
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"), required=False
        )
        self.fields[HONEYPOT_FIELD].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        for field in self.fields.values():
            # What submitting will require, shown as progress: a field with an `unless` is
            # needed unless the box it names is ticked.
            # A question asked only on a condition is not counted (it may never be asked).
            field.needed = (
                field.required
                or bool(getattr(field, "unless", ""))
                or getattr(field, "file_required", False)
            )
            if not complete:
                field.required = False

    # --- cleaning -------------------------------------------------------------------------------

    def too_long(self, name: str, value) -> str | None:
        """The field's message if `value` is longer than the field takes, else None."""
        field = self.fields[name]
        limit = getattr(field, "limit", None)
        if limit is None or not isinstance(value, str) or characters(value) <= limit:
            return None
        return str(field.too_long) % {
            **getattr(field, "message_params", {}),
            "limit": grouped(limit),
            "count": grouped(characters(value)),
        }

    def clean(self):
        data = super().clean()
        # A text far too long for its field (an address pasted 20,000 characters long) fails
        # the field's format check first: what to do about it is to shorten it, so say that.
        for name in list(self.errors):
            raw = self.data.get(name) if name in self.fields else None
            message = self.too_long(name, raw.strip()) if isinstance(raw, str) else None
            if message:
                self.errors[name] = self.error_class([message])
        # Long texts refused for submitting, kept whole in the draft all the same.
        self.overlong: dict[str, str] = {}
        for name, value in list(data.items()):
            if isinstance(value, str) and name not in self.errors:
                try:
                    data[name] = clean_text(value)
                except ValidationError as error:
                    self.add_error(name, error)
                    continue
                message = self.too_long(name, data[name])
                # A draft keeps a long answer whole (nothing typed is lost); submitting refuses it.
                lenient = not self.complete and getattr(self.fields[name], "draft_may_overflow", 0)
                if message and not lenient:
                    if getattr(self.fields[name], "draft_may_overflow", False):
                        self.overlong[name] = data[name]
                    self.add_error(name, message)
        self._apply_conditions(data)
        self._check_files(data)
        if data.get("org_website"):
            data["org_no_website"] = False  # an address given says more than the box
        elif self.complete and not data.get("org_no_website") and "org_website" not in self.errors:
            self.add_error(
                "org_website",
                _(
                    "Enter the organisation's website address, or tick the box to say it has "
                    "none or you do not know it"
                ),
            )
            # The box is the other way out the message names: a screen reader reads it there too.
            self.fields["org_no_website"].widget.attrs["aria-describedby"] = "id_org_website_error"
        if data.get("org_country") == NOT_LISTED:
            self.add_error(
                "org_country",
                _(
                    "Choose a listed country where the organisation works. If it works only in "
                    "countries not on the list, it cannot be nominated for this award."
                ),
            )
        files = data.get("attachments") or []
        if len(files) + self.existing_attachments > NOMINATION_DOCUMENTS:
            self.add_error(
                "attachments",
                _("Choose at most %(count)s documents in all: remove one or choose fewer files")
                % {"count": apnumber(NOMINATION_DOCUMENTS)},
            )
        else:
            for upload in files:
                try:
                    self.checked_uploads.append((upload, check_upload(upload)))
                except ValidationError as error:
                    self.add_error("attachments", error)
        return data

    def _apply_conditions(self, data: dict) -> None:
        """A question asked only on a condition: its answer is kept, and asked for when it is
        required, only when the condition holds (whatever the page showed)."""
        for name, field in self.fields.items():
            shown_if = getattr(field, "shown_if", None)
            if shown_if is None:
                continue
            source, values = shown_if
            given = data.get(source, self.data.get(source))
            given = given if isinstance(given, list) else [given]
            if not any(value in values for value in given):
                data[name] = None
                self.errors.pop(name, None)
                self.unasked.add(name)
            elif (
                self.complete
                and field.required_if_shown
                and data.get(name) in (None, "", [])
                and name not in self.errors
                and not self.holds_file(name)
            ):
                self.add_error(name, str(field.error_messages["required"]))

    def _check_files(self, data: dict) -> None:
        """The answers to `file` questions: a file chosen now is checked as the documents of
        evidence are; one required is asked for only when the question holds none yet."""
        for name, field in self.fields.items():
            question = getattr(field, "question", None)
            if question is None or question.kind != FILE:
                continue
            upload = data.get(name)
            if upload:
                try:
                    checked = check_upload(upload)
                except ValidationError as error:
                    self.add_error(name, error)
                    continue
                self.checked_uploads.append((upload, replace(checked, question=question.key)))
            elif (
                self.complete
                and getattr(field, "file_required", False)
                and name not in self.errors
                and not self.holds_file(name)
            ):
                self.add_error(name, str(field.error_messages["required"]))

    def holds_file(self, name: str) -> bool:
        """Whether the `file` question of this field holds a file already."""
        question = getattr(self.fields[name], "question", None)
        if question is None or question.kind != FILE:
            return False  # without reading held_files, which may be a lookup
        return self._held(question.key) is not None

    def _held(self, key: str) -> dict | None:
        held = self.held_files.get(key)
        if held is not None and held["pk"] is not None and held["pk"] == self.removing:
            return None
        return held

    def passes_submission_checks(self) -> bool:
        """Valid, and everything submitting needs is there: also true of a draft form (which
        requires nothing) when the nominator has in fact filled it all in. A draft holding a
        text longer than its limit is not ready."""
        if self.errors:
            return False
        filled = all(
            self._given(name, lambda other: self.cleaned_data.get(other))
            for name, field in self.fields.items()
            if field.needed
        )
        return filled and not any(
            self.too_long(name, value) for name, value in self.cleaned_data.items()
        )

    def _given(self, name: str, value_of) -> bool:
        """Whether a needed field is answered: it has a value, or the box its `unless` names is
        ticked ("It has no website, or I do not know its address")."""
        unless = getattr(self.fields[name], "unless", "")
        if self.holds_file(name):
            return True
        return value_of(name) not in (None, "", [], False) or bool(unless and value_of(unless))

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    @property
    def honeypot_filled(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))

    def nomination_data(self) -> dict:
        """The cleaned values as the services take them (only what was sent is included). A long
        answer refused for submitting is still saved in the draft: nothing typed is lost."""
        data = {**self.cleaned_data, **getattr(self, "overlong", {})}
        values = {
            name: data.get(name)
            for name, field in self.fields.items()
            if getattr(field, "section", None) in {"organisation", "nominator", "declarations"}
        }
        values["org_country"] = (
            "" if values.get("org_country") == NOT_LISTED else values.get("org_country", "")
        )
        for name in list(values):
            if values[name] is None and name != "org_founded_year":
                values[name] = "" if name not in DECLARATION_FIELDS else False
        values["answers"] = {
            str(field.criterion.number): data.get(name) or ""
            for name, field in self.fields.items()
            if hasattr(field, "criterion")
        }
        values["links"] = [
            data[f"link_{n}"] for n in range(1, MAX_LINKS + 1) if data.get(f"link_{n}")
        ]
        values["question_answers"] = {}
        for name, field in self.fields.items():
            question = getattr(field, "question", None)
            if question is None:
                continue
            value = data.get(name)
            if question.kind == FILE and name not in self.unasked:
                # The file chosen now, else the one held. The services keep each answer the
                # name of the file its question holds.
                held = None if value else self._held(question.key)
                value = value.name[-200:] if value else held and held["name"]
            if value not in (None, "", []):
                values["question_answers"][question.key] = stored(value)
        # The questions whose condition does not hold: a file one held goes (the services).
        values["unasked"] = sorted(self.fields[name].question.key for name in self.unasked)
        values["unchecked"] = self.unchecked()
        return values

    def unchecked(self) -> dict[str, str]:
        """What was typed in each text field that failed its check (a name too long, an address
        half written): the draft keeps it as typed, to show it again (`initial_from`)."""
        kept = getattr(self, "overlong", {})
        return {
            # Without NUL characters, which no one types and PostgreSQL's JSON cannot hold (a
            # field refused for holding one came back as a server error there).
            name: value.replace("\x00", "")
            for name in self.errors
            if name in self.fields
            and name not in kept
            and name != HONEYPOT_FIELD
            and getattr(self.fields[name], "section", None) != "declarations"
            and isinstance(value := self.data.get(name), str)
            and value
        }

    def sections(self) -> list[dict]:
        """Each section in order: its key, title, bound fields and whether all it needs is there."""
        result = []
        for key, title in SECTIONS:
            fields = [
                self[name]
                for name, field in self.fields.items()
                if getattr(field, "section", None) == key
            ]
            for bound in fields:
                question = getattr(bound.field, "question", None)
                if question is not None and question.kind == FILE:
                    bound.held = self.held_files.get(question.key)
                # How far a text is over its limit, for the count shown without JavaScript.
                value, limit = bound.value(), getattr(bound.field, "limit", None)
                if limit and isinstance(value, str) and characters(value) > limit:
                    bound.over = characters(value) - limit
            needed = [bound for bound in fields if bound.field.needed]
            # A section with an error is never "complete", even if every needed field has a value.
            wrong = self.is_bound and any(bound.errors for bound in fields)
            done = all(self._given(bound.name, lambda name: self[name].value()) for bound in needed)
            done = done and not wrong
            result.append(
                {
                    "key": key,
                    "title": title,
                    "fields": fields,
                    "done": done,
                    "wrong": wrong,
                    "optional": not needed,
                }
            )
        return result


def initial_from(nomination) -> dict:
    """The form's initial values from a saved draft or nomination, with what a draft's fields
    held as typed where it failed their check (`Nomination.unchecked`)."""
    names = [*ORGANISATION_FIELDS, *NOMINATOR_FIELDS, *DECLARATION_FIELDS]
    initial = {name: getattr(nomination, name) for name in names}
    for number, text in nomination.answers.items():
        initial[f"answer_{number}"] = text
    unchecked = dict(nomination.unchecked or {})
    # The links that passed are saved as a list; one typed wrong follows them, in its order.
    typed_links = [
        unchecked.pop(f"link_{n}") for n in range(1, MAX_LINKS + 1) if f"link_{n}" in unchecked
    ]
    for index, link in enumerate([*nomination.links, *typed_links][:MAX_LINKS], start=1):
        initial[f"link_{index}"] = link
    for key, value in (nomination.question_answers or {}).items():
        initial[name_of(key)] = value
    initial.update(unchecked)
    return initial


class ReviewForm(forms.Form):
    acknowledge_flags = forms.BooleanField(
        label=_(
            "I have checked these passages: they identify no child, victim or suspected "
            "perpetrator."
        ),
        required=False,
    )
    late_code = forms.CharField(label=_("Late-submission code"), required=False, max_length=20)
