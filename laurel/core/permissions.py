"""The one way a view asks whether the user may do something (ARCHITECTURE rule 3)."""

from typing import Any

from django.http import Http404


def require(user: Any, perm: str, obj: Any = None) -> None:
    """Refuse with 404 what the user may not do: what is out of reach does not exist for them."""
    if not user.has_perm(perm, obj):
        raise Http404
