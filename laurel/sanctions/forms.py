"""The decision on a sanctions hit."""

from django import forms
from django.utils.translation import gettext_lazy as _

from laurel.core.forms import long_text

# The values of the page's two buttons: anything else decides nothing (a crafted or garbled
# post once cleared a hit as a false match, whatever it said).
CLEAR, CONFIRM = "clear", "confirm"


class DecisionForm(forms.Form):
    """Staff's decision on a hit: a false match or the listed entry (the button pressed), and
    why (required; the auditors read it)."""

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

    def clean(self):
        data = super().clean()
        decision = self.data.get("decision")
        if decision not in (CLEAR, CONFIRM):
            raise forms.ValidationError(
                _("Choose whether the hit is a false match or the listed entry."),
                code="decision",
            )
        data["clear"] = decision == CLEAR
        return data
