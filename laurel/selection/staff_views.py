"""Leading the selection (staff and the chair): the shortlist, the meeting, rounds of votes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from laurel.accounts.queries import committee_members
from laurel.core.confirm import confirmation, confirmed
from laurel.core.forms import refusals
from laurel.core.permissions import require
from laurel.cycles.queries import cycle_for
from laurel.review.queries import conflicted_candidates, results_for
from laurel.selection import pages, queries, services
from laurel.selection.enums import RoundState
from laurel.selection.forms import (
    GoForm,
    MoveForm,
    OpenRoundForm,
    RecordForm,
    ShortlistForm,
    ShortlistManyForm,
)
from laurel.selection.models import ShortlistEntry, VotingRound


def _entry(request, pk: int) -> ShortlistEntry:
    entry = get_object_or_404(ShortlistEntry.objects.select_related("cycle", "candidate"), pk=pk)
    require(request.user, "selection.lead", entry.cycle)
    return entry


@login_required
def home(request):
    cycle = cycle_for(request, "selection.follow")
    if not request.user.has_perm("selection.lead", cycle):
        return redirect("selection:meeting")  # members follow the meeting
    # A leader sees nothing of a candidate they have a conflict with: no scores, no notes.
    rows, _combined, _emails, _reviews = results_for(request.user, cycle)
    lists = queries.shortlist_by_kind(cycle)
    on_list = {e.candidate_id: e.kind for entries in lists.values() for e in entries}
    shortlisted = queries.selectable(cycle).filter(pk__in=on_list)
    return render(
        request,
        "selection/home.html",
        {
            "cycle": cycle,
            "rows": rows,
            "lists": lists,
            "on_list": on_list,
            "selectable": set(queries.selectable(cycle).values_list("pk", flat=True)),
            "round_form": OpenRoundForm(candidates=shortlisted),
            "rounds": queries.rounds(cycle),
            "decision": queries.decision_of(cycle),
            "hidden": conflicted_candidates(request.user, cycle),
        },
    )


@login_required
@require_POST
def shortlist(request):
    cycle = cycle_for(request, "selection.lead")
    form = ShortlistForm(request.POST, candidates=queries.selectable(cycle))
    if not form.is_valid():
        messages.error(request, _("Choose an eligible candidate and a list."))
        return redirect("selection:home")
    with refusals(request):
        services.shortlist_candidate(
            form.cleaned_data["candidate"],
            kind=form.cleaned_data["kind"],
            note=form.cleaned_data["note"],
            actor=request.user,
        )
        messages.success(
            request, _("%(name)s is on the list.") % {"name": form.cleaned_data["candidate"].name}
        )
    return redirect("selection:home")


@login_required
@require_POST
def shortlist_many(request):
    """The candidates ticked in the results table onto the shortlist or the reserve at once,
    in the results' order; what was skipped is named with the reason."""
    cycle = cycle_for(request, "selection.lead")
    form = ShortlistManyForm(request.POST, candidates=queries.selectable(cycle))
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(f"{reverse('selection:home')}#results")
    ticked = {c.pk for c in form.cleaned_data["candidates"]}
    rows, *_rest = results_for(request.user, cycle)
    ordered = [row["candidate"] for row in rows if row["candidate"].pk in ticked]
    placed, skipped = services.shortlist_many(
        ordered, kind=form.cleaned_data["kind"], actor=request.user
    )
    if placed:
        messages.success(
            request,
            ngettext(
                "%(count)d candidate added to the list: %(names)s.",
                "%(count)d candidates added to the list: %(names)s.",
                len(placed),
            )
            % {"count": len(placed), "names": ", ".join(c.name for c in placed)},
        )
    for candidate, why in skipped:
        messages.warning(
            request, _("%(name)s was not added: %(why)s") % {"name": candidate.name, "why": why}
        )
    return redirect(f"{reverse('selection:home')}#results")


@login_required
@require_POST
def move(request, pk: int):
    entry = _entry(request, pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        with refusals(request):
            services.move_entry(entry, offset=form.cleaned_data["offset"], actor=request.user)
    return redirect("selection:home")


@login_required
@require_POST
def remove(request, pk: int):
    entry = _entry(request, pk)
    with refusals(request):
        services.unshortlist(entry, actor=request.user)
        messages.success(request, _("%(name)s is off the list.") % {"name": entry.candidate.name})
    return redirect("selection:home")


@login_required
@require_POST
def go(request):
    cycle = cycle_for(request, "selection.lead")
    form = GoForm(request.POST)
    entry = None
    if form.is_valid() and form.cleaned_data["entry"]:
        entry = get_object_or_404(ShortlistEntry, pk=form.cleaned_data["entry"], cycle=cycle)
    services.go_to(cycle, entry=entry, actor=request.user)
    return redirect("selection:meeting")


@login_required
@require_POST
def record_discussion(request, pk: int):
    entry = _entry(request, pk)
    form = RecordForm(request.POST, members=committee_members(entry.cycle))
    if not form.is_valid():
        return _refused_record(request, entry, form, status=400)
    with refusals(request, form):
        services.record_discussion(
            entry,
            arguments=form.cleaned_data["arguments"],
            outcome=form.cleaned_data["outcome"],
            recused=list(form.cleaned_data["recused"]),
            actor=request.user,
        )
        messages.success(request, _("The record is saved."))
        return redirect("selection:meeting")
    return _refused_record(request, entry, form, status=409)


def _refused_record(request, entry, form, *, status: int):
    """The meeting page again, the arguments as typed and the error beside its field; if the
    chair has moved on from this candidate meanwhile, the page as it is, saying why."""
    if queries.meeting_of(entry.cycle).current_id != entry.pk:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("selection:meeting")
    context = pages.meeting_page(request.user, entry.cycle, record_form=form)
    return render(request, "selection/meeting.html", context, status=status)


@login_required
@require_POST
def open_round(request):
    cycle = cycle_for(request, "selection.lead")
    shortlisted = queries.selectable(cycle).filter(shortlisting__isnull=False)
    form = OpenRoundForm(request.POST, candidates=shortlisted)
    if not form.is_valid():
        messages.error(request, _("Choose the kind of ballot and at least two candidates."))
        return redirect("selection:home")
    with refusals(request):
        round_ = services.open_round(
            cycle,
            method=form.cleaned_data["method"],
            topic=form.cleaned_data["topic"],
            secret=form.cleaned_data["secret"],
            candidates=list(form.cleaned_data["candidates"]),
            actor=request.user,
        )
        messages.success(request, _("Round %(number)d is open.") % {"number": round_.number})
        return redirect("selection:round", pk=round_.pk)
    return redirect("selection:home")


@login_required
@require_POST
def close_round(request, pk: int):
    round_ = get_object_or_404(VotingRound.objects.select_related("cycle"), pk=pk)
    require(request.user, "selection.lead", round_.cycle)
    if not confirmed(request) and round_.state == RoundState.OPEN:
        voted, not_voted = queries.turnout(round_)
        return confirmation(
            request,
            title=_("Close round %(number)d?") % {"number": round_.number},
            consequences=[
                ngettext("%(count)d member has voted.", "%(count)d members have voted.", voted)
                % {"count": voted},
                ngettext(
                    "%(count)d member has not voted and cannot vote once it is closed.",
                    "%(count)d members have not voted and cannot vote once it is closed.",
                    not_voted,
                )
                % {"count": not_voted},
                _("Closing counts the votes and shows the result to the committee."),
            ],
            irreversible=True,
            button=_("Close the round and count"),
            cancel_url=reverse("selection:round", args=[round_.pk]),
        )
    with refusals(request):
        services.close_round(round_, actor=request.user)
    return redirect("selection:round", pk=pk)
