"""The laureate's answer and its prize: what may be published, the bank details, and finance's
payment forms."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from laurel.core.characters import invisible
from laurel.core.forms import long_text
from laurel.core.limits import worded
from laurel.laureates.models import Laureate
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
    bank_address = long_text(_("The bank's address"), 500, rows=3)
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


class SignatoryForm(forms.Form):
    """A person who signs for the laureate or sits on its board, to screen against the
    sanctions lists: a birth date and citizenship, when known, narrow a hit."""

    name = forms.CharField(label=_("Full name"), max_length=200)
    born = forms.DateField(
        label=_("Date of birth"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    citizenship = forms.ChoiceField(label=_("Citizenship"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["citizenship"].choices = [("", "—"), *countries]

    def clean_name(self) -> str:
        """The name with its spaces as spaces (a tab or a line break pasted in is one); a
        character that shows as nothing, or as a space without being one, is refused: the
        lists are matched word by word, and such a character joins two words into one that
        no list names (issue 21's attacks)."""
        name = " ".join(self.cleaned_data["name"].split())
        if any(invisible(character) for character in name):
            raise forms.ValidationError(
                _(
                    "The name has characters that do not show (such as a zero-width space or "
                    "a control character): type it again."
                )
            )
        return name

    def clean_born(self) -> date | None:
        """A birth date no living person can have is refused: a birth date that cannot be the
        listed person's rules a hit out, so a mistyped year would hide one."""
        born = self.cleaned_data["born"]
        if born is not None and not EARLIEST_BIRTH <= born <= timezone.localdate():
            raise forms.ValidationError(_("Give a date of birth between 1900 and today."))
        return born


EARLIEST_BIRTH = date(1900, 1, 1)
