"""The one way a view asks whether the user may do something (ARCHITECTURE rule 3)."""

from typing import Any

from allauth.account.authentication import get_authentication_records
from django.http import Http404, HttpRequest


def require(user: Any, perm: str, obj: Any = None) -> None:
    """Refuse with 404 what the user may not do: what is out of reach does not exist for them.

    `User.has_perm` asks only django-rules for Laurel's own permissions, so the superuser
    flag does not skip them (finance, conflicts, four eyes)."""
    if not user.has_perm(perm, obj):
        raise Http404


def passed_second_factor(request: HttpRequest) -> bool:
    """Whether this session's sign-in included a second factor, as allauth recorded it: having
    an authenticator is not enough, the session must have used it."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)
