"""The sanctions screening pages: the queue of hits and the decision on one."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from laurel.core.confirm import confirmation, confirmed
from laurel.core.forms import refusals
from laurel.core.permissions import require
from laurel.sanctions import queries
from laurel.sanctions.enums import HitState
from laurel.sanctions.forms import DecisionForm
from laurel.sanctions.models import Hit
from laurel.sanctions.services import screening


@login_required
def queue(request):
    require(request.user, "sanctions.view_screening")
    return render(
        request,
        "sanctions/queue.html",
        {
            "hits": queries.queue(),
            "ages": queries.list_ages(),
            "max_age": settings.SANCTIONS_LIST_MAX_AGE_DAYS,
            "HitState": HitState,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def hit(request, pk: int):
    require(request.user, "sanctions.view_screening")
    try:
        found = queries.hit_with_entry(pk)
    except Hit.DoesNotExist:
        raise Http404 from None
    form = DecisionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        require(request.user, "sanctions.decide_hit")
        status = 400
        if not found.screening.current:
            # A page open from before an import (or a re-screen): its hit counts no more, and
            # a decision on it would stand in the record as if it had.
            form.add_error(None, screening.REPLACED)
            status = 409
        elif form.is_valid():
            if _final(found, form.cleaned_data["clear"]) and not confirmed(request):
                return _confirm_decision(request, found, clear=form.cleaned_data["clear"])
            with refusals(request, form):
                decided = screening.decide(
                    found,
                    clear=form.cleaned_data["clear"],
                    reason=form.cleaned_data["reason"],
                    actor=request.user,
                )
                messages.success(
                    request, _("Decided: %(state)s.") % {"state": decided.get_state_display()}
                )
                return redirect("sanctions:queue")
    return render(
        request,
        "sanctions/hit.html",
        {
            "hit": found,
            "form": form,
            # The first to clear a strong hit waits for another (the service refuses them); a
            # hit of a screening replaced since is decided no more.
            "may_decide": request.user.has_perm("sanctions.decide_hit")
            and found.first_cleared_by_id != request.user.pk
            and found.screening.current,
            "newer": [] if found.screening.current else queries.newest_hits(found),
            "HitState": HitState,
        },
        status=status,
    )


def _final(found: Hit, clear: bool) -> bool:
    """Whether the decision is the last word on the hit: a confirmation, or a clearing that
    needs no second member of staff (a first clearing of a strong hit waits for one)."""
    return not clear or not found.strong or found.state == HitState.AWAITING_SECOND


def _confirm_decision(request, found: Hit, *, clear: bool):
    """A final decision is asked again first, naming what it does (laurel.core.confirm): a
    misclick would otherwise let a listed payee be paid, or hold a namesake's prize."""
    entry = f"{found.listed_name} ({found.entry.snapshot.get_source_display()}, "
    entry += f"{found.entry.reference})"
    if clear:
        title = _("Clear the hit as a false match?")
        consequences = [
            _("%(name)s is recorded as not being %(entry)s, with your reason.")
            % {"name": found.screening.name, "entry": entry},
            _(
                "The hit no longer holds the payment. It stays cleared at each new list while "
                "the name and the list entry stay as they are."
            ),
        ]
        button = _("Clear the hit")
    else:
        title = _("Confirm the hit?")
        consequences = [
            _("%(name)s is recorded as being %(entry)s, with your reason.")
            % {"name": found.screening.name, "entry": entry},
            _(
                "No payment to this payee can be approved while it stands. The next list "
                "imported opens the hit again for a fresh decision."
            ),
        ]
        button = _("Confirm the hit")
    return confirmation(
        request,
        title=title,
        consequences=consequences,
        button=button,
        cancel_url=reverse("sanctions:hit", args=[found.pk]),
        irreversible=clear,
    )
