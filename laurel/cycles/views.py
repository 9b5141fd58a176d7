from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from laurel.core.confirm import confirmation, confirmed
from laurel.core.forms import refusals
from laurel.core.permissions import require
from laurel.core.templatetags.laurel import tr
from laurel.cycles import phases, services
from laurel.cycles.award_toml import questions_toml
from laurel.cycles.definition import DefinitionError, as_written
from laurel.cycles.enums import Phase
from laurel.cycles.forms import AUDIENCES, BenefitForm, CriterionForm, CycleForm, QuestionForm
from laurel.cycles.models import Benefit, Criterion, Cycle
from laurel.cycles.queries import (
    dashboard_counts,
    dashboard_news,
    staff_cycles,
    with_call_content,
)


@login_required
def dashboard(request):
    require(request.user, "staff.view_area")
    cycles = staff_cycles()
    cycle = cycles.filter(slug=request.GET.get("cycle", "")).first() or cycles.first()
    return render(
        request,
        "cycles/dashboard.html",
        {
            "cycle": cycle,
            "cycles": cycles,
            "counts": dashboard_counts(cycle),
            "news": dashboard_news(cycle),
            "phase": phases.panel(cycle) if cycle else None,
        },
    )


@login_required
@require_POST
def move_phase(request, slug: str):
    """Staff move the cycle to its next phase (or back one safe step), after a confirmation
    that names what is still open."""
    cycle = get_object_or_404(Cycle, slug=slug)
    require(request.user, "cycles.move_phase", cycle)
    back = f"{reverse('staff:dashboard')}?cycle={cycle.slug}"
    to = request.POST.get("to", "")
    if to not in Phase.values or not phases.may_move(cycle.phase, to):
        messages.error(request, _("The cycle cannot move there from its current phase."))
        return redirect(back)
    to = Phase(to)
    if not confirmed(request):
        open_items = phases.still_open(cycle, to)
        # Each label starts a list item on the dashboard; inside this sentence it goes lower case.
        allowed = [
            str(rule.label)[:1].lower() + str(rule.label)[1:]
            for rule in phases.ACTIONS.values()
            if to in rule.phases
        ]
        return confirmation(
            request,
            title=_("Move %(cycle)s to “%(phase)s”?")
            % {"cycle": tr(cycle.name), "phase": to.label},
            consequences=[
                _("Only what “%(phase)s” allows can be done from then on: %(actions)s.")
                % {"phase": to.label, "actions": "; ".join(str(a) for a in allowed) or "—"},
                *(
                    [_("Still open: %(items)s") % {"items": " ".join(open_items)}]
                    if open_items
                    else [_("Nothing is left open in the current phase.")]
                ),
            ],
            irreversible=not phases.may_move(to, cycle.phase),  # one step back is possible
            button=_("Move to “%(phase)s”") % {"phase": to.label},
            cancel_url=back,
        )
    with refusals(request, phase=True):  # a move the phases' map does not allow
        services.move_phase(cycle, to, actor=request.user)
        messages.success(
            request, _("The cycle is now in the phase “%(phase)s”.") % {"phase": to.label}
        )
    return redirect(back)


@login_required
def cycle_detail(request, slug: str):
    cycle = get_object_or_404(with_call_content(Cycle.objects.all()), slug=slug)
    require(request.user, "cycles.view_cycle", cycle)
    return render(
        request,
        "cycles/cycle_detail.html",
        {
            "cycle": cycle,
            "questions_editable": services.questions_editable(cycle),
            "audiences": dict(AUDIENCES),
            # To copy into the award file, which loading makes the cycle's again.
            "questions_toml": questions_toml([as_written(q) for q in cycle.questions.all()]),
        },
    )


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


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request, slug: str, key: str = ""):
    """One of the award's questions, new or changed, before the call opens: checked as the award
    file's are, each problem on its field, everything typed kept."""
    cycle = get_object_or_404(Cycle, slug=slug)
    require(request.user, "cycles.change_cycle", cycle)
    rows = list(cycle.questions.all())
    index = next((i for i, row in enumerate(rows) if row.key == key), None)
    if key and index is None:
        raise Http404
    written = [as_written(row) for row in rows]
    earlier = [row.key for row in rows[: index if index is not None else len(rows)]]
    form = QuestionForm(
        request.POST or None,
        cycle=cycle,
        written=written[index] if index is not None else None,
        earlier=earlier,
    )
    if request.method == "POST" and form.is_valid():
        if index is None:
            index = len(written)
            written.append(form.written())
        else:
            written[index] = form.written()
        try:
            with refusals(request, form):
                services.save_questions(cycle, written, actor=request.user)
                messages.success(request, _("Saved."))
                return redirect(f"{reverse('staff:cycle', args=[slug])}#questions")
        except DefinitionError as problems:
            form.place(problems.errors, index + 1)
    return render(
        request,
        "cycles/question_edit.html",
        {"cycle": cycle, "form": form, "key": key, "editable": services.questions_editable(cycle)},
        status=400 if form.errors else 200,
    )
