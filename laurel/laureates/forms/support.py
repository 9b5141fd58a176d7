"""The support programme: the assessment, objectives and milestones, and the sessions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from laurel.core.forms import long_text
from laurel.laureates.enums import (
    Rag,
    SupportArea,
)
from laurel.laureates.models import Objective


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
    notes = long_text(_("Notes"), 4000, rows=3, required=False)
