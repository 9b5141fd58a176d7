"""The second step before an action that emails people outside the secretariat or cannot be
undone: the action's own form posts once, gets a page naming the consequences, and posts again
with `confirmed`. Without JavaScript, with Back, with a reload: nothing happens until the second
post. Views stay boring:

    if not confirmed(request):
        return confirmation(request, title=..., consequences=[...], emails=n, button=...)
"""

from collections.abc import Sequence

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

CONFIRMED = "confirmed"


def confirmed(request: HttpRequest) -> bool:
    """The user has seen the confirmation page and chose to go on."""
    return request.method == "POST" and request.POST.get(CONFIRMED) == "yes"


def confirmation(
    request: HttpRequest,
    *,
    title: str,
    consequences: Sequence[str],
    button: str,
    cancel_url: str,
    emails: int | None = None,
    irreversible: bool = False,
    action: str = "",
) -> HttpResponse:
    """The confirmation page: what will happen, how many emails will leave, and the same form
    again (every field the first post carried, hidden) with `confirmed=yes`."""
    carried = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in ("csrfmiddlewaretoken", CONFIRMED)
        for value in values
    ]
    return render(
        request,
        "core/confirm.html",
        {
            "title": title,
            "consequences": consequences,
            "emails": emails,
            "irreversible": irreversible,
            "button": button,
            "cancel_url": cancel_url,
            "action": action or request.get_full_path(),
            "carried": carried,
        },
    )
