"""The public pages around the call: the call itself and the privacy notice."""

from django.conf import settings
from django.shortcuts import render

from laurel.core.language import public_page
from laurel.cycles.queries import public_cycle


@public_page
def call_page(request):
    """The public call for nominations of the current award."""
    cycle = public_cycle()
    if cycle is None:
        return render(request, "nominations/no_call.html")
    return render(
        request,
        "nominations/call.html",
        {"cycle": cycle, "confirm_days": settings.NOMINATION_CONFIRM_DAYS},
    )


@public_page
def privacy(request):
    return render(request, "nominations/privacy.html", {"cycle": public_cycle()})
