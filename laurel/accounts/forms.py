import re
from dataclasses import dataclass

from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from laurel.accounts.enums import CYCLE_ROLES, Role
from laurel.accounts.models import User
from laurel.core.texts import working_choices


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
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=working_choices())

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


@dataclass(frozen=True)
class Person:
    """One line of a pasted list: its number (from 1, as the person sees it), name, address."""

    line: int
    name: str
    email: str


ANGLED = re.compile(r"^(?P<name>[^<>]*)<(?P<email>[^<>]+)>\s*$")


def _valid(email: str) -> bool:
    try:
        validate_email(email)
    except ValidationError:
        return False
    return True


def parse_person(text: str) -> tuple[str, str] | None:
    """(name, email) from "Name <email>", "email, name", "name, email" or a bare address; None
    when the line holds no valid address."""
    text = text.strip()
    found = ANGLED.match(text)
    if found:
        name, email = found["name"], found["email"]
    elif "," in text or ";" in text or "\t" in text:
        parts = [p.strip() for p in re.split(r"[,;\t]", text) if p.strip()]
        emails = [p for p in parts if "@" in p]
        if len(emails) != 1:
            return None
        email = emails[0]
        name = " ".join(p for p in parts if p is not email)
    else:
        name, email = "", text
    email = email.strip().lower()
    name = " ".join(name.replace('"', " ").split())
    return (name[:150], email) if _valid(email) else None


def parse_people(text: str) -> tuple[list[Person], list[str]]:
    """Every person in a pasted list (blank lines skipped) and every line that is not one, by
    its number."""
    people, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parsed = parse_person(line)
        if parsed is None:
            problems.append(
                gettext("Line %(number)d: no valid email address in “%(line)s”.")
                % {"number": number, "line": line.strip()[:80]}
            )
        else:
            people.append(Person(number, *parsed))
    return people, problems


# A committee is a few people: a longer list is a mailing list pasted by mistake, or abuse.
MOST_INVITED = 100


class BulkInviteForm(forms.Form):
    """A list of committee members pasted from anywhere, one a line."""

    people = forms.CharField(
        label=_("The people to invite, one a line"),
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
        help_text=_(
            "As “Name <email>” or “email, name”. Blank lines and repeated addresses are "
            "skipped; so is anyone already invited or already holding the role."
        ),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (Role.COMMITTEE_MEMBER.value, Role.COMMITTEE_MEMBER.label),
            (Role.COMMITTEE_CHAIR.value, Role.COMMITTEE_CHAIR.label),
        ],
        initial=Role.COMMITTEE_MEMBER,
    )
    cycle = forms.ModelChoiceField(label=_("Award cycle"), queryset=None)
    language = forms.ChoiceField(label=_("Language of the invitations"), choices=working_choices())

    def __init__(self, *args, cycles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cycle"].queryset = cycles

    def clean_people(self) -> list[Person]:
        people, problems = parse_people(self.cleaned_data["people"])
        if problems:
            raise ValidationError(problems)
        if not people:
            raise ValidationError(_("Paste at least one email address."))
        if len(people) > MOST_INVITED:
            raise ValidationError(
                _("Invite at most %(most)d people from one list.") % {"most": MOST_INVITED}
            )
        return people


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
