from django import forms
from django.utils.translation import gettext_lazy as _

from laurel.core.forms import long_text
from laurel.privacy.enums import RequestState
from laurel.privacy.models import SubjectRequest


class OpenRequestForm(forms.ModelForm):
    class Meta:
        model = SubjectRequest
        fields = ["kind", "about", "email", "name", "received_on"]
        widgets = {"received_on": forms.DateInput(attrs={"type": "date"})}
        help_texts = {
            "name": _(
                "For a person: the full name as they gave it. For an organisation: its name."
            ),
        }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("name"):
            self.add_error("email", _("Give the email address, the name, or both."))
        if cleaned.get("about") == "organisation" and len(cleaned.get("name", "")) < 4:
            self.add_error("name", _("Give the organisation's name (at least four letters)."))
        return cleaned


class CorrectForm(forms.Form):
    email = forms.EmailField(label=_("Correct email address"), required=False)
    name = forms.CharField(label=_("Correct name"), max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("name"):
            raise forms.ValidationError(_("Give the corrected email address, name, or both."))
        return cleaned


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I have checked that nothing here must be kept by law, and erase it."),
    )


class CloseForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(s.value, s.label) for s in (RequestState.DONE, RequestState.REFUSED)],
    )
    notes = long_text(_("What was done, or why it was refused"), 4000, rows=4)
