from django import forms
from django.utils.translation import gettext_lazy as _

from laurel.candidates.enums import IneligibleReason


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
