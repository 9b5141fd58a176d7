"""The screening console: candidates, duplicates, eligibility. Views parse, authorise, call
one service and respond; the rules are in services.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_countries import countries

from laurel.candidates import charts, queries, services
from laurel.candidates.enums import DiligenceArea
from laurel.candidates.forms import (
    ContactForm,
    DiligenceForm,
    DocumentForm,
    InviteOrganisationForm,
    MergeForm,
    NoteForm,
    ScreeningForm,
    WorkKindsForm,
)
from laurel.candidates.models import Candidate, DuplicateSuggestion, MergeRecord
from laurel.core.permissions import require
from laurel.core.queries import history_of
from laurel.core.services import record
from laurel.cycles.queries import requested_staff_cycle
from laurel.nominations.models import Nomination


def _cycle(request, perm: str):
    return requested_staff_cycle(request, perm)


def detail_page(request, candidate, *, status=200, **forms):
    """The candidate page; a form given here (with its errors) replaces the blank one."""
    checks = queries.diligence_of(candidate)
    diligence_forms = forms.get("diligence_forms", {})
    context = {
        "candidate": candidate,
        "cycle": candidate.cycle,
        "nominations": queries.nominations_of(candidate),
        "suggestions": queries.suggestions_for(candidate),
        "merges": queries.merges_of(candidate),
        "notes": candidate.notes.select_related("author"),
        "history": history_of(candidate, *queries.nominations_of(candidate).only("pk"))[:50],
        "documents": candidate.documents.all(),
        "claims": candidate.claims.all()[:5],
        "screening_form": forms.get("screening_form") or ScreeningForm.for_candidate(candidate),
        "merge_form": forms.get("merge_form")
        or MergeForm(targets=queries.merge_targets(candidate)),
        "note_form": forms.get("note_form") or NoteForm(),
        "work_kinds_form": forms.get("work_kinds_form")
        or WorkKindsForm(initial={"kinds": candidate.work_kinds}),
        "diligence_forms": [
            (
                diligence_forms.get(area)
                or DiligenceForm(
                    area=area,
                    initial={
                        "status": checks[area].status if area in checks else "not_started",
                        "notes": checks[area].notes if area in checks else "",
                    },
                ),
                checks.get(area),
            )
            for area in DiligenceArea.values
        ],
        "document_form": forms.get("document_form") or DocumentForm(),
        "waiting_notices": queries.waiting_notices(candidate.cycle, candidate).count(),
        "notices_wait": services.notices_wait(candidate.cycle),
        "invite_form": forms.get("invite_form")
        or InviteOrganisationForm(
            initial={
                "email": candidate.organisation.contact_email,
                "language": translation.get_language(),
            }
        ),
    } | _contact_context(candidate, forms.get("contact_form"))
    return render(request, "candidates/detail.html", context, status=status)


def _contact_context(candidate, form) -> dict:
    """The contact, its history and what the organisation told us (candidates/contact.html)."""
    organisation = candidate.organisation
    return {
        "contact_form": form
        or ContactForm(
            initial={
                "name": organisation.contact_name,
                "email": organisation.contact_email,
                "language": organisation.contact_language,
            }
        ),
        "contact_history": queries.contact_history(candidate)[:20],
        "claims_told": queries.claims_told(candidate),
    }


@login_required
def candidate_detail(request, pk: int):
    require(request.user, "candidates.view_candidates")
    candidate = get_object_or_404(
        Candidate.objects.select_related("cycle", "organisation", "merged_into"), pk=pk
    )
    return detail_page(request, candidate)


def _screening_error(request, candidate, error, status=409, **forms):
    messages.error(request, error.message)
    return detail_page(request, candidate, status=status, **forms)


@login_required
@require_POST
def merge(request, pk: int):
    require(request.user, "candidates.merge")
    candidate = get_object_or_404(Candidate.objects.select_related("cycle"), pk=pk)
    form = MergeForm(request.POST, targets=queries.merge_targets(candidate))
    if not form.is_valid():
        return detail_page(request, candidate, status=400, merge_form=form)
    target = form.cleaned_data["target"]
    try:
        services.merge_candidates(candidate, target, actor=request.user)
    except services.ScreeningError as error:
        return _screening_error(request, candidate, error, merge_form=form)
    messages.success(
        request, _("%(name)s is merged into this candidate.") % {"name": candidate.name}
    )
    return redirect("candidates:detail", pk=target.pk)


@login_required
@require_POST
def undo(request, pk: int):
    require(request.user, "candidates.merge")
    merge_record = get_object_or_404(MergeRecord, pk=pk)
    try:
        source = services.undo_merge(merge_record, actor=request.user)
    except services.ScreeningError as error:
        messages.error(request, error.message)
        return redirect("candidates:detail", pk=merge_record.target_id)
    messages.success(request, _("The merge is undone."))
    return redirect("candidates:detail", pk=source.pk)


@login_required
@require_POST
def split(request, pk: int, nomination_pk: int):
    require(request.user, "candidates.merge")
    nomination = get_object_or_404(Nomination, pk=nomination_pk, placement__candidate_id=pk)
    try:
        candidate = services.split_nomination(nomination, actor=request.user)
    except services.ScreeningError as error:
        messages.error(request, error.message)
        return redirect("candidates:detail", pk=pk)
    messages.success(request, _("The nomination is now a candidate of its own."))
    return redirect("candidates:detail", pk=candidate.pk)


@login_required
@require_POST
def note(request, pk: int):
    require(request.user, "candidates.screen")
    candidate = get_object_or_404(Candidate.objects.select_related("cycle"), pk=pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return detail_page(request, candidate, status=400, note_form=form)
    services.add_note(candidate, text=form.cleaned_data["text"], actor=request.user)
    return redirect("candidates:detail", pk=pk)


@login_required
@require_POST
def tag(request, pk: int):
    require(request.user, "candidates.screen")
    candidate = get_object_or_404(Candidate.objects.select_related("cycle"), pk=pk)
    form = WorkKindsForm(request.POST)
    if not form.is_valid():
        return detail_page(request, candidate, status=400, work_kinds_form=form)
    services.tag_work(candidate, kinds=form.cleaned_data["kinds"], actor=request.user)
    messages.success(request, _("The kinds of work are saved."))
    return redirect("candidates:detail", pk=pk)


@login_required
def suggestion_list(request):
    require(request.user, "candidates.view_candidates")
    cycle = _cycle(request, "candidates.view_candidates")
    page = Paginator(queries.open_suggestions(cycle), 30).get_page(request.GET.get("page"))
    return render(request, "candidates/suggestions.html", {"cycle": cycle, "page": page})


@login_required
@require_POST
def suggestion_decide(request, pk: int):
    require(request.user, "candidates.merge")
    suggestion = get_object_or_404(DuplicateSuggestion, pk=pk)
    try:
        if request.POST.get("decision") == "reject":
            services.reject_suggestion(suggestion, actor=request.user)
            messages.success(request, _("Marked as different organisations."))
        else:
            keep = Candidate.objects.filter(
                pk__in=[suggestion.first_id, suggestion.second_id],
                pk=request.POST.get("keep", "") if request.POST.get("keep", "").isdigit() else 0,
            ).first()
            if keep is None:
                messages.error(request, _("Choose which of the two candidates to keep."))
                return redirect("candidates:suggestions")
            services.confirm_suggestion(suggestion, keep=keep, actor=request.user)
            messages.success(request, _("Merged. You can undo it on the candidate's page."))
    except services.ScreeningError as error:
        messages.error(request, error.message)
    return redirect("candidates:suggestions")


@login_required
@require_POST
def refresh(request):
    require(request.user, "candidates.merge")
    cycle = _cycle(request, "candidates.merge")
    found = services.suggest_duplicates(cycle)
    messages.success(request, _("%(count)d new suggestions.") % {"count": found})
    return redirect("candidates:suggestions")


@login_required
def nomination_text(request, pk: int, nomination_pk: int):
    """A nomination's full text as the nominator wrote it; each reading is logged."""
    require(request.user, "candidates.view_candidates")
    nomination = get_object_or_404(
        Nomination.objects.select_related("cycle"),
        pk=nomination_pk,
        placement__candidate_id=pk,
    )
    record("nomination.read", actor=request.user, subject=nomination, summary=nomination.reference)
    return render(
        request,
        "candidates/nomination.html",
        {"nomination": nomination, "cycle": nomination.cycle, "candidate_pk": pk},
    )


@login_required
def overview(request):
    """Nominations per day and per country, drawn and in tables."""
    require(request.user, "candidates.view_candidates")
    cycle = _cycle(request, "candidates.view_candidates")
    names = {code: str(dict(countries)[code]) for code in cycle.eligible_countries}
    by_country = queries.nominations_per_country(cycle)
    tiles, map_width, map_height = charts.europe(by_country, names)
    bars, chart_width, chart_height = charts.per_day(queries.nominations_per_day(cycle))
    return render(
        request,
        "candidates/overview.html",
        {
            "cycle": cycle,
            "tiles": tiles,
            "map_width": map_width,
            "map_height": map_height,
            "tile_size": charts.TILE - 4,
            "bars": bars,
            "chart_width": chart_width,
            "chart_height": chart_height,
            "bar_width": charts.BAR_WIDTH - 2,
            "by_country": sorted(
                ((names.get(code, code), n) for code, n in by_country.items()),
                key=lambda row: (-row[1], row[0]),
            ),
            "outside": sum(n for code, n in by_country.items() if code not in names),
        },
    )
