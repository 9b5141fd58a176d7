"""The nomination form's fields, section by section, built from the cycle (its criteria and its
countries): another award's criteria change the form, not code. `forms.NominationForm` puts them
together and cleans them."""

import re
from functools import lru_cache

from django import forms
from django.contrib.humanize.templatetags.humanize import apnumber
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from laurel.core.countries import collation_key
from laurel.core.forms import grouped
from laurel.core.limits import (
    DESCRIPTION_MAX_CHARACTERS,
    DOCUMENT_MAX_MB,
    NOMINATION_DOCUMENTS,
)
from laurel.core.texts import in_language, native_names
from laurel.cycles.models import Cycle
from laurel.nominations.enums import Relationship
from laurel.nominations.models import DECLARATION_FIELDS

# What a file input offers to choose: the documents uploads.check_upload accepts.
DOCUMENT_TYPES = ".pdf,.docx,.odt"
MAX_LINKS = 5
NOT_LISTED = "--"
# Right-to-left overrides and isolates can disguise text; plain right-to-left text is fine.
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


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


class WebsiteField(forms.URLField):
    """A website's address: on the web, not ftp:// (which URLField allows)."""

    default_validators = [URLValidator(schemes=["http", "https"])]


def text_field(
    label,
    limit: int,
    *,
    required=None,
    too_long,
    field_class=forms.CharField,
    widget=None,
    autocomplete: str = "",
    invalid=None,
    **kw,
) -> forms.Field:
    """A text field with its own messages and no `maxlength`: the browser keeps everything
    pasted, and the form says by how much it is too long (the character-count pattern)."""
    messages = {}
    if required is not None:
        messages["required"] = required
    if invalid is not None:
        messages["invalid"] = invalid
    kw.setdefault("required", required is not None)
    field = field_class(label=label, max_length=None, widget=widget, error_messages=messages, **kw)
    field.limit = limit
    field.too_long = too_long
    if autocomplete:
        field.widget.attrs["autocomplete"] = autocomplete
    return field


def organisation_fields(cycle: Cycle) -> dict[str, forms.Field]:
    fields: dict[str, forms.Field] = {}
    add = fields.__setitem__
    language = translation.get_language()
    region = in_language(cycle.region, language)
    add(
        "org_name",
        text_field(
            _("Name of the organisation"),
            200,
            required=_("Enter the name of the organisation"),
            too_long=_(
                "Shorten the name of the organisation to %(limit)s characters or fewer; "
                "it has %(count)s"
            ),
        ),
    )
    choose_country = _("Choose the country where the organisation works")
    add(
        "org_country",
        forms.ChoiceField(
            label=_("Country where it works"),
            choices=[
                ("", _("Choose a country")),
                *country_choices(tuple(cycle.eligible_countries), language),
                (NOT_LISTED, _("My country is not listed")),
            ],
            help_text=_("The award is for organisations working in %(region)s.")
            % {"region": region},
            error_messages={"required": choose_country, "invalid_choice": choose_country},
        ),
    )
    add(
        "org_city",
        text_field(
            _("City"),
            120,
            too_long=_("Shorten the city to %(limit)s characters or fewer; it has %(count)s"),
        ),
    )
    add(
        "org_website",
        text_field(
            _("Website"),
            300,
            field_class=WebsiteField,
            assume_scheme="https",
            autocomplete="url",
            # Measured on real names (bench/RESULTS.md, 2026-12-07): the website is what
            # lets the secretariat see two nominations are one organisation, so submitting
            # asks for it or for the box below (`unless`, checked in `clean`).
            help_text=_(
                "Its address helps us recognise the organisation when others nominate it too."
            ),
            invalid=_("Enter the organisation's website address, like https://example.org"),
            too_long=_(
                "Shorten the website address to %(limit)s characters or fewer; it has %(count)s"
            ),
        ),
    )
    fields["org_website"].unless = "org_no_website"
    add(
        "org_no_website",
        forms.BooleanField(
            label=_("It has no website, or I do not know its address"), required=False
        ),
    )
    add(
        "org_registration_number",
        text_field(
            _("Registration number"),
            60,
            help_text=_("For example its charity or company number."),
            too_long=_(
                "Shorten the registration number to %(limit)s characters or fewer; it has %(count)s"
            ),
        ),
    )
    add(
        "org_contact_name",
        text_field(
            _("Contact person at the organisation"),
            150,
            too_long=_(
                "Shorten the contact person's name to %(limit)s characters or fewer; "
                "it has %(count)s"
            ),
        ),
    )
    add(
        "org_contact_email",
        text_field(
            _("Contact email at the organisation"),
            254,
            field_class=forms.EmailField,
            invalid=_(
                "Enter the contact's email address in the correct format, like name@example.org"
            ),
            too_long=_(
                "Shorten the contact's email address to %(limit)s characters or fewer; "
                "it has %(count)s"
            ),
        ),
    )
    add(
        "org_description",
        text_field(
            _("What the organisation does"),
            DESCRIPTION_MAX_CHARACTERS,
            widget=forms.Textarea(attrs={"rows": 4}),
            help_text=_("A short description of its work, at most %(limit)s characters.")
            % {"limit": grouped(DESCRIPTION_MAX_CHARACTERS)},
            required=_("Describe what the organisation does"),
            too_long=_(
                "Shorten what the organisation does to %(limit)s characters or fewer; "
                "it has %(count)s"
            ),
        ),
    )
    fields["org_description"].draft_may_overflow = True
    this_year = timezone.localdate().year
    between = _("Enter a year between 1800 and %(year)s") % {"year": this_year}
    add(
        "org_founded_year",
        forms.IntegerField(
            label=_("Year it started"),
            min_value=1800,
            max_value=this_year,
            required=False,
            # Text, not a number input: a browser empties a number input that holds
            # "about 2009", and the server would never see what was typed.
            widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            help_text=_("If you know it. For example 2009."),
            error_messages={
                "invalid": _("Enter the year the organisation started, for example 2009"),
                "min_value": between,
                "max_value": between,
            },
        ),
    )
    return fields


def criteria_fields(cycle: Cycle) -> dict[str, forms.Field]:
    fields: dict[str, forms.Field] = {}
    language = translation.get_language()
    for criterion in cycle.criteria.all():
        title = in_language(criterion.title, language)
        field = text_field(
            title,
            criterion.max_characters,
            widget=forms.Textarea(attrs={"rows": 8}),
            help_text=in_language(criterion.text, language),
            required=_("Say why the organisation meets “%(title)s”") % {"title": title},
            too_long=_(
                "Shorten your answer to “%(title)s” to %(limit)s characters or fewer; "
                "it has %(count)s"
            ),
        )
        field.message_params = {"title": title}
        field.criterion = criterion
        field.draft_may_overflow = True
        fields[f"answer_{criterion.number}"] = field
    return fields


def evidence_fields(cycle: Cycle) -> dict[str, forms.Field]:
    fields: dict[str, forms.Field] = {}
    for number in range(1, MAX_LINKS + 1):
        fields[f"link_{number}"] = text_field(
            _("Link %(number)s") % {"number": number},
            500,
            field_class=forms.URLField,
            assume_scheme="https",
            invalid=_(
                "Enter link %(number)s as a web address, like https://example.org/annual-report"
            )
            % {"number": number},
            too_long=_(
                "Shorten link %(number)s to %(limit)s characters or fewer; it has %(count)s"
            ),
        )
        fields[f"link_{number}"].message_params = {"number": number}
    fields["attachments"] = MultipleFileField(
        label=_("Documents"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": DOCUMENT_TYPES}),
        help_text=_(
            "Up to %(count)s files: PDF, Word (DOCX) or OpenDocument (ODT), %(size)s MB each."
        )
        % {"count": apnumber(NOMINATION_DOCUMENTS), "size": DOCUMENT_MAX_MB},
        error_messages={
            "invalid": _("Choose the documents again: the files did not arrive"),
            "empty": _("The document you chose is empty: choose another file"),
            "missing": _("Choose the documents again: the files did not arrive"),
        },
    )
    return fields


def nominator_fields(cycle: Cycle) -> dict[str, forms.Field]:
    fields: dict[str, forms.Field] = {}
    add = fields.__setitem__
    add(
        "nominator_name",
        text_field(
            _("Your name"),
            150,
            autocomplete="name",
            required=_("Enter your name"),
            too_long=_("Shorten your name to %(limit)s characters or fewer; it has %(count)s"),
        ),
    )
    add(
        "nominator_email",
        text_field(
            _("Your email address"),
            254,
            field_class=forms.EmailField,
            autocomplete="email",
            help_text=_("We send the confirmation and your private link here."),
            required=_("Enter your email address"),
            invalid=_("Enter an email address in the correct format, like name@example.org"),
            too_long=_(
                "Shorten your email address to %(limit)s characters or fewer; it has %(count)s"
            ),
        ),
    )
    add(
        "nominator_organisation",
        text_field(
            _("Your organisation"),
            200,
            autocomplete="organization",
            too_long=_(
                "Shorten the name of your organisation to %(limit)s characters or fewer; "
                "it has %(count)s"
            ),
        ),
    )
    add(
        "nominator_role",
        text_field(
            _("Your role"),
            120,
            autocomplete="organization-title",
            too_long=_("Shorten your role to %(limit)s characters or fewer; it has %(count)s"),
        ),
    )
    relationship = _("Choose your relationship to the organisation")
    add(
        "relationship",
        forms.ChoiceField(
            label=_("Your relationship to the organisation"),
            choices=Relationship.choices,
            widget=forms.RadioSelect,
            error_messages={"required": relationship, "invalid_choice": relationship},
        ),
    )
    language = _("Choose the language for our emails to you")
    add(
        "preferred_language",
        forms.ChoiceField(
            label=_("Language for our emails to you"),
            # Each in its own name: a reader looks for their language as they write it.
            choices=native_names(cycle.public),
            initial=translation.get_language(),
            error_messages={"required": language, "invalid_choice": language},
        ),
    )
    return fields


def declaration_fields(cycle: Cycle) -> dict[str, forms.Field]:
    fields: dict[str, forms.Field] = {}
    labels = {
        "declared_true": _("The information I give is true to the best of my knowledge."),
        "declared_safeguarding": _(
            "I have read the safeguarding notice: I give no names, images or identifying "
            "details of children, victims or suspected perpetrators."
        ),
        "declared_privacy": _("I have read the privacy notice."),
    }
    required = {
        "declared_true": _(
            "Confirm that the information you give is true to the best of your knowledge"
        ),
        "declared_safeguarding": _(
            "Confirm that you have read the safeguarding notice and give no identifying details"
        ),
        "declared_privacy": _("Confirm that you have read the privacy notice"),
    }
    for name in DECLARATION_FIELDS:
        field = forms.BooleanField(label=labels[name], error_messages={"required": required[name]})
        fields[name] = field
    return fields
