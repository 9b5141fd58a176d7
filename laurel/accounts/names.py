"""How a person is named on every page and in every file: their full name, or their email
address when they have given no name."""

from collections.abc import Iterable

from laurel.accounts.models import User


def display_name(user) -> str:
    """The full name, falling back to the email address ("" for nobody)."""
    if user is None:
        return ""
    return (user.full_name or "").strip() or user.email


def names_by_id(user_ids: Iterable[int]) -> dict[int, str]:
    """{user id: display name} for the ids given, in one query."""
    ids = set(user_ids)
    if not ids:
        return {}
    return {
        pk: (full_name or "").strip() or email
        for pk, full_name, email in User.objects.filter(pk__in=ids).values_list(
            "pk", "full_name", "email"
        )
    }
