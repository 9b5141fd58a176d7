"""Staff run the committee's register of conflicts (add, correct, remove an entry for any
member) and remind members of missing reviews. Every change is one audited service call."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from laurel.accounts.queries import committee_members
from laurel.core.confirm import confirmation, confirmed
from laurel.core.forms import refusals
from laurel.core.permissions import require
from laurel.cycles.phases import require_phase
from laurel.cycles.queries import cycle_for
from laurel.review import queries, services
from laurel.review.forms import EditConflictForm, RecordConflictForm, member_label
from laurel.review.models import Conflict
from laurel.review.services.reviewing import reminder_plan

PERM = "review.edit_conflict_register"


def _register_url(cycle) -> str:
    return f"{reverse('review:conflicts')}?cycle={cycle.slug}"


def record_form(cycle, data=None) -> RecordConflictForm:
    return RecordConflictForm(
        data,
        members=committee_members(cycle),
        candidates=queries.ready_candidates(cycle),
    )


@login_required
@require_http_methods(["GET", "POST"])
def add(request):
    cycle = cycle_for(request, PERM)
    form = record_form(cycle, request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            with refusals(request, form):
                services.record_conflict(
                    cycle,
                    member=data["member"],
                    candidate=data["candidate"],
                    kind=data["kind"],
                    note=data["note"],
                    actor=request.user,
                )
                messages.success(
                    request,
                    _("The conflict of %(member)s with %(name)s is recorded.")
                    % {"member": member_label(data["member"]), "name": data["candidate"].name},
                )
                return redirect(_register_url(cycle))
    return render(
        request,
        "review/conflict_form.html",
        {"cycle": cycle, "form": form, "conflict": None, "cancel_url": _register_url(cycle)},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    require(request.user, PERM)
    conflict = get_object_or_404(
        Conflict.objects.select_related("cycle", "member", "candidate"), pk=pk
    )
    require(request.user, PERM, conflict.cycle)
    form = EditConflictForm(
        request.POST or None,
        initial={
            "kind": conflict.kind,
            "state": conflict.state if conflict.state != "suggested" else "",
            "note": conflict.note,
        },
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            services.edit_conflict(
                conflict,
                kind=form.cleaned_data["kind"],
                state=form.cleaned_data["state"],
                note=form.cleaned_data["note"],
                actor=request.user,
            )
            messages.success(request, _("The register entry is saved."))
            return redirect(_register_url(conflict.cycle))
    return render(
        request,
        "review/conflict_form.html",
        {
            "cycle": conflict.cycle,
            "form": form,
            "conflict": conflict,
            "cancel_url": _register_url(conflict.cycle),
        },
        status=status,
    )


@login_required
@require_POST
def remove(request, pk: int):
    require(request.user, PERM)
    conflict = get_object_or_404(
        Conflict.objects.select_related("cycle", "member", "candidate"), pk=pk
    )
    require(request.user, PERM, conflict.cycle)
    if not confirmed(request):
        return confirmation(
            request,
            title=_("Remove this entry from the register?"),
            consequences=[
                _("%(member)s is no longer kept away from %(name)s.")
                % {"member": member_label(conflict.member), "name": conflict.candidate.name},
                _("The removal is recorded in the audit log."),
            ],
            button=_("Remove the entry"),
            cancel_url=_register_url(conflict.cycle),
        )
    services.remove_conflict(conflict, actor=request.user)
    messages.success(request, _("The entry is removed from the register."))
    return redirect(_register_url(conflict.cycle))


@login_required
@require_POST
def remind(request):
    """ "Remind now": after a confirmation naming who will be emailed; a member reminded in the
    last hours is left alone, so a double click sends nothing twice."""
    cycle = cycle_for(request, "review.manage_assignment")
    back = f"{reverse('review:progress')}?cycle={cycle.slug}"
    with refusals(request, phase=True) as outcome:
        require_phase(cycle, "review")
    if outcome.refused:
        return redirect(back)
    plan = reminder_plan(cycle)
    if plan.reminded and not confirmed(request, emails=len(plan.reminded)):
        return confirmation(
            request,
            title=_("Remind members of their missing reviews?"),
            consequences=[
                _("Reminded now: %(names)s.")
                % {"names": ", ".join(member_label(m) for m in plan.reminded)},
                *(
                    [
                        _("Not reminded again (reminded in the last 12 hours): %(names)s.")
                        % {"names": ", ".join(member_label(m) for m in plan.recently)}
                    ]
                    if plan.recently
                    else []
                ),
            ],
            emails=len(plan.reminded),
            button=_("Send the reminders"),
            cancel_url=back,
        )
    done = services.remind_missing_reviews(cycle, actor=request.user)
    if done.reminded:
        messages.success(
            request,
            ngettext(
                "Reminded %(count)d member: %(names)s.",
                "Reminded %(count)d members: %(names)s.",
                len(done.reminded),
            )
            % {
                "count": len(done.reminded),
                "names": ", ".join(member_label(m) for m in done.reminded),
            },
        )
    if done.recently:
        messages.info(
            request,
            _("Not reminded again (reminded in the last 12 hours): %(names)s.")
            % {"names": ", ".join(member_label(m) for m in done.recently)},
        )
    if not done.reminded and not done.recently:
        messages.info(request, _("Nobody has reviews missing: no reminder was sent."))
    return redirect(back)
