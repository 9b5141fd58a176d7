from django import forms
from django.utils.translation import gettext_lazy as _

from laurel.api.enums import Scope
from laurel.api.tokens import MAX_DAYS


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("What it is for"),
        max_length=120,
        help_text=_("For example: the board's reporting spreadsheet."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("It may read"),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one.")},
    )
    valid_days = forms.IntegerField(
        label=_("Works for (days)"),
        min_value=1,
        max_value=MAX_DAYS,
        initial=MAX_DAYS,
        required=False,
        help_text=_("At most 90 days; then make a new one."),  # tokens.MAX_DAYS
        error_messages={
            "max_value": _("A token works for at most 90 days."),  # tokens.MAX_DAYS
            "min_value": _("Give at least one day."),
        },
    )

    def clean_valid_days(self) -> int:
        return self.cleaned_data["valid_days"] or MAX_DAYS  # left empty: the longest
