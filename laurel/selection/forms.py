from django import forms
from django.utils.translation import gettext_lazy as _

from laurel.accounts.models import User
from laurel.candidates.enums import WorkKind
from laurel.candidates.models import Candidate
from laurel.core.forms import ModelIdsField, by_candidate, long_text
from laurel.core.texts import working_choices
from laurel.selection.enums import ListKind, Method, Outcome, RoundTopic
from laurel.selection.models import Place
from laurel.selection.signals import MediaConsent


class ShortlistForm(forms.Form):
    candidate = forms.ModelChoiceField(label=_("Candidate"), queryset=Candidate.objects.none())
    kind = forms.ChoiceField(label=_("List"), choices=ListKind.choices)
    note = forms.CharField(label=_("Note"), max_length=1000, required=False)

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        if candidates is not None:
            self.fields["candidate"].queryset = candidates


class ShortlistManyForm(forms.Form):
    """The candidates ticked in the results table, onto one list."""

    candidates = forms.ModelMultipleChoiceField(
        label=_("Candidates"),
        queryset=Candidate.objects.none(),
        error_messages={"required": _("Tick at least one candidate in the results table.")},
    )
    kind = forms.ChoiceField(label=_("List"), choices=ListKind.choices)

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        if candidates is not None:
            self.fields["candidates"].queryset = candidates


class MoveForm(forms.Form):
    offset = forms.TypedChoiceField(choices=[("-1", "-1"), ("1", "1")], coerce=int)


class GoForm(forms.Form):
    entry = forms.IntegerField(required=False)


def _optional_text(label, max_length: int = 1000, rows: int = 2) -> forms.CharField:
    return long_text(label, max_length, rows=rows, required=False)


class RecordForm(forms.Form):
    arguments = _optional_text(_("Arguments heard"), 8000, 5)
    recused = ModelIdsField(
        label=_("Who recused"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=Outcome.choices,
        error_messages={"required": _("Choose the outcome of the discussion.")},
    )

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        if members is not None:
            self.fields["recused"].queryset = members


class OpenRoundForm(forms.Form):
    topic = forms.ChoiceField(label=_("What the round decides"), choices=RoundTopic.choices)
    method = forms.ChoiceField(label=_("Ballot"), choices=Method.choices)
    secret = forms.BooleanField(
        label=_("Secret ballot: nobody sees who voted how"), required=False, initial=True
    )
    candidates = ModelIdsField(
        label=_("Candidates in this round"),
        queryset=Candidate.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        if candidates is not None:
            self.fields["candidates"].queryset = candidates


class BallotForm(forms.Form):
    """One field per candidate the voter may judge: a rank (ranked) or a tick (approval)."""

    def __init__(self, *args, round_, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.ranked = round_.method == Method.RANKED
        self.candidates = list(candidates)
        for candidate in self.candidates:
            name = f"c{candidate.pk}"
            if self.ranked:
                self.fields[name] = forms.IntegerField(
                    label=candidate.name,
                    required=False,
                    min_value=1,
                    max_value=len(self.candidates),
                    widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                )
            else:
                self.fields[name] = forms.BooleanField(label=candidate.name, required=False)

    def ranks(self) -> dict[int, int]:
        ranks = {}
        for candidate in self.candidates:
            value = self.cleaned_data.get(f"c{candidate.pk}")
            if value:
                ranks[candidate.pk] = 1 if value is True else value
        return ranks

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.ranks():
            raise forms.ValidationError(
                _("Rank at least one candidate.") if self.ranked else _("Tick at least one.")
            )
        return cleaned


class ConstraintsForm(forms.Form):
    max_per_country = forms.IntegerField(
        label=_("At most this many laureates from one country"),
        required=False,
        min_value=1,
        help_text=_("Leave empty for no limit."),
    )
    reserve_count = forms.IntegerField(
        label=_("Reserves to suggest"), min_value=0, max_value=20, initial=3
    )
    from_shortlist = forms.BooleanField(
        label=_("Choose only from the shortlist and its reserve"), required=False, initial=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in WorkKind:
            self.fields[f"min_{kind.value}"] = forms.IntegerField(
                label=_("At least this many doing: %(kind)s") % {"kind": kind.label},
                required=False,
                min_value=0,
                max_value=50,
            )

    def min_per_kind(self) -> dict[str, int]:
        return {
            kind: self.cleaned_data[f"min_{kind}"]
            for kind in WorkKind.values
            if self.cleaned_data.get(f"min_{kind}")
        }


class OverrideForm(forms.Form):
    removed = forms.ModelChoiceField(label=_("Take out"), queryset=Candidate.objects.none())
    added = forms.ModelChoiceField(label=_("Put in"), queryset=Candidate.objects.none())
    reason = long_text(_("Why the committee decided so"), 2000, rows=3)

    def __init__(self, *args, laureates=None, others=None, **kwargs):
        super().__init__(*args, **kwargs)
        if laureates is not None:
            self.fields["removed"].queryset = laureates
            self.fields["added"].queryset = others


def _needed_text(label, max_length: int = 1000, rows: int = 2) -> forms.CharField:
    """Saved as the committee writes (a draft may leave it empty), but needed to lock: the
    label says so (no "optional")."""
    field = _optional_text(label, max_length, rows)
    field.needed = True
    return field


class PlaceForm(forms.Form):
    """What the lock needs for each laureate; saved partly as the committee writes."""

    reason = _needed_text(_("The committee's reason (for the decision report)"), 4000, 3)
    citation_sv = _needed_text(_("Citation in Swedish"))
    citation_en = _needed_text(_("Citation in English"))
    summary_sv = _needed_text(_("What it does, in Swedish"))
    summary_en = _needed_text(_("What it does, in English"))

    def texts(self, name: str) -> dict[str, str]:
        return {code: self.cleaned_data[f"{name}_{code}"] for code in ("sv", "en")}


class LettersForm(forms.Form):
    announce_at = forms.DateTimeField(
        label=_("Announcement (the letters leave no earlier)"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    respond_by = forms.DateTimeField(
        label=_("Laureates answer by"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    discard_edits = forms.BooleanField(
        label=_("Discard my edits: write every letter anew, recipients and languages too"),
        required=False,
    )


class LetterForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=300)
    text = long_text(
        _("Text"),
        20000,
        rows=14,
        help_text=_(
            "Your edit is kept when the letters are written again, unless you choose to "
            "discard edits. A laureate's private link to answer is added below the text as "
            "the letter leaves."
        ),
    )


class RecipientForm(forms.Form):
    to = forms.EmailField(label=_("Send to"))
    language = forms.ChoiceField(label=_("Language of the letter"), choices=working_choices())


class OfferForm(forms.Form):
    reserve = forms.ModelChoiceField(label=_("Offer the place to"), queryset=Place.objects.none())
    respond_by = forms.DateTimeField(
        label=_("They answer by"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    reason = long_text(
        _("Reason for the amendment (it goes into the decision report)"), 2000, rows=2
    )
    # The reserve's texts: the locked decision never had them written.
    citation_sv = long_text(_("Citation in Swedish"), 2000, rows=2)
    citation_en = long_text(_("Citation in English"), 2000, rows=2)
    summary_sv = long_text(_("What it does, in Swedish"), 2000, rows=2)
    summary_en = long_text(_("What it does, in English"), 2000, rows=2)

    def texts(self, name: str) -> dict[str, str]:
        return {code: self.cleaned_data[f"{name}_{code}"] for code in ("sv", "en")}

    def __init__(self, *args, reserves=None, **kwargs):
        super().__init__(*args, **kwargs)
        if reserves is not None:
            by_candidate(self.fields["reserve"], reserves)


class LockForm(forms.Form):
    """The chair's lock: a reason for each constraint the slate breaks (`breaches`: pairs of
    constraint name and its description), none otherwise."""

    def __init__(self, *args, breaches=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.names = {}
        for name, description in breaches:
            field = "because_" + name.replace(":", "_")
            self.names[field] = name
            self.fields[field] = long_text(
                description,
                2000,
                rows=2,
                help_text=_("Your reason for locking the decision all the same."),
                required=False,
            )
            self.fields[field].needed = True  # the lock refuses without it

    def reasons(self) -> dict[str, str]:
        """Constraint name → the chair's reason, as typed."""
        return {name: self.cleaned_data.get(field, "") for field, name in self.names.items()}


class MediaConsentForm(forms.Form):
    """What may be published, asked with the acceptance: nothing is ticked until the laureate
    ticks it (the same words as the laureate's area, where it can change them later)."""

    publish_name = forms.BooleanField(
        label=_("Our organisation's name may be published"), required=False
    )
    publish_logo = forms.BooleanField(label=_("Our logo may be published"), required=False)
    publish_staff_names = forms.BooleanField(
        label=_("Names of our staff may be published"), required=False
    )
    at_risk = forms.BooleanField(
        label=_("We are at risk if named: publish nothing about our organisation or its people"),
        required=False,
    )

    def consent(self) -> MediaConsent:
        return MediaConsent(**self.cleaned_data)
