from django import forms
from django.utils.translation import gettext_lazy as _

"""The decision on a sanctions hit."""


class DecisionForm(forms.Form):
    """Staff's decision on a hit: why (required; the auditors read it)."""

    reason = forms.CharField(
        label=_("Why"),
        help_text=_(
            "What you checked and what it showed: the registry, a birth date, a passport, the "
            "list entry's details. The auditors read this."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": _("Say why: the reason is what the auditors read.")},
    )
