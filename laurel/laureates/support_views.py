"""The support programme for staff: the cohort at a glance, and each laureate's plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from laurel.core.permissions import require
from laurel.cycles.queries import requested_staff_cycle
from laurel.laureates import queries, services
from laurel.laureates.enums import Rag, SupportArea
from laurel.laureates.forms import MilestoneForm, ObjectiveForm, SessionForm, StatusForm
from laurel.laureates.models import Laureate, Milestone


@login_required
def overview(request):
    require(request.user, "laureates.manage")
    cycle = requested_staff_cycle(request, "laureates.manage")
    return render(
        request,
        "laureates/support_overview.html",
        {
            "cycle": cycle,
            "rows": queries.support_overview(cycle),
            "areas": SupportArea.choices,
            "statuses": Rag.choices,
        },
    )


def _laureate(request, pk: int) -> Laureate:
    require(request.user, "laureates.manage")
    return get_object_or_404(Laureate.objects.select_related("candidate"), pk=pk)


@login_required
def plan(request, pk: int):
    laureate = _laureate(request, pk)
    return render(
        request,
        "laureates/support_plan.html",
        {
            "laureate": laureate,
            "assessments": laureate.assessments.all(),
            "plan": queries.plan_of(laureate),
            "sessions": laureate.sessions.all(),
            "objective_form": ObjectiveForm(),
            "milestone_form": MilestoneForm(objectives=laureate.objectives.all()),
            "session_form": SessionForm(),
            "status_form": StatusForm(),
        },
    )


def _done(request, pk: int, form, call) -> object:
    if not form.is_valid():
        messages.error(request, _("Fill in every field that is needed."))
    else:
        try:
            call(form.cleaned_data)
        except services.SupportError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Saved."))
    return redirect("laureates:support_plan", pk=pk)


@login_required
@require_POST
def objective(request, pk: int):
    laureate = _laureate(request, pk)
    return _done(
        request,
        pk,
        ObjectiveForm(request.POST),
        lambda data: services.add_objective(laureate, actor=request.user, **data),
    )


@login_required
@require_POST
def milestone(request, pk: int):
    laureate = _laureate(request, pk)
    return _done(
        request,
        pk,
        MilestoneForm(request.POST, objectives=laureate.objectives.all()),
        lambda data: services.add_milestone(
            data["objective"], title=data["title"], due_on=data["due_on"], actor=request.user
        ),
    )


@login_required
@require_POST
def status(request, pk: int, milestone_pk: int):
    laureate = _laureate(request, pk)
    target = get_object_or_404(Milestone, pk=milestone_pk, objective__laureate=laureate)
    return _done(
        request,
        pk,
        StatusForm(request.POST, prefix=f"m{target.pk}"),
        lambda data: services.set_milestone_status(target, actor=request.user, **data),
    )


@login_required
@require_POST
def session(request, pk: int):
    laureate = _laureate(request, pk)
    return _done(
        request,
        pk,
        SessionForm(request.POST),
        lambda data: services.log_session(laureate, actor=request.user, **data),
    )
