"""The retention periods as the public privacy notice states them: generated from the policy
file (config/retention.toml) so the notice stays true when the policy changes."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext

from laurel.privacy.policy import ANONYMISE, rules

register = template.Library()


def period(rule) -> str:
    """One rule in a sentence: "Deleted 90 days after their last change."."""
    event = str(rule.category.event)
    if rule.days is None:
        return gettext("Deleted on %(event)s.") % {"event": event}
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
