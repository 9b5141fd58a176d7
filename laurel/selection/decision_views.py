"""The final selection (staff and the chair); the decision letters are in letter_views."""

from dataclasses import fields

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from laurel.core.confirm import confirmation, confirmed
from laurel.core.downloads import content_as_download
from laurel.core.forms import refusals
from laurel.core.permissions import require
from laurel.core.sections import section_form
from laurel.cycles.queries import cycle_for
from laurel.selection import pages, queries, report, services
from laurel.selection.enums import PlaceRole
from laurel.selection.forms import (
    ConstraintsForm,
    LockForm,
    MoveForm,
    OfferForm,
    OverrideForm,
    PlaceForm,
)
from laurel.selection.models import Place


def _decision_page(request, cycle, *, status=200, offered=None, placed=None, saved=None, **forms):
    """The page, a refused form shown again as submitted. A form sent by htmx gets back its
    section alone (one `partialdef` each in selection/decision.html: "constraints",
    "override", or "place" for one laureate's texts); without JavaScript, the whole page.
    `saved`, a place whose texts htmx saved: its section says so, and the lock's section comes
    too (what the lock still needs may have changed); the other laureates' unsaved texts stay."""
    page = pages.decision_page(request.user, cycle, offered=offered, placed=placed, **forms)
    context = {"cycle": cycle} | {field.name: getattr(page, field.name) for field in fields(page)}
    template = "selection/decision.html"
    if request.htmx and (placed or saved):
        pk = placed[0] if placed else saved
        place, form = next(pair for pair in page.place_forms if pair[0].pk == pk)
        context |= {"place": place, "form": form, "saved": bool(saved)}
        body = render_to_string(f"{template}#place", context, request)
        if saved:
            body += render_to_string(f"{template}#lock", context | {"oob": True}, request)
        return HttpResponse(body, status=status)
    if request.htmx and len(forms) == 1:
        section = {"constraints_form": "constraints", "override_form": "override"}.get(*forms)
        if section:
            return render(request, f"{template}#{section}", context, status=status)
    return render(request, template, context, status=status)


@login_required
def decision(request):
    return _decision_page(request, cycle_for(request, "selection.lead"))


@login_required
@require_POST
@section_form
def suggest(request):
    cycle = cycle_for(request, "selection.manage")
    form = ConstraintsForm(request.POST)
    if not form.is_valid():
        return _decision_page(request, cycle, status=400, constraints_form=form)
    with refusals(request, form):
        services.suggest_slate(
            cycle,
            max_per_country=form.cleaned_data["max_per_country"],
            min_per_kind=form.min_per_kind(),
            reserve_count=form.cleaned_data["reserve_count"],
            from_shortlist=form.cleaned_data["from_shortlist"],
            actor=request.user,
        )
        messages.success(request, _("Laurel's suggestion is the draft decision."))
        return redirect("selection:decision")
    return _decision_page(request, cycle, status=409, constraints_form=form)


@login_required
@require_POST
@section_form
def override(request):
    cycle = cycle_for(request, "selection.lead")
    decision = queries.decision_of(cycle)
    laureates = queries.places(decision)[PlaceRole.LAUREATE]
    ids = [p.candidate_id for p in laureates]
    form = OverrideForm(
        request.POST,
        laureates=queries.selectable(cycle).filter(pk__in=ids),
        others=queries.selectable(cycle).exclude(pk__in=ids),
    )
    if decision is None or not form.is_valid():
        return _decision_page(request, cycle, status=400, override_form=form)
    with refusals(request, form):
        services.replace_place(
            decision,
            removed=form.cleaned_data["removed"],
            added=form.cleaned_data["added"],
            reason=form.cleaned_data["reason"],
            actor=request.user,
        )
        messages.success(request, _("The place is changed and the reason recorded."))
        return redirect("selection:decision")
    return _decision_page(request, cycle, status=409, override_form=form)


@login_required
@require_POST
@section_form
def write_place(request, pk: int):
    place = get_object_or_404(Place.objects.select_related("decision__cycle"), pk=pk)
    cycle = place.decision.cycle
    require(request.user, "selection.lead", cycle)
    form = PlaceForm(request.POST, prefix=f"p{place.pk}")
    if not form.is_valid():  # each text too long says so beside it, kept as typed
        return _decision_page(request, cycle, status=400, placed=(place.pk, form))
    with refusals(request, form):
        services.write_place(
            place,
            reason=form.cleaned_data["reason"],
            citation=form.texts("citation"),
            summary=form.texts("summary"),
            actor=request.user,
        )
        if request.htmx:
            return _decision_page(request, cycle, saved=place.pk)
        messages.success(request, _("Saved."))
        return redirect("selection:decision")
    return _decision_page(request, cycle, status=409, placed=(place.pk, form))


@login_required
@require_POST
def move_reserve(request, pk: int):
    place = get_object_or_404(Place.objects.select_related("decision__cycle", "candidate"), pk=pk)
    require(request.user, "selection.lead", place.decision.cycle)
    form = MoveForm(request.POST)
    if form.is_valid():
        with refusals(request):
            services.move_reserve(place, offset=form.cleaned_data["offset"], actor=request.user)
    return redirect("selection:decision")


@login_required
@require_POST
def offer(request, pk: int):
    declined = get_object_or_404(
        Place.objects.select_related("decision__cycle", "candidate"), pk=pk
    )
    cycle = declined.decision.cycle
    require(request.user, "selection.manage", cycle)
    form = OfferForm(
        request.POST,
        prefix=f"o{declined.pk}",
        reserves=declined.decision.places.filter(role=PlaceRole.RESERVE),
    )
    with timezone.override(cycle.zone):
        valid = form.is_valid()
    if not valid:  # the page again, with what was typed and what is missing
        return _decision_page(request, cycle, status=400, offered=(declined.pk, form))
    if not confirmed(request):
        names = {
            "reserve": form.cleaned_data["reserve"].candidate.name,
            "declined": declined.candidate.name,
        }
        return confirmation(
            request,
            title=_("Offer the place to %(reserve)s") % names,
            consequences=[
                _(
                    "%(reserve)s takes the place of %(declined)s as a laureate; the change is "
                    "recorded as an amendment to the locked decision, with your reason and its "
                    "texts."
                )
                % names,
                _(
                    "Their letter, with the private link to accept, leaves now. Nothing about "
                    "them is public until they accept and say what may be published."
                ),
            ],
            emails=1,
            irreversible=True,
            button=_("Offer the place"),
            cancel_url=reverse("selection:decision"),
        )
    with refusals(request, form):  # refused, the texts typed for the reserve stay
        place = services.offer_place(
            declined,
            reserve=form.cleaned_data["reserve"],
            respond_by=form.cleaned_data["respond_by"],
            reason=form.cleaned_data["reason"],
            citation=form.texts("citation"),
            summary=form.texts("summary"),
            actor=request.user,
        )
        messages.success(
            request,
            _("The place is offered to %(name)s; their letter is on its way.")
            % {"name": place.candidate.name},
        )
        return redirect("selection:decision")
    return _decision_page(request, cycle, status=409, offered=(declined.pk, form))


@login_required
@require_POST
def lock(request):
    cycle = cycle_for(request, "selection.lock")
    decision = queries.decision_of(cycle)
    if decision is None:
        messages.error(request, _("There is no decision to lock yet."))
        return redirect("selection:decision")
    breaches = [(b.name, services.describe(b)) for b in services.check_slate(decision).breaches]
    form = LockForm(request.POST, breaches=breaches)
    valid = form.is_valid()
    found = services.problems(decision, reasons=form.reasons()) if valid else []
    for problem in found:
        form.add_error(None, problem)
    if not valid or found:
        return _decision_page(request, cycle, status=409 if found else 400, lock_form=form)
    if not confirmed(request):
        chosen = queries.places(decision)
        consequences = [
            _("Laureates: %(laureates)s. Reserves, in order: %(reserves)s.")
            % {
                "laureates": ", ".join(p.candidate.name for p in chosen[PlaceRole.LAUREATE]) or "—",
                "reserves": ", ".join(p.candidate.name for p in chosen[PlaceRole.RESERVE]) or "—",
            },
            _("The decision is frozen as a record with a content hash: the report is rendered "
              "from it, and any later change is a dated, signed amendment."),
            _("Reviews close: no score can change any more."),
            _("Staff can prepare the decision letters."),
        ]  # fmt: skip
        if breaches:
            consequences.append(
                ngettext(
                    "The slate breaks %(count)d constraint; your reason goes into the record.",
                    "The slate breaks %(count)d constraints; your reasons go into the record.",
                    len(breaches),
                )
                % {"count": len(breaches)}
            )
        return confirmation(
            request,
            title=_("Lock the decision?"),
            consequences=consequences,
            irreversible=True,
            button=_("Lock the decision"),
            cancel_url=reverse("selection:decision"),
        )
    with refusals(request, form):  # refused, the chair's reasons stay
        services.lock_decision(decision, actor=request.user, reasons=form.reasons())
        messages.success(request, _("The decision is locked."))
        return redirect("selection:decision")
    return _decision_page(request, cycle, status=409, lock_form=form)


@login_required
def report_pdf(request):
    cycle = cycle_for(request, "selection.lead")
    return content_as_download(
        report.decision_report(cycle, reader=request.user),
        filename=f"decision-{cycle.slug}.pdf",
        kind="pdf",
    )
