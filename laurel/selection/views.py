"""The committee in the selection: following the meeting, and voting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from laurel.accounts.queries import committee_members
from laurel.core.forms import refuse
from laurel.core.permissions import require
from laurel.cycles.queries import cycle_for
from laurel.review.queries import results
from laurel.selection import queries, services
from laurel.selection.enums import RoundState
from laurel.selection.forms import BallotForm, RecordForm
from laurel.selection.models import VotingRound


def _current(request, cycle) -> dict:
    """What a screen shows of the meeting's current candidate (nothing of it on a conflict),
    and the rounds open for votes."""
    meeting = queries.meeting_of(cycle)
    entry = meeting.current
    hidden = queries.conflicted_candidates(request.user, cycle)
    conflicted = entry is not None and entry.candidate_id in hidden
    score = None
    if entry is not None and not conflicted:
        rows, _combined, _emails, _reviews = results(cycle)
        score = next((r["result"] for r in rows if r["candidate"].pk == entry.candidate_id), None)
    open_rounds = queries.open_rounds(cycle)
    voted = queries.voted_in(request.user, open_rounds)
    return {
        "cycle": cycle,
        "meeting": meeting,
        "entry": None if conflicted else entry,
        "conflicted": conflicted,
        "hidden": hidden,
        "score": score,
        "open_rounds": [(r, r.pk in voted) for r in open_rounds],
        "version": queries.meeting_version(meeting, open_rounds, voted),
    }


@login_required
def meeting(request):
    cycle = cycle_for(request, "selection.follow")
    context = _current(request, cycle)
    leads = request.user.has_perm("selection.lead", cycle)
    # A leader with a conflict is conflicted like anyone: no record of that item, not even
    # prefilled in the form (staff lead it).
    entry = None if context["conflicted"] else context["meeting"].current
    agenda = list(queries.shortlist(cycle)) if leads else []
    if leads and entry is not None:
        known = queries.conflicted_members(cycle).get(entry.candidate_id, set())
        context["record_form"] = RecordForm(
            members=committee_members(cycle),
            initial={
                "arguments": entry.arguments,
                "outcome": entry.outcome,
                # Members with a known conflict are ticked until the record says otherwise.
                "recused": sorted({u.pk for u in entry.recused.all()} | known)
                if entry.recorded_at is None
                else [u.pk for u in entry.recused.all()],
            },
        )
        context["known_conflicts"] = bool(known)
    previous, following = queries.neighbours(agenda, context["meeting"].current)
    context |= {
        "current_entry": entry,
        "shortlist": agenda,
        "previous": previous,
        "next": following,
    }
    return render(request, "selection/meeting.html", context)


@login_required
def meeting_current(request):
    """The part of the meeting page that follows the chair (polled by htmx). Nothing changed
    since the version the screen shows: 204, and htmx leaves the screen as it is."""
    cycle = cycle_for(request, "selection.follow")
    context = _current(request, cycle)
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
            try:
                services.cast_ballot(
                    round_, voter=request.user, ranks=form.ranks(), actor=request.user
                )
            except services.SelectionError as error:
                refuse(request, error)
                status = 409
            else:
                messages.success(request, _("Your vote is counted. Thank you."))
                return redirect("selection:round", pk=pk)
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
