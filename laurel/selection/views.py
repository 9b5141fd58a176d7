"""The committee in the selection: following the meeting, and voting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from laurel.core.forms import refusals
from laurel.core.permissions import require
from laurel.cycles.queries import cycle_for
from laurel.selection import pages, queries, services
from laurel.selection.enums import RoundState
from laurel.selection.forms import BallotForm
from laurel.selection.models import VotingRound


@login_required
def meeting(request):
    cycle = cycle_for(request, "selection.follow")
    return render(request, "selection/meeting.html", pages.meeting_page(request.user, cycle))


@login_required
def meeting_current(request):
    """The part of the meeting page that follows the chair (polled by htmx). Nothing changed
    since the version the screen shows: 204, and htmx leaves the screen as it is."""
    cycle = cycle_for(request, "selection.follow")
    context = pages.meeting_current(request.user, cycle)
    if request.GET.get("seen") == context["version"]:
        return HttpResponse(status=204)
    return render(request, "selection/meeting.html#current", context)


@login_required
@require_http_methods(["GET", "POST"])
def round_page(request, pk: int):
    round_ = get_object_or_404(VotingRound.objects.select_related("cycle"), pk=pk)
    cycle = round_.cycle
    # Everyone who follows the meeting reads the round; only the committee casts a ballot.
    require(
        request.user,
        "selection.take_part" if request.method == "POST" else "selection.follow",
        cycle,
    )
    conflicts = queries.conflicted_candidates(request.user, cycle)
    candidates = list(round_.candidates.order_by("name"))
    voted = round_.receipts.filter(voter=request.user).exists()
    form = BallotForm(
        request.POST or None,
        round_=round_,
        candidates=[c for c in candidates if c.pk not in conflicts],
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            with refusals(request):
                services.cast_ballot(
                    round_, voter=request.user, ranks=form.ranks(), actor=request.user
                )
                messages.success(request, _("Your vote is counted. Thank you."))
                return redirect("selection:round", pk=pk)
            status = 409
        else:
            status = 400
    names = {c.pk: c for c in candidates}
    return render(
        request,
        "selection/round.html",
        {
            "cycle": cycle,
            "round": round_,
            "form": form,
            "ballot_open": not voted and round_.state == RoundState.OPEN,
            "voted": voted,
            "conflicts": [c for c in candidates if c.pk in conflicts],
            "rows": [
                {**row, "name": names[row["candidate"]].name}
                for row in round_.result.get("rows", [])
            ],
            "ballots": [
                (
                    ballot.voter,
                    # Nothing of how anyone voted on a candidate the reader is conflicted on.
                    sorted(
                        (rank, names[int(pk)].name)
                        for pk, rank in ballot.ranks.items()
                        if int(pk) not in conflicts
                    ),
                )
                for ballot in queries.open_ballots(round_)
            ]
            if round_.state == RoundState.CLOSED and not round_.secret
            else [],
            "names": names,
        },
        status=status,
    )
