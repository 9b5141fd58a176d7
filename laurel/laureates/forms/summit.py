"""The summit: its details (staff), the delegates, passports for a visa letter, and the
information delegates give."""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from laurel.core.forms import long_text
from laurel.core.texts import language_codes
from laurel.laureates.enums import (
    Booking,
)
from laurel.laureates.models import Delegate, Summit
from laurel.laureates.services.summit import DELEGATE_FIELDS

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
                label_in = f"{label} ({LANGUAGE_NAMES.get(code, code)})"
                initial = stored.get(code, "")
                fields[f"{name}_{code}"] = (
                    long_text(
                        label_in,
                        8000,
                        attrs={"rows": rows, "lang": code},
                        required=required,
                        initial=initial,
                    )
                    if rows
                    else forms.CharField(
                        label=label_in,
                        max_length=200,
                        required=required,
                        initial=initial,
                        widget=forms.TextInput(attrs={"lang": code}),
                    )
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
            self.fields[f"text_{code}"] = long_text(
                f"{_('Text')} ({language})", 10000, attrs={"rows": 8, "lang": code}
            )

    def subjects(self) -> dict[str, str]:
        return {code: self.cleaned_data[f"subject_{code}"] for code in language_codes()}

    def texts(self) -> dict[str, str]:
        return {code: self.cleaned_data[f"text_{code}"] for code in language_codes()}
