from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from laurel.core.permissions import require
from laurel.cycles import services
from laurel.cycles.forms import BenefitForm, CriterionForm, CycleForm
from laurel.cycles.models import Benefit, Criterion, Cycle
from laurel.cycles.queries import dashboard_counts, staff_cycles, with_call_content


@login_required
def dashboard(request):
    require(request.user, "staff.view_area")
    cycles = staff_cycles()
    cycle = cycles.filter(slug=request.GET.get("cycle", "")).first() or cycles.first()
    return render(
        request,
        "cycles/dashboard.html",
        {"cycle": cycle, "cycles": cycles, "counts": dashboard_counts(cycle)},
    )


@login_required
def cycle_detail(request, slug: str):
    cycle = get_object_or_404(with_call_content(Cycle.objects.all()), slug=slug)
    require(request.user, "cycles.view_cycle", cycle)
    return render(request, "cycles/cycle_detail.html", {"cycle": cycle})


@login_required
@require_http_methods(["GET", "POST"])
def cycle_edit(request, slug: str):
    cycle = get_object_or_404(Cycle, slug=slug)
    require(request.user, "cycles.change_cycle", cycle)
    form = CycleForm(request.POST or None, cycle=cycle)
    if request.method == "POST" and form.is_valid():
        changed = services.update_cycle(cycle, actor=request.user, changes=form.changes())
        messages.success(request, _("Saved.") if changed else _("Nothing was changed."))
        return redirect("staff:cycle", slug=cycle.slug)
    return render(request, "cycles/cycle_edit.html", {"cycle": cycle, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def criterion_edit(request, slug: str, number: int):
    criterion = get_object_or_404(
        Criterion.objects.select_related("cycle"), cycle__slug=slug, number=number
    )
    require(request.user, "cycles.change_cycle", criterion.cycle)
    form = CriterionForm(request.POST or None, criterion=criterion)
    if request.method == "POST" and form.is_valid():
        changed = services.update_criterion(criterion, actor=request.user, changes=form.changes())
        messages.success(request, _("Saved.") if changed else _("Nothing was changed."))
        return redirect("staff:cycle", slug=slug)
    return render(
        request,
        "cycles/criterion_edit.html",
        {"criterion": criterion, "cycle": criterion.cycle, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def benefit_edit(request, slug: str, number: int):
    benefit = get_object_or_404(
        Benefit.objects.select_related("cycle"), cycle__slug=slug, number=number
    )
    require(request.user, "cycles.change_cycle", benefit.cycle)
    form = BenefitForm(request.POST or None, benefit=benefit)
    if request.method == "POST" and form.is_valid():
        changed = services.update_benefit(benefit, actor=request.user, changes=form.changes())
        messages.success(request, _("Saved.") if changed else _("Nothing was changed."))
        return redirect("staff:cycle", slug=slug)
    return render(
        request,
        "cycles/benefit_edit.html",
        {"benefit": benefit, "cycle": benefit.cycle, "form": form},
    )
