"""The nomination form, generated from the cycle: another award's criteria change it, not code."""

import re
from functools import lru_cache

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from laurel.core.countries import collation_key
from laurel.core.texts import in_language
from laurel.cycles.models import Cycle
from laurel.nominations.enums import Awareness, Relationship
from laurel.nominations.models import DECLARATION_FIELDS, NOMINATOR_FIELDS, ORGANISATION_FIELDS
from laurel.nominations.uploads import check_upload

MAX_LINKS = 5
NOT_LISTED = "--"
# Right-to-left overrides and isolates can disguise text; plain right-to-left text is fine.
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
SECTIONS = [
    ("organisation", _("The organisation")),
    ("criteria", _("Why it deserves the award")),
    ("evidence", _("Evidence")),
    ("nominator", _("About you")),
    ("declarations", _("Declarations")),
]


@lru_cache(maxsize=64)
def country_choices(codes: tuple[str, ...], language: str) -> list[tuple[str, str]]:
    """The countries' names in one language, in that language's alphabetical order (in Swedish
    Å, Ä, Ö after Z; in English accents ignored): laurel.core.countries."""
    with translation.override(language):
        names = [(code, str(countries.name(code)) or code) for code in codes]
    return sorted(names, key=lambda pair: _sort_key(pair[1], language))


def _sort_key(name: str, language: str) -> tuple:
    return collation_key(name, language)


def clean_text(value: str) -> str:
    if DIRECTION_CONTROLS.search(value or ""):
        raise ValidationError(
            _("The text contains invisible direction-control characters. Please retype it.")
        )
    return value.strip()


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class NominationForm(forms.Form):
    """One form for drafts (`complete=False`: nothing is required) and for submission."""

    def __init__(self, *args, cycle: Cycle, complete: bool, existing_attachments: int = 0, **kw):
        super().__init__(*args, **kw)
        self.cycle = cycle
        self.complete = complete
        self.existing_attachments = existing_attachments
        self._organisation_fields()
        self._criteria_fields()
        self._evidence_fields()
        self._nominator_fields()
        self._declaration_fields()
        # A field people never see: what fills it is a program (the honeypot).
        self.fields["fax_number"] = forms.CharField(
            label=_("Leave this field empty"), required=False, max_length=100
        )
        self.fields["fax_number"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        for field in self.fields.values():
            field.needed = field.required  # what submitting will require, shown as progress
            if not complete:
                field.required = False

    # --- the fields, by section -------------------------------------------------------------

    def _add(self, section: str, name: str, field: forms.Field) -> None:
        field.section = section
        self.fields[name] = field

    def _organisation_fields(self) -> None:
        add = lambda name, field: self._add("organisation", name, field)  # noqa: E731
        add("org_name", forms.CharField(label=_("Name of the organisation"), max_length=200))
        add(
            "org_country",
            forms.ChoiceField(
                label=_("Country where it works"),
                choices=[
                    ("", _("Choose a country")),
                    *self.country_choices(),
                    (NOT_LISTED, _("My country is not listed")),
                ],
                help_text=_("The award is for organisations working in %(region)s.")
                % {"region": in_language(self.cycle.region, translation.get_language())},
            ),
        )
        add("org_city", forms.CharField(label=_("City"), max_length=120))
        add(
            "org_website",
            forms.URLField(
                label=_("Website"), max_length=300, assume_scheme="https", required=False
            ),
        )
        add(
            "org_registration_number",
            forms.CharField(
                label=_("Registration number"),
                max_length=60,
                required=False,
                help_text=_("For example its charity or company number."),
            ),
        )
        add(
            "org_contact_name",
            forms.CharField(
                label=_("Contact person at the organisation"), max_length=150, required=False
            ),
        )
        add(
            "org_contact_email",
            forms.EmailField(label=_("Contact email at the organisation"), required=False),
        )
        add(
            "org_description",
            forms.CharField(
                label=_("What the organisation does"),
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 4, "data-maxlength": 1000}),
                help_text=_("A short description of its work, at most 1,000 characters."),
            ),
        )
        this_year = timezone.localdate().year
        add(
            "org_founded_year",
            forms.IntegerField(label=_("Year it started"), min_value=1800, max_value=this_year),
        )

    def country_choices(self) -> list[tuple[str, str]]:
        return country_choices(tuple(self.cycle.eligible_countries), translation.get_language())

    def _criteria_fields(self) -> None:
        for criterion in self.cycle.criteria.all():
            language = translation.get_language()
            field = forms.CharField(
                label=in_language(criterion.title, language),
                max_length=criterion.max_characters,
                widget=forms.Textarea(
                    attrs={"rows": 8, "data-maxlength": criterion.max_characters}
                ),
                help_text=in_language(criterion.text, language),
            )
            field.criterion = criterion
            self._add("criteria", f"answer_{criterion.number}", field)

    def _evidence_fields(self) -> None:
        for number in range(1, MAX_LINKS + 1):
            self._add(
                "evidence",
                f"link_{number}",
                forms.URLField(
                    label=_("Link %(number)s") % {"number": number},
                    required=False,
                    max_length=500,
                    assume_scheme="https",
                ),
            )
        self._add(
            "evidence",
            "attachments",
            MultipleFileField(
                label=_("Documents"),
                required=False,
                widget=MultipleFileInput(attrs={"accept": ".pdf,.docx,.odt"}),
                help_text=_(
                    "Up to three files: PDF, Word (DOCX) or OpenDocument (ODT), 10 MB each."
                ),
            ),
        )

    def _nominator_fields(self) -> None:
        add = lambda name, field: self._add("nominator", name, field)  # noqa: E731
        add("nominator_name", forms.CharField(label=_("Your name"), max_length=150))
        add(
            "nominator_email",
            forms.EmailField(
                label=_("Your email address"),
                help_text=_("We send the confirmation and your private link here."),
            ),
        )
        add(
            "nominator_organisation",
            forms.CharField(label=_("Your organisation"), max_length=200, required=False),
        )
        add("nominator_role", forms.CharField(label=_("Your role"), max_length=120, required=False))
        add(
            "relationship",
            forms.ChoiceField(
                label=_("Your relationship to the organisation"),
                choices=Relationship.choices,
                widget=forms.RadioSelect,
            ),
        )
        add(
            "organisation_aware",
            forms.ChoiceField(
                label=_("Does the organisation know you are nominating it?"),
                choices=Awareness.choices,
                widget=forms.RadioSelect,
            ),
        )
        add(
            "preferred_language",
            forms.ChoiceField(
                label=_("Language for our emails to you"),
                choices=settings.LANGUAGES,
                initial=translation.get_language(),
            ),
        )

    def _declaration_fields(self) -> None:
        labels = {
            "declared_true": _("The information I give is true to the best of my knowledge."),
            "declared_safeguarding": _(
                "I have read the safeguarding notice: I give no names, images or identifying "
                "details of children, victims or suspected perpetrators."
            ),
            "declared_privacy": _("I have read the privacy notice."),
        }
        for name in DECLARATION_FIELDS:
            self._add("declarations", name, forms.BooleanField(label=labels[name]))

    # --- cleaning -------------------------------------------------------------------------------

    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if isinstance(value, str) and name not in self.errors:
                try:
                    data[name] = clean_text(value)
                except ValidationError as error:
                    self.add_error(name, error)
        if data.get("org_country") == NOT_LISTED:
            self.add_error(
                "org_country",
                _(
                    "This award is for organisations working in %(region)s. If the organisation "
                    "also works in one of the listed countries, choose that country."
                )
                % {"region": in_language(self.cycle.region, translation.get_language())},
            )
        self.checked_uploads = []
        files = data.get("attachments") or []
        if len(files) + self.existing_attachments > 3:
            self.add_error("attachments", _("You can attach at most three documents."))
        else:
            for upload in files:
                try:
                    self.checked_uploads.append((upload, check_upload(upload)))
                except ValidationError as error:
                    self.add_error("attachments", error)
        return data

    def passes_submission_checks(self) -> bool:
        """Valid, and everything submitting needs is there: also true of a draft form (which
        requires nothing) when the nominator has in fact filled it all in."""
        if self.errors:
            return False
        empty = (None, "", [], False)
        return all(
            self.cleaned_data.get(name) not in empty
            for name, field in self.fields.items()
            if field.needed
        )

    @property
    def honeypot_filled(self) -> bool:
        return bool(self.cleaned_data.get("fax_number"))

    def nomination_data(self) -> dict:
        """The cleaned values as the services take them (only what was sent is included)."""
        data = self.cleaned_data
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
        return values

    def sections(self) -> list[dict]:
        """Each section in order: its key, title, bound fields and whether all it needs is there."""
        result = []
        for key, title in SECTIONS:
            fields = [
                self[name]
                for name, field in self.fields.items()
                if getattr(field, "section", None) == key
            ]
            needed = [bound for bound in fields if bound.field.needed]
            done = all(bool(bound.value()) for bound in needed)
            result.append(
                {"key": key, "title": title, "fields": fields, "done": done, "optional": not needed}
            )
        return result


def initial_from(nomination) -> dict:
    """The form's initial values from a saved draft or nomination."""
    names = [*ORGANISATION_FIELDS, *NOMINATOR_FIELDS, *DECLARATION_FIELDS]
    initial = {name: getattr(nomination, name) for name in names}
    for number, text in nomination.answers.items():
        initial[f"answer_{number}"] = text
    for index, link in enumerate(nomination.links[:MAX_LINKS], start=1):
        initial[f"link_{index}"] = link
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
