import csv
import io
from collections.abc import Sequence

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from laurel.accounts.names import display_name
from laurel.core.forms import long_text
from laurel.core.texts import in_language, native_names
from laurel.review.enums import (
    AffiliationKind,
    ConflictKind,
    ConflictState,
    Recommendation,
    Visibility,
)
from laurel.review.services import Tie

# The languages a member may say they read: Europe's, where nominations come from.
LANGUAGES = native_names(
    ["en", "sv", "de", "fr", "es", "it", "pl", "nl", "pt", "fi", "da", "no", "uk", "ru", "ro",
     "hr", "sr", "cs", "sk", "hu", "el", "bg", "lt", "lv", "et", "sl", "tr", "sq"]
)  # fmt: skip


class AssignmentForm(forms.Form):
    k = forms.IntegerField(label=_("Reviewers per candidate"), min_value=1, max_value=10, initial=3)
    min_load = forms.IntegerField(
        label=_("Fewest candidates per member"),
        min_value=0,
        required=False,
        help_text=_("Empty: as even as possible."),
    )
    max_load = forms.IntegerField(
        label=_("Most candidates per member"),
        min_value=1,
        required=False,
        help_text=_("Empty: as even as possible."),
    )

    def clean(self):
        data = super().clean()
        low, high = data.get("min_load"), data.get("max_load")
        if low is not None and high is not None and low > high:
            self.add_error("max_load", _("The most must be at least the fewest."))
        return data


class ProfileForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=_("Languages you read"),
        choices=LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nominations in these languages are preferred for you."),
    )
    country = CountryField(blank=True).formfield(label=_("Country"))


class TieForm(forms.Form):
    """One organisation a member is tied to (a row of the profile's ties)."""

    name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    country = CountryField(blank=True).formfield(label=_("Its country"))
    website = forms.CharField(label=_("Its website"), max_length=300, required=False)
    kind = forms.ChoiceField(
        label=_("Your tie"), choices=[("", "—"), *AffiliationKind.choices], required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("name") and not data.get("kind"):
            self.add_error("kind", _("Say what your tie to this organisation is."))
        return data


TIE_ROWS = 5  # rows offered at least; one more than the member has, beyond that


def tie_formset(data=None, *, ties: Sequence[dict[str, str]] = ()) -> forms.BaseFormSet:
    rows = forms.formset_factory(TieForm, extra=max(TIE_ROWS - len(ties), 1))
    return rows(data, initial=list(ties), prefix="ties")


def affiliations(formset: forms.BaseFormSet) -> list[Tie]:
    """The rows of a valid formset that name an organisation, as save_profile takes them."""
    return [Tie(**form.cleaned_data) for form in formset if form.cleaned_data.get("name")]


class DeclareConflictForm(forms.Form):
    """Declaring is deliberate: the kind has no default (nothing is ticked until the member
    chooses), and a confirmation step follows."""

    kind = forms.ChoiceField(
        label=_("Kind of conflict"),
        choices=ConflictKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what kind of conflict it is.")},
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=500,
        required=False,
        help_text=_("For the secretariat, if something needs explaining."),
    )


def member_label(user) -> str:
    return f"{user.full_name} <{user.email}>" if user.full_name else user.email


class RecordConflictForm(forms.Form):
    """Staff add an entry to the conflict register for any member."""

    member = forms.ModelChoiceField(label=_("Member"), queryset=None)
    candidate = forms.ModelChoiceField(label=_("Candidate"), queryset=None)
    kind = forms.ChoiceField(
        label=_("Kind of conflict"), choices=[("", "—"), *ConflictKind.choices]
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, members, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
        self.fields["member"].label_from_instance = member_label
        self.fields["candidate"].queryset = candidates


class EditConflictForm(forms.Form):
    """Staff correct an entry of the register."""

    kind = forms.ChoiceField(label=_("Kind of conflict"), choices=ConflictKind.choices)
    state = forms.ChoiceField(
        label=_("Is it a conflict?"),
        choices=[
            (ConflictState.CONFIRMED, _("Yes: keep the member away from the candidate")),
            (ConflictState.DISMISSED, _("No: the member may review the candidate")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class ReviewForm(forms.Form):
    """A score (radio buttons, each with its label) and a comment per criterion, then the
    recommendation, or an abstention with its reason. Nothing is required to save a draft;
    the service checks completeness on submit, so what submitting needs is marked `needed`
    (its label does not say "optional"): the scores and the recommendation, or the reason for
    abstaining. Only the comments are truly optional."""

    recommendation = forms.ChoiceField(
        label=_("Your recommendation"),
        choices=Recommendation.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    recommendation.needed = True
    overall = long_text(_("Overall comment"), 4000, rows=4, required=False)
    abstained = forms.BooleanField(label=_("I abstain from scoring this candidate"), required=False)
    abstain_reason = forms.CharField(
        label=_("Why you abstain"),
        max_length=500,
        required=False,
        help_text=_("Needed if you abstain."),
    )
    abstain_reason.needed = True

    def __init__(self, *args, cycle, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = []
        for criterion in cycle.criteria.order_by("number"):
            levels = criterion.guidance_levels()
            score = forms.ChoiceField(
                label=_("Score"),
                choices=[
                    (str(level), f"{level} – {in_language(label, translation.get_language())}")
                    for level, label, _guidance in levels
                ],
                widget=forms.RadioSelect,
                required=False,
            )
            score.needed = True  # to submit, unless abstaining
            comment = long_text(_("Comment"), 4000, rows=3, required=False)
            self.fields[f"score_{criterion.number}"] = score
            self.fields[f"comment_{criterion.number}"] = comment
            self.criteria.append(
                (criterion, f"score_{criterion.number}", f"comment_{criterion.number}", levels)
            )

    def scores(self) -> dict[str, str]:
        return {
            str(c.number): self.cleaned_data.get(score, "")
            for c, score, _comment, _l in self.criteria
        }

    def comments(self) -> dict[str, str]:
        return {
            str(c.number): self.cleaned_data.get(comment, "")
            for c, _score, comment, _l in self.criteria
        }

    @staticmethod
    def initial_from(review) -> dict:
        if review is None:
            return {}
        initial = {
            "recommendation": review.recommendation,
            "overall": review.overall,
            "abstained": review.abstained,
            "abstain_reason": review.abstain_reason,
        }
        initial |= {f"score_{n}": str(s) for n, s in review.scores.items()}
        initial |= {f"comment_{n}": text for n, text in review.comments.items()}
        return initial


class ByHandForm(forms.Form):
    candidate = forms.ModelChoiceField(label=_("Candidate"), queryset=None)
    member = forms.ModelChoiceField(label=_("Member"), queryset=None)

    def __init__(self, *args, candidates, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidate"].queryset = candidates
        self.fields["member"].queryset = members
        self.fields["member"].label_from_instance = display_name


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("A CSV file with the columns candidate_id and member (an email address)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def rows(self) -> list[dict[str, str]]:
        upload = self.cleaned_data["file"]
        if upload.size > 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 1 MB."))
        text = upload.read().decode("utf-8-sig", errors="replace")
        return list(csv.DictReader(io.StringIO(text)))


class CommentForm(forms.Form):
    text = long_text(
        _("Your message"),
        4000,
        rows=3,
        help_text=_(
            "To tell a member by email, write @ and their name (@Alice Berg), or the start of "
            "their first name, surname or email address (@alice, @ali, @berg) if no other "
            "member's starts the same way."
        ),
    )


class VisibilityForm(forms.Form):
    visibility = forms.ChoiceField(
        label=_("Members see each other's reviews"), choices=Visibility.choices
    )
