from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from laurel.core.forms import ModelIdsField
from laurel.core.limits import worded
from laurel.core.texts import language_codes
from laurel.laureates.enums import (
    Booking,
    DigestFrequency,
    InitiativeKind,
    InitiativeStatus,
    Rag,
    SupportArea,
)
from laurel.laureates.models import Delegate, Laureate, Objective, Summit
from laurel.laureates.services.summit import DELEGATE_FIELDS
from laurel.nominations.uploads import check_upload


class MediaConsentForm(forms.ModelForm):
    class Meta:
        model = Laureate
        fields = ["publish_name", "publish_logo", "publish_staff_names", "at_risk"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("at_risk"):
            cleaned["publish_staff_names"] = False  # the security opt-out wins
        return cleaned


class BankDetailsForm(forms.Form):
    holder = forms.CharField(
        label=_("Account holder"),
        max_length=200,
        help_text=_("The organisation itself, as the bank knows it."),
    )
    country = forms.ChoiceField(label=_("The bank's country"), choices=[])
    iban = forms.CharField(label=_("IBAN"), max_length=42, required=False)
    bic = forms.CharField(label=_("BIC (SWIFT code)"), max_length=11, required=False)
    account_number = forms.CharField(
        label=_("Account number"),
        max_length=34,
        required=False,
        help_text=_("Only where the country has no IBAN."),
    )
    bank_name = forms.CharField(label=_("Bank"), max_length=200)
    bank_address = forms.CharField(
        label=_("The bank's address"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    proof = forms.FileField(
        label=_("Proof that the account is the organisation's"),
        help_text=worded(
            _("A bank statement or a letter from the bank: PDF, DOCX or ODT, up to %(size)s MB.")
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *countries]

    def clean_proof(self):
        upload = self.cleaned_data["proof"]
        self.checked = check_upload(upload)
        return upload

    def clean_iban(self):
        return "".join(self.cleaned_data["iban"].split()).upper()

    def clean_bic(self):
        return "".join(self.cleaned_data["bic"].split()).upper()


class PaidForm(forms.Form):
    paid_on = forms.DateField(label=_("Paid on"), widget=forms.DateInput(attrs={"type": "date"}))
    fees = forms.DecimalField(label=_("Fees"), required=False, min_value=0, decimal_places=2)
    exchange_rate = forms.DecimalField(
        label=_("Exchange rate"), required=False, min_value=0, decimal_places=6
    )


class ExportForm(forms.Form):
    execution_date = forms.DateField(
        label=_("Pay on"), widget=forms.DateInput(attrs={"type": "date"})
    )


class PayingAccountForm(forms.Form):
    """The account the prizes are paid from; the service checks the IBAN and BIC properly."""

    name = forms.CharField(
        label=_("Account holder"),
        max_length=70,
        help_text=_("The organiser's name, as the bank knows it."),
    )
    iban = forms.CharField(label=_("IBAN"), max_length=42)
    bic = forms.CharField(label=_("BIC (SWIFT code)"), max_length=11)

    def clean_iban(self):
        return "".join(self.cleaned_data["iban"].split()).upper()

    def clean_bic(self):
        return "".join(self.cleaned_data["bic"].split()).upper()


# The summit's texts kept in each language: (field, label, rows; 0 for a line, required).
SUMMIT_TEXTS = [
    ("title", _("Title"), 0, True),
    ("programme", _("Programme"), 6, False),
    ("accommodation", _("Accommodation (for visa letters)"), 2, False),
    ("costs", _("What the organiser pays (for visa letters)"), 2, False),
]
LANGUAGE_NAMES = {"sv": _("in Swedish"), "en": _("in English")}


class SummitForm(forms.ModelForm):
    """The summit; each text that laureates and consulates read is asked in each language
    (`title_sv`, `title_en` …) and saved as one {"sv": …, "en": …} value."""

    class Meta:
        model = Summit
        fields = [
            "starts_on",
            "ends_on",
            "place",
            "address",
            "ceremony_at",
            "places_per_laureate",
            "registration_closes_at",
            "host",
            "signatory",
            "signatory_title",
            "passport_days",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
            "ceremony_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "registration_closes_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "address": forms.Textarea(attrs={"rows": 2}),
            "host": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = {}
        for name, label, rows, required in SUMMIT_TEXTS:
            stored = getattr(self.instance, name, None) or {}
            if isinstance(stored, str):  # a text from before: the same in each language
                stored = dict.fromkeys(language_codes(), stored)
            for code in language_codes():
                fields[f"{name}_{code}"] = forms.CharField(
                    label=f"{label} ({LANGUAGE_NAMES.get(code, code)})",
                    max_length=8000 if rows else 200,
                    required=required,
                    initial=stored.get(code, ""),
                    widget=forms.Textarea(attrs={"rows": rows, "lang": code})
                    if rows
                    else forms.TextInput(attrs={"lang": code}),
                )
        # In the order staff think of the event: what it is, when and where, then what the
        # visa letters say.
        self.fields |= fields
        order = ["title", "programme", "starts_on", "ends_on", "place", "address", "ceremony_at",
                 "places_per_laureate", "registration_closes_at", "accommodation", "costs",
                 "host", "signatory", "signatory_title", "passport_days"]  # fmt: skip
        texts = {text[0] for text in SUMMIT_TEXTS}
        self.order_fields(
            [
                key
                for name in order
                for key in (
                    [f"{name}_{code}" for code in language_codes()] if name in texts else [name]
                )
            ]
        )

    def clean(self):
        cleaned = super().clean()
        for name, _label, _rows, _required in SUMMIT_TEXTS:
            typed = {code: cleaned.pop(f"{name}_{code}", "").strip() for code in language_codes()}
            cleaned[name] = {code: text for code, text in typed.items() if text}
        return cleaned


class DelegateForm(forms.ModelForm):
    """A delegate; when registering, with the code of conduct the award file links to (the
    delegate accepts it; its link sits by the box). Changing a delegate asks it no more."""

    code_of_conduct = forms.BooleanField(
        label=_("The delegate has read and accepts the summit's code of conduct")
    )

    class Meta:
        model = Delegate
        fields = DELEGATE_FIELDS
        widgets = {
            "arrive_on": forms.DateInput(attrs={"type": "date"}),
            "leave_on": forms.DateInput(attrs={"type": "date"}),
            "booking": forms.RadioSelect,
        }

    def __init__(self, *args, code_of_conduct: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["booking"].choices = Booking.choices  # no empty radio button
        if code_of_conduct:
            self.fields["code_of_conduct"].help_text = format_html(
                '<a href="{}">{}</a>', code_of_conduct, _("Read the code of conduct")
            )
        else:
            del self.fields["code_of_conduct"]


class PassportForm(forms.Form):
    passport_number = forms.CharField(label=_("Passport number"), max_length=30)
    nationality = forms.ChoiceField(label=_("Country of citizenship"), choices=[])
    date_of_birth = forms.DateField(
        label=_("Date of birth"), widget=forms.DateInput(attrs={"type": "date"})
    )
    passport_expires_on = forms.DateField(
        label=_("Passport valid until"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The country, never an adjective: the letter says "a national of Morocco".
        self.fields["nationality"].choices = [("", _("Choose the country")), *countries]


class InformationForm(forms.Form):
    """The practical information, written in each language: each person gets theirs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in language_codes():
            language = LANGUAGE_NAMES.get(code, code)
            self.fields[f"subject_{code}"] = forms.CharField(
                label=f"{_('Subject')} ({language})",
                max_length=200,
                widget=forms.TextInput(attrs={"lang": code}),
            )
            self.fields[f"text_{code}"] = forms.CharField(
                label=f"{_('Text')} ({language})",
                max_length=10000,
                widget=forms.Textarea(attrs={"rows": 8, "lang": code}),
            )

    def subjects(self) -> dict[str, str]:
        return {code: self.cleaned_data[f"subject_{code}"] for code in language_codes()}

    def texts(self) -> dict[str, str]:
        return {code: self.cleaned_data[f"text_{code}"] for code in language_codes()}


class AssessmentForm(forms.Form):
    """A level and a note for every area of the needs assessment."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        levels = [(n, str(n)) for n in range(1, 6)]
        for area in SupportArea:
            self.fields[f"level_{area.value}"] = forms.TypedChoiceField(
                label=area.label,
                choices=levels,
                coerce=int,
                widget=forms.RadioSelect,
                help_text=_("1: just starting · 5: strong"),
            )
            self.fields[f"note_{area.value}"] = forms.CharField(
                label=_("%(area)s: what would you like to improve?") % {"area": area.label},
                max_length=1000,
                required=False,
            )

    def levels(self) -> dict[str, int]:
        return {area: self.cleaned_data[f"level_{area}"] for area in SupportArea.values}

    def notes(self) -> dict[str, str]:
        return {area: self.cleaned_data[f"note_{area}"] for area in SupportArea.values}


class ObjectiveForm(forms.Form):
    area = forms.ChoiceField(label=_("Area"), choices=SupportArea.choices)
    title = forms.CharField(label=_("Objective"), max_length=300)


class MilestoneForm(forms.Form):
    objective = forms.ModelChoiceField(
        label=_("Objective"),
        queryset=Objective.objects.none(),
        empty_label=_("Choose the objective"),
        error_messages={"required": _("Choose the objective the milestone belongs to.")},
    )
    title = forms.CharField(label=_("Milestone"), max_length=300)
    due_on = forms.DateField(label=_("Due"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, objectives=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["objective"]
        field.label_from_instance = lambda objective: (
            f"{objective.title} ({objective.get_area_display()})"
        )
        if objectives is not None:
            field.queryset = objectives
            only = list(objectives[:2])
            if len(only) == 1:  # the only choice is made already
                field.empty_label = None
                field.initial = only[0].pk


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Rag.choices)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    topic = forms.CharField(label=_("Topic"), max_length=200)
    hours = forms.DecimalField(label=_("Hours"), max_digits=4, decimal_places=1, min_value=0)
    coach = forms.CharField(label=_("Coach"), max_length=120)
    notes = forms.CharField(
        label=_("Notes"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class PostForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Message"), max_length=8000, widget=forms.Textarea(attrs={"rows": 5})
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"), max_length=8000, widget=forms.Textarea(attrs={"rows": 4})
    )


class InitiativeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=InitiativeKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("What it is"), max_length=8000, widget=forms.Textarea(attrs={"rows": 5})
    )
    owners = ModelIdsField(
        label=_("Led by"), queryset=Laureate.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, laureates=None, **kwargs):
        super().__init__(*args, **kwargs)
        if laureates is not None:
            self.fields["owners"].queryset = laureates
            self.fields["owners"].label_from_instance = lambda laureate: laureate.candidate.name


class InitiativeStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=InitiativeStatus.choices)


class InitiativeMilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200)
    due_on = forms.DateField(label=_("Due"), widget=forms.DateInput(attrs={"type": "date"}))


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    upload = forms.FileField(
        label=_("Document"), help_text=worded(_("PDF, DOCX or ODT, at most %(size)s MB."))
    )

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        self.checked = check_upload(upload)
        return upload


class EventForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_at = forms.DateTimeField(
        label=_("Starts"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    where = forms.CharField(label=_("Where (a place or an online link)"), max_length=300)
    description = forms.CharField(
        label=_("Description"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DigestForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Email me what is new here"),
        choices=DigestFrequency.choices,
        widget=forms.RadioSelect,
    )
