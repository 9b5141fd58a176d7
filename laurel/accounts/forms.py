from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from laurel.accounts.enums import CYCLE_ROLES, Role
from laurel.accounts.models import User


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    cycle = forms.ModelChoiceField(
        label=_("Award cycle"),
        queryset=None,
        required=False,
        help_text=_("Needed for committee and laureate roles."),
    )
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=settings.LANGUAGES)

    def __init__(self, *args, cycles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cycle"].queryset = cycles

    def clean(self):
        data = super().clean()
        role, cycle = data.get("role"), data.get("cycle")
        if role in CYCLE_ROLES and cycle is None:
            self.add_error("cycle", _("Choose the award cycle for this role."))
        if role and role not in CYCLE_ROLES and cycle is not None:
            self.add_error("cycle", _("Staff and finance roles are not tied to one cycle."))
        return data


class ChangeEmailForm(forms.Form):
    email = forms.EmailField(label=_("New email address"))
    confirm = forms.BooleanField(
        label=_(
            "I have checked with the person, other than by writing to the new address, "
            "that it is theirs."
        ),
        error_messages={
            "required": _(
                "Tick the box once you have checked with the person that the new address is theirs."
            )
        },
    )


class AcceptInvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters; not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first:
            probe = User(email=self.email, full_name=data.get("full_name", ""))
            try:
                password_validation.validate_password(first, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data
