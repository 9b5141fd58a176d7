"""The support programme for staff: the cohort at a glance, and each laureate's plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from laurel.core.forms import refusals
from laurel.core.permissions import require
from laurel.cycles.queries import cycle_for
from laurel.laureates import queries, services
from laurel.laureates.enums import Rag, SupportArea
from laurel.laureates.forms import MilestoneForm, ObjectiveForm, SessionForm, StatusForm
from laurel.laureates.models import Laureate, Milestone
from laurel.laureates.models.support import in_area_order


@login_required
def overview(request):
    cycle = cycle_for(request, "laureates.manage")
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


def _plan_page(request, laureate: Laureate, *, status: int = 200, **forms):
    """The plan page; a refused form comes back as typed, its message by its field."""
    return render(
        request,
        "laureates/support_plan.html",
        {
            "laureate": laureate,
            "assessments": in_area_order(laureate.assessments.all()),
            "plan": queries.plan_of(laureate),
            "sessions": laureate.sessions.all(),
            "objective_form": ObjectiveForm(),
            "milestone_form": MilestoneForm(objectives=laureate.objectives.all()),
            "session_form": SessionForm(),
            "status_form": StatusForm(),
            **forms,
        },
        status=status,
    )


@login_required
def plan(request, pk: int):
    return _plan_page(request, _laureate(request, pk))


def _done(request, laureate: Laureate, name: str, form, call) -> object:
    """Saved: back to the plan with a message. Refused: the page again with the form as typed
    and why beside the field (nothing typed is lost)."""
    if form.is_valid():
        with refusals(request, form):
            call(form.cleaned_data)
            messages.success(request, _("Saved."))
            return redirect("laureates:support_plan", pk=laureate.pk)
    return _plan_page(request, laureate, status=400, **{name: form})


@login_required
@require_POST
def objective(request, pk: int):
    laureate = _laureate(request, pk)
    return _done(
        request,
        laureate,
        "objective_form",
        ObjectiveForm(request.POST),
        lambda data: services.add_objective(laureate, actor=request.user, **data),
    )


@login_required
@require_POST
def milestone(request, pk: int):
    laureate = _laureate(request, pk)
    return _done(
        request,
        laureate,
        "milestone_form",
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
    form = StatusForm(request.POST, prefix=f"m{target.pk}")
    # One small form per milestone, in the list: its answer comes back as a message.
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
    else:
        with refusals(request):
            services.set_milestone_status(target, actor=request.user, **form.cleaned_data)
            messages.success(request, _("Saved."))
    return redirect("laureates:support_plan", pk=pk)


@login_required
@require_POST
def session(request, pk: int):
    laureate = _laureate(request, pk)
    return _done(
        request,
        laureate,
        "session_form",
        SessionForm(request.POST),
        lambda data: services.log_session(laureate, actor=request.user, **data),
    )
