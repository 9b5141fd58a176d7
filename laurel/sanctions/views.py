"""The sanctions screening pages: the queue of hits and the decision on one."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

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
