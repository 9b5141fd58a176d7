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
# The number of emails the confirmation page named, carried to the second post: if more or
# fewer would leave by then (someone prepared the letters again meanwhile), the page is shown
# again with the true number instead of sending what nobody confirmed.
EMAILS = "confirmed_emails"


def confirmed(request: HttpRequest, *, emails: int | None = None) -> bool:
    """The user has seen the confirmation page and chose to go on (and, given `emails`, the
    page they saw named that many emails)."""
    if request.method != "POST" or request.POST.get(CONFIRMED) != "yes":
        return False
    seen = request.POST.get(EMAILS)
    return emails is None or seen is None or seen == str(emails)


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
        if name not in ("csrfmiddlewaretoken", CONFIRMED, EMAILS)
        for value in values
    ]
    if emails is not None:
        carried.append((EMAILS, str(emails)))
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
            # The language switch leads back to where the action started, in the other
            # language (the action's own address may take only POST).
            "language_base": cancel_url,
            "action": action or request.get_full_path(),
            "carried": carried,
        },
    )
