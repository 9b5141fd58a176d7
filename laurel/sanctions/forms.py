"""The decision on a sanctions hit."""

from django import forms
from django.utils.translation import gettext_lazy as _

from laurel.core.forms import long_text


class DecisionForm(forms.Form):
    """Staff's decision on a hit: why (required; the auditors read it)."""

    reason = long_text(
        _("Why"),
        2000,
        rows=4,
        help_text=_(
            "What you checked and what it showed: the registry, a birth date, a passport, the "
            "list entry's details. The auditors read this."
        ),
        error_messages={"required": _("Say why: the reason is what the auditors read.")},
    )
