"""The staff area's forms for candidates; the organisation's consent form is in `claim`."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from laurel.candidates.enums import (
    BulkAction,
    CandidateState,
    DiligenceArea,
    DiligenceStatus,
    DocumentKind,
    IneligibleReason,
    WorkKind,
)
from laurel.candidates.services.diligence import needs_committee_note
from laurel.core.forms import long_text
from laurel.core.limits import worded
from laurel.core.texts import native_names
from laurel.nominations.uploads import check_upload


class ScreeningForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("eligible", _("Eligible")), ("ineligible", _("Ineligible"))],
        widget=forms.RadioSelect,
    )
    reason = forms.ChoiceField(
        label=_("Why ineligible"),
        choices=[("", "—"), *IneligibleReason.choices],
        required=False,
    )
    note = forms.CharField(label=_("Note for the team"), max_length=500, required=False)

    def clean(self):
        data = super().clean()
        if data.get("decision") == "ineligible" and not data.get("reason"):
            self.add_error("reason", _("Choose why the candidate is ineligible."))
        return data

    @classmethod
    def for_candidate(cls, candidate) -> "ScreeningForm":
        """The form as the candidate stands: a candidate still to screen has no decision
        ticked (the badge says "To screen"; a tick would be a decision nobody made)."""
        decided = candidate.state in (CandidateState.ELIGIBLE, CandidateState.INELIGIBLE)
        return cls(
            initial={
                "decision": candidate.state if decided else None,
                "reason": candidate.ineligible_reason,
                "note": candidate.screening_note,
            }
        )


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Merge this candidate into"),
        queryset=None,
        help_text=_("Its nominations move there; you can undo the merge."),
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets


class NoteForm(forms.Form):
    text = long_text(_("Note"), 4000, rows=3)


class WorkKindsForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=_("Kinds of work"),
        choices=WorkKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The final selection can ask for a spread across these."),
    )


class DiligenceForm(forms.Form):
    """Every area of due diligence in one form with one Save, so that saving one area never
    drops what was typed in another. Per area: the verdict, a note for the committee (shown
    beside the verdict; required when it is not clean) and staff's own note."""

    def __init__(self, *args, checks: dict, **kwargs):
        kwargs.setdefault("auto_id", "diligence_%s")
        super().__init__(*args, **kwargs)
        for area in DiligenceArea.values:
            check = checks.get(area)
            self.fields[f"{area}-status"] = forms.ChoiceField(
                label=_("Verdict"),
                choices=DiligenceStatus.choices,
                initial=check.status if check else DiligenceStatus.NOT_STARTED,
            )
            self.fields[f"{area}-committee_note"] = long_text(
                _("Note for the committee"),
                2000,
                rows=2,
                required=False,
                initial=check.committee_note if check else "",
                help_text=_(
                    "Shown to the committee beside the verdict. Required when the verdict is "
                    "a concern."
                ),
            )
            self.fields[f"{area}-notes"] = long_text(
                _("Note for the secretariat only"),
                4000,
                rows=2,
                required=False,
                initial=check.notes if check else "",
                help_text=_("What was checked and found. The committee never sees it."),
            )
        self.checks = checks

    def clean(self):
        data = super().clean()
        for area in DiligenceArea.values:
            status = data.get(f"{area}-status")
            if needs_committee_note(status) and not data.get(f"{area}-committee_note", "").strip():
                self.add_error(
                    f"{area}-committee_note",
                    _("Say what the concern is: the committee reads this beside the verdict."),
                )
        return data

    def parts(self) -> list[dict]:
        """What the page shows per area: its label, its fields, who last saved it."""
        return [
            {
                "area": area,
                "label": DiligenceArea(area).label,
                "check": self.checks.get(area),
                "fields": [
                    self[f"{area}-{name}"] for name in ("status", "committee_note", "notes")
                ],
            }
            for area in DiligenceArea.values
        ]

    def submitted_parts(self) -> dict[str, dict[str, str]]:
        return {
            area: {
                name: self.cleaned_data[f"{area}-{name}"]
                for name in ("status", "committee_note", "notes")
            }
            for area in DiligenceArea.values
        }


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices)
    document = forms.FileField(
        label=worded(_("Document (PDF, DOCX or ODT, at most %(size)s MB)")),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt"}),
    )

    def clean_document(self):
        upload = self.cleaned_data["document"]
        self.checked = check_upload(upload)  # ValidationError says what is wrong
        return upload


class CommitteeVersionForm(forms.Form):
    """One text area per free text of the nomination, for what the committee will read, each
    with an optional translation into one of the award's working languages."""

    TRANSLATION = "translation_"

    def __init__(
        self,
        *args,
        labels: dict[str, str],
        initial_texts: dict[str, str],
        translations: dict[str, dict],
        languages: list[str],
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.text_names = list(labels)
        given = [value.get("into") for value in translations.values()]
        self.fields["translated_into"] = forms.ChoiceField(
            label=_("Translations into"),
            required=False,
            choices=native_names(languages),
            initial=given[0] if given else ("en" if "en" in languages else languages[0]),
            help_text=_(
                "A text written in a language the committee may not read can be given a "
                "translation: the committee reads it beside the text, marked as yours."
            ),
        )
        for name, label in labels.items():
            self.fields[name] = forms.CharField(
                label=label,
                required=False,
                initial=initial_texts.get(name, ""),
                widget=forms.Textarea(attrs={"rows": 6}),
            )
            self.fields[f"{self.TRANSLATION}{name}"] = long_text(
                _("Its translation (optional)"),
                20000,
                rows=4,
                required=False,
                initial=translations.get(name, {}).get("text", ""),
            )

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in self.text_names}

    def translations(self) -> dict[str, str]:
        return {name: self.cleaned_data[f"{self.TRANSLATION}{name}"] for name in self.text_names}


class InviteOrganisationForm(forms.Form):
    email = forms.EmailField(label=_("The organisation's contact email"))
    # The organisation reads the invitation and its consent page in any public language.
    language = forms.ChoiceField(
        label=_("Language of the email"), choices=native_names(settings.PUBLIC_LANGUAGES)
    )
    deadline = forms.DateField(
        label=_("Answer by"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Reminders go a week and two days before."),
    )


class ContactForm(forms.Form):
    """The contact staff keep: whom the organisation's letters go to, in which language."""

    def __init__(self, *args, **kwargs):
        # The candidate's page holds other forms with an email field: ids of its own.
        kwargs.setdefault("auto_id", "contact_%s")
        super().__init__(*args, **kwargs)

    name = forms.CharField(label=_("Contact person"), max_length=150, required=False)
    email = forms.EmailField(label=_("Contact email"), required=False)
    language = forms.ChoiceField(
        label=_("Language for letters"),
        choices=[
            ("", _("Not chosen: from its country or its nominations")),
            *native_names(settings.PUBLIC_LANGUAGES),
        ],
        required=False,
    )


class BulkForm(forms.Form):
    """The list's bulk action: the candidates ticked, or every one on the page ("select all
    on this page" works without JavaScript: the page's ids come with the form)."""

    action = forms.ChoiceField(label=_("With the chosen candidates"), choices=BulkAction.choices)
    reason = forms.ChoiceField(
        label=_("Why ineligible (for all of them)"),
        choices=[("", "—"), *IneligibleReason.choices],
        required=False,
    )
    candidate = forms.TypedMultipleChoiceField(coerce=int, required=False)
    on_page = forms.TypedMultipleChoiceField(coerce=int, required=False)
    all_on_page = forms.BooleanField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any whole number is a choice; the service keeps only the cycle's own candidates.
        ids = [(v, v) for v in self.data.getlist("candidate") + self.data.getlist("on_page")]
        for name in ("candidate", "on_page"):
            self.fields[name].choices = [(v, v) for v, _label in ids if str(v).isdigit()]

    def clean(self):
        data = super().clean()
        if data.get("action") == BulkAction.INELIGIBLE and not data.get("reason"):
            self.add_error("reason", _("Choose why the candidates are ineligible."))
        if not self.chosen():
            raise ValidationError(_("Tick at least one candidate."))
        return data

    def chosen(self) -> list[int]:
        data = getattr(self, "cleaned_data", {})
        ids = data.get("on_page") if data.get("all_on_page") else data.get("candidate")
        return sorted(set(ids or []))
