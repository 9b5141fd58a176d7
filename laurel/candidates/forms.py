from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from laurel.candidates.enums import (
    DiligenceArea,
    DiligenceStatus,
    DocumentKind,
    IneligibleReason,
    WorkKind,
)
from laurel.candidates.services.consent import PROFILE_FIELDS
from laurel.nominations.uploads import check_upload

DOCUMENT_UPLOADS = ["safeguarding_policy", "annual_report", "financial_statement"]


class ScreeningForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("eligible", _("Eligible")), ("ineligible", _("Ineligible"))],
        widget=forms.RadioSelect,
    )
    reason = forms.ChoiceField(
        label=_("Why ineligible"),
        choices=[("", "—"), *IneligibleReason.choices],
        required=False,
    )
    note = forms.CharField(label=_("Note for the team"), max_length=500, required=False)

    def clean(self):
        data = super().clean()
        if data.get("decision") == "ineligible" and not data.get("reason"):
            self.add_error("reason", _("Choose why the candidate is ineligible."))
        return data


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Merge this candidate into"),
        queryset=None,
        help_text=_("Its nominations move there; you can undo the merge."),
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class WorkKindsForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=_("Kinds of work"),
        choices=WorkKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The final selection can ask for a spread across these."),
    )


class DiligenceForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=DiligenceStatus.choices)
    notes = forms.CharField(
        label=_("What was checked and found"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, area: str, **kwargs):
        kwargs.setdefault("prefix", area)
        super().__init__(*args, **kwargs)
        self.area = area
        self.area_label = DiligenceArea(area).label


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices)
    document = forms.FileField(
        label=_("Document (PDF, DOCX or ODT, at most 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt"}),
    )

    def clean_document(self):
        upload = self.cleaned_data["document"]
        self.checked = check_upload(upload)  # ValidationError says what is wrong
        return upload


class CommitteeVersionForm(forms.Form):
    """One text area per free text of the nomination, for what the committee will read."""

    def __init__(self, *args, labels: dict[str, str], initial_texts: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in labels.items():
            self.fields[name] = forms.CharField(
                label=label,
                required=False,
                initial=initial_texts.get(name, ""),
                widget=forms.Textarea(attrs={"rows": 6}),
            )


class InviteOrganisationForm(forms.Form):
    email = forms.EmailField(label=_("The organisation's contact email"))
    language = forms.ChoiceField(
        label=_("Language of the email"), choices=[("sv", "Svenska"), ("en", "English")]
    )
    deadline = forms.DateField(
        label=_("Answer by"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Reminders go a week and two days before."),
    )


class ClaimForm(forms.Form):
    """What the nominated organisation answers through its link."""

    consent = forms.ChoiceField(
        label=_("Do you agree to be considered for the award?"),
        choices=[
            ("yes", _("Yes, we agree to be considered")),
            ("no", _("No, we do not want to be considered")),
        ],
        widget=forms.RadioSelect,
    )
    name = forms.CharField(label=_("Name of the organisation"), max_length=200, required=False)
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    website = forms.URLField(
        label=_("Website"), max_length=300, required=False, assume_scheme="https"
    )
    registration_number = forms.CharField(
        label=_("Registration number"), max_length=60, required=False
    )
    description = forms.CharField(
        label=_("What the organisation does"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=150, required=False)
    contact_email = forms.EmailField(label=_("Contact email"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in DOCUMENT_UPLOADS:
            self.fields[kind] = forms.FileField(
                label=DocumentKind(kind).label,
                required=False,
                help_text=_("PDF, DOCX or ODT, at most 10 MB."),
                widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt"}),
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
        return data

    def profile(self) -> dict:
        return {name: self.cleaned_data.get(name, "") for name in PROFILE_FIELDS}


class ContactForm(forms.Form):
    """The contact staff keep: whom the organisation's letters go to, in which language."""

    def __init__(self, *args, **kwargs):
        # The candidate's page holds other forms with an email field: ids of its own.
        kwargs.setdefault("auto_id", "contact_%s")
        super().__init__(*args, **kwargs)

    name = forms.CharField(label=_("Contact person"), max_length=150, required=False)
    email = forms.EmailField(label=_("Contact email"), required=False)
    language = forms.ChoiceField(
        label=_("Language for letters"),
        choices=[("", _("Not chosen: from its country or its nominations")), *settings.LANGUAGES],
        required=False,
    )
