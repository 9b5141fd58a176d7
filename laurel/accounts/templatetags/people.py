"""{% load people %}: {{ user|person }} names someone as every page does."""

from django import template

from laurel.accounts.names import display_name

register = template.Library()


@register.filter
def person(user) -> str:
    """The full name, or the email address when there is none."""
    return display_name(user)


@register.filter
def people(users) -> str:
    """Several people, by name, separated by commas."""
    return ", ".join(display_name(user) for user in users)
