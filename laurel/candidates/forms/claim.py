"""The nominated organisation's consent page: what it is asked, in the page's language (a public
source: laurel.cycles.catalogue)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from laurel.candidates.enums import DocumentKind
from laurel.candidates.services.consent import PROFILE_FIELDS
from laurel.core.forms import long_text
from laurel.core.limits import worded
from laurel.nominations.uploads import check_upload

# The documents the consent page asks for, in order.
DOCUMENT_UPLOADS = ["safeguarding_policy", "annual_report", "financial_statement"]


# Why each document is asked for, told next to its field on the consent page.
DOCUMENT_PURPOSES = {
    "safeguarding_policy": _(
        "How your organisation keeps the children it works with safe. Every laureate must have "
        "one: the secretariat checks it as part of its due diligence."
    ),
    "annual_report": _(
        "What your organisation did last year: it helps the secretariat and the selection "
        "committee understand your work and its reach."
    ),
    "financial_statement": _(
        "Your income, costs and funders: the secretariat checks that the prize money would be "
        "used and accounted for responsibly."
    ),
}


def _too_long(what: str):
    """Django's max_length message, said for this field ("Enter … in 200 characters or fewer")."""
    return {"max_length": what}


class ClaimForm(forms.Form):
    """What the nominated organisation answers through its link: each message says what to do."""

    consent = forms.ChoiceField(
        label=_("Do you agree to be considered for the award?"),
        choices=[
            ("yes", _("Yes, we agree to be considered")),
            ("no", _("No, we do not want to be considered")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose whether your organisation agrees to be considered."),
            "invalid_choice": _("Choose whether your organisation agrees to be considered."),
        },
    )
    name = forms.CharField(
        label=_("Name of the organisation"),
        max_length=200,
        required=False,
        error_messages=_too_long(_("Enter the organisation's name in 200 characters or fewer.")),
    )
    city = forms.CharField(
        label=_("City"),
        max_length=120,
        required=False,
        error_messages=_too_long(_("Enter the city in 120 characters or fewer.")),
    )
    website = forms.URLField(
        label=_("Website"),
        max_length=300,
        required=False,
        assume_scheme="https",
        error_messages={
            "invalid": _("Enter the website's address, for example https://www.example.org."),
            "max_length": _("Enter a website address of 300 characters or fewer."),
        },
    )
    registration_number = forms.CharField(
        label=pgettext_lazy("consent page", "Registration number"),
        max_length=60,
        required=False,
        help_text=_("The number your organisation is registered under in its country."),
        error_messages=_too_long(_("Enter the registration number in 60 characters or fewer.")),
    )
    description = long_text(
        _("What the organisation does"),
        3000,
        rows=4,
        required=False,
        error_messages=_too_long(
            _("Describe what the organisation does in 3,000 characters or fewer.")
        ),
    )
    contact_name = forms.CharField(
        label=_("Contact person"),
        max_length=150,
        required=False,
        help_text=_("Who the secretariat should write to about the award."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages=_too_long(_("Enter the contact person's name in 150 characters or fewer.")),
    )
    contact_email = forms.EmailField(
        label=pgettext_lazy("consent page", "Contact person's email address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": _(
                "Enter the contact person's email address in the right format, for example "
                "name@example.org."
            ),
            "max_length": _("Enter an email address of 320 characters or fewer."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in DOCUMENT_UPLOADS:
            self.fields[kind] = forms.FileField(
                label=DocumentKind(kind).label,
                required=False,
                help_text=format_lazy(
                    "{} {}",
                    DOCUMENT_PURPOSES[kind],
                    worded(_("PDF, DOCX or ODT, at most %(size)s MB.")),
                ),
                widget=forms.FileInput(attrs={"accept": ".pdf,.docx,.odt"}),
                error_messages={
                    "empty": _("The file you chose is empty: choose the document again."),
                    "invalid": _("The file did not arrive whole: choose the document again."),
                    "missing": _("The file did not arrive whole: choose the document again."),
                    "max_length": _(
                        "Rename the file to 200 characters or fewer and choose it again."
                    ),
                },
            )
        self.checked_documents = []

    def clean(self):
        data = super().clean()
        for kind in DOCUMENT_UPLOADS:
            upload = data.get(kind)
            if not upload:
                continue
            try:
                self.checked_documents.append((upload, check_upload(upload), kind))
            except ValidationError as rejected:
                self.add_error(kind, rejected)
        if self.errors and self.checked_documents:
            # The browser does not send a chosen file again: say so next to each one kept.
            for upload, _checked, kind in self.checked_documents:
                self.add_error(
                    kind,
                    _("Choose %(name)s again: files are not kept until the form is sent.")
                    % {"name": upload.name},
                )
        return data

    def profile(self) -> dict:
        return {name: self.cleaned_data.get(name, "") for name in PROFILE_FIELDS}
