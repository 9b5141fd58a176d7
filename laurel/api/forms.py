from django import forms
from django.utils.translation import gettext_lazy as _

from laurel.api.enums import Scope


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("What it is for"),
        max_length=120,
        help_text=_("For example: the board's reporting spreadsheet."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("It may read"), choices=Scope.choices, widget=forms.CheckboxSelectMultiple
    )
