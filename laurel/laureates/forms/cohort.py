"""The cohort's shared space: posts and replies, joint initiatives, the library, events and the
digest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from laurel.core.forms import ModelIdsField, by_candidate, long_text
from laurel.core.limits import worded
from laurel.laureates.enums import (
    DigestFrequency,
    InitiativeKind,
    InitiativeStatus,
)
from laurel.laureates.models import Laureate
from laurel.nominations.uploads import check_upload


class PostForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = long_text(_("Message"), 8000, rows=5)


class ReplyForm(forms.Form):
    body = long_text(_("Your reply"), 8000, rows=4)


class InitiativeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=InitiativeKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = long_text(_("What it is"), 8000, rows=5)
    owners = ModelIdsField(
        label=_("Led by"), queryset=Laureate.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, laureates=None, **kwargs):
        super().__init__(*args, **kwargs)
        if laureates is not None:
            by_candidate(self.fields["owners"], laureates)


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
    description = long_text(_("Description"), 4000, rows=3, required=False)


class DigestForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Email me what is new here"),
        choices=DigestFrequency.choices,
        widget=forms.RadioSelect,
    )
