"""The retention periods as the public privacy notice states them: generated from the policy
file (config/retention.toml) so the notice stays true when the policy changes."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext

from laurel.privacy.policy import ANONYMISE, rules

register = template.Library()


def whole_years(days: int) -> int | None:
    """The number of years when a period is a whole number of them (365 days a year, a day
    more for each leap year it may span): nobody reads "2,557 days" as seven years."""
    years = round(days / 365.25)
    if years >= 1 and abs(days - years * 365.25) <= 1.5:
        return years
    return None


def period(rule) -> str:
    """One rule in a sentence: "Deleted 90 days after their last change."."""
    event = str(rule.category.event)
    if rule.days is None:
        return gettext("Deleted on %(event)s.") % {"event": event}
    years = whole_years(rule.days)
    if years:
        if rule.action == ANONYMISE:
            text = ngettext(
                "Anonymised %(years)s year after %(event)s: what identifies a person is removed.",
                "Anonymised %(years)s years after %(event)s: what identifies a person is removed.",
                years,
            )
        else:
            text = ngettext(
                "Deleted %(years)s year after %(event)s.",
                "Deleted %(years)s years after %(event)s.",
                years,
            )
        return text % {"years": years, "event": event}
    if rule.action == ANONYMISE:
        text = ngettext(
            "Anonymised %(days)s day after %(event)s: what identifies a person is removed.",
            "Anonymised %(days)s days after %(event)s: what identifies a person is removed.",
            rule.days,
        )
    else:
        text = ngettext(
            "Deleted %(days)s day after %(event)s.",
            "Deleted %(days)s days after %(event)s.",
            rule.days,
        )
    days = number_format(rule.days, force_grouping=True)
    return text % {"days": days, "event": event}


@register.simple_tag
def retention_periods() -> list[tuple[str, str]]:
    """(what is kept, how long and what then) for every category of the policy."""
    return [(str(rule.category.label), period(rule)) for rule in rules().values()]
