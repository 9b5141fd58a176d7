from datetime import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from laurel.core.forms import TranslatedTextsMixin, long_text
from laurel.core.texts import working_choices
from laurel.cycles.enums import DATE_FIELDS
from laurel.cycles.models import Benefit, Criterion, Cycle
from laurel.cycles.phases import count_is_open, count_refusal

DATE_LABELS = {
    "nominations_open_at": _("Nominations open"),
    "nominations_close_at": _("Nominations close (the last minute that counts)"),
    "review_open_at": _("Review opens"),
    "review_close_at": _("Review closes"),
    "decision_at": _("Decision announced"),
    "programme_start_at": _("Programme starts"),
    "archive_at": _("Archived"),
}


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class CycleForm(TranslatedTextsMixin, forms.Form):
    translated_fields = [
        ("name", _("Name"), False),
        ("organiser", _("Organiser"), False),
        ("theme", _("Theme"), False),
        ("theme_description", _("Theme description"), True),
        ("background", _("Background"), True),
        ("benefits_intro", _("Introduction to what the laureates receive"), False),
        ("criteria_intro", _("Introduction to the criteria"), True),
        ("closing", _("Closing words"), True),
        ("region", _("Eligible region"), False),
    ]
    laureate_count = forms.IntegerField(label=_("Number of laureates"), min_value=1, max_value=100)
    prize_amount = forms.IntegerField(label=_("Prize per laureate"), min_value=0)

    def __init__(self, *args, cycle: Cycle, **kwargs):
        super().__init__(*args, **kwargs)
        self.cycle = cycle
        self.add_translated_fields(cycle)
        zone = cycle.zone
        for name in DATE_FIELDS:
            self.fields[name] = forms.DateTimeField(
                label=DATE_LABELS[name],
                initial=getattr(cycle, name).astimezone(zone).replace(tzinfo=None),
                widget=LocalDateTimeInput(),
                help_text=_("Local time in %(zone)s.") % {"zone": cycle.time_zone},
            )
        self.fields["laureate_count"].initial = cycle.laureate_count
        self.fields["prize_amount"].initial = cycle.prize_amount
        for code in ("closing", "criteria_intro"):
            for name in list(self.fields):
                if name.startswith(f"{code}_"):
                    self.fields[name].required = False

    def clean(self):
        data = super().clean()
        count = data.get("laureate_count")
        changed = count is not None and count != self.cycle.laureate_count
        if changed and not count_is_open(self.cycle.phase):
            self.add_error("laureate_count", count_refusal())
        zone = self.cycle.zone
        previous: tuple[str, datetime] | None = None
        for name in DATE_FIELDS:
            value: datetime | None = data.get(name)
            if value is None:
                continue
            value = value.replace(tzinfo=zone)
            if name.endswith("close_at") or name == "archive_at":
                value = value.replace(second=59)  # the minute named is the last one that counts
            data[name] = value
            if previous and value <= previous[1]:
                self.add_error(
                    name,
                    _("Must be later than “%(previous)s”.")
                    % {"previous": DATE_LABELS[previous[0]]},
                )
            previous = (name, value)
        return data

    def changes(self) -> dict:
        values = self.translated_values()
        values.update({name: self.cleaned_data[name] for name in DATE_FIELDS})
        values["laureate_count"] = self.cleaned_data["laureate_count"]
        values["prize_amount"] = self.cleaned_data["prize_amount"]
        return values


class CriterionForm(TranslatedTextsMixin, forms.Form):
    translated_fields = [("title", _("Title"), False), ("text", _("Criterion"), True)]
    weight = forms.DecimalField(label=_("Weight"), min_value=0.01, max_value=99, decimal_places=2)

    def __init__(self, *args, criterion: Criterion, **kwargs):
        super().__init__(*args, **kwargs)
        self.criterion = criterion
        self.add_translated_fields(criterion)
        self.fields["weight"].initial = criterion.weight
        for score, label, guidance in criterion.guidance_levels():
            for code, language in working_choices():
                self.fields[f"guidance_{score}_{code}"] = long_text(
                    _("Guidance for score %(score)s, %(label)s (%(language)s)")
                    % {"score": score, "label": label.get(code, ""), "language": language},
                    2000,
                    rows=2,
                    initial=guidance.get(code, ""),
                )

    def changes(self) -> dict:
        values = self.translated_values()
        values["weight"] = self.cleaned_data["weight"]
        values["guidance"] = {
            str(score): {
                code: self.cleaned_data[f"guidance_{score}_{code}"].strip()
                for code, _l in working_choices()
            }
            for score, _label, _guidance in self.criterion.guidance_levels()
        }
        return values


class BenefitForm(TranslatedTextsMixin, forms.Form):
    translated_fields = [("text", _("What the laureates receive"), True)]

    def __init__(self, *args, benefit: Benefit, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_translated_fields(benefit)

    def changes(self) -> dict:
        return self.translated_values()
