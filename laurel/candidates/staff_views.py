"""The screening console: candidates, duplicates, eligibility. Views parse, authorise, call
one service and respond; the rules are in services.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_countries import countries

from laurel.candidates import charts, duplicate_pages, pages, queries, services
from laurel.candidates.forms import MergeForm, NoteForm, WorkKindsForm
from laurel.candidates.models import Candidate, DuplicateSuggestion, MergeRecord
from laurel.core.forms import refusals
from laurel.core.permissions import require
from laurel.core.sections import section_form
from laurel.core.services import record
from laurel.core.texts import one_full_stop
from laurel.cycles.queries import cycle_for
from laurel.nominations.findings import marked_texts, stored_findings
from laurel.nominations.models import Nomination


def _pk(value: str) -> int | None:
    """A record's id as a form sent it, or None for anything else: ASCII digits only (not '²'),
    and no longer than a database id can be (no 5,000-digit number, no overflow)."""
    value = value or ""
    if value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    return None


def detail_page(request, candidate, *, status=200, **forms):
    """The candidate page; a form given here (with its errors) replaces the blank one. A form
    sent by htmx gets back its section alone (the form's `hx-target`); without JavaScript the
    whole page comes back, the error next to the field either way."""
    section = pages.section_of(forms) if request.htmx else None
    if section is not None:
        context = pages.section_page(candidate, section, forms)
        return render(request, f"candidates/detail.html#{section}", context, status=status)
    context = pages.candidate_page(candidate, forms)
    return render(request, "candidates/detail.html", context, status=status)


def _undo_link(merge_record) -> str:
    """Where on the kept candidate's page this merge can be undone."""
    url = reverse("candidates:detail", args=[merge_record.target_id])
    return f"{url}#merge-{merge_record.pk}"


def _merged_message(request, merge_record) -> None:
    messages.success(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            one_full_stop(
                _("%(source)s is merged into %(target)s.")
                % {"source": merge_record.source.name, "target": merge_record.target.name}
            ),
            _undo_link(merge_record),
            _("Undo this merge on %(target)s's page") % {"target": merge_record.target.name},
        ),
    )


@login_required
def candidate_detail(request, pk: int):
    require(request.user, "candidates.view_candidates")
    candidate = get_object_or_404(
        Candidate.objects.select_related("cycle", "organisation", "merged_into"), pk=pk
    )
    return detail_page(request, candidate)


@section_form
@login_required
@require_POST
def merge(request, pk: int):
    require(request.user, "candidates.merge")
    candidate = get_object_or_404(Candidate.objects.select_related("cycle"), pk=pk)
    form = MergeForm(request.POST, targets=queries.merge_targets(candidate))
    if not form.is_valid():
        return detail_page(request, candidate, status=400, merge_form=form)
    target = form.cleaned_data["target"]
    with refusals(request, form):  # refused: the reason on the form, in the section htmx redraws
        merge_record = services.merge_candidates(candidate, target, actor=request.user)
        _merged_message(request, merge_record)
        return redirect("candidates:detail", pk=target.pk)
    return detail_page(request, candidate, status=409, merge_form=form)


@login_required
@require_POST
def undo(request, pk: int):
    require(request.user, "candidates.merge")
    merge_record = get_object_or_404(MergeRecord, pk=pk)
    with refusals(request):
        source = services.undo_merge(merge_record, actor=request.user)
        messages.success(request, _("The merge is undone."))
        return redirect("candidates:detail", pk=source.pk)
    return redirect("candidates:detail", pk=merge_record.target_id)


@login_required
@require_POST
def split(request, pk: int, nomination_pk: int):
    require(request.user, "candidates.merge")
    nomination = get_object_or_404(Nomination, pk=nomination_pk, placement__candidate_id=pk)
    with refusals(request):
        candidate = services.split_nomination(nomination, actor=request.user)
        messages.success(request, _("The nomination is now a candidate of its own."))
        return redirect("candidates:detail", pk=candidate.pk)
    return redirect("candidates:detail", pk=pk)


@section_form
@login_required
@require_POST
def note(request, pk: int):
    require(request.user, "candidates.screen")
    candidate = get_object_or_404(Candidate.objects.select_related("cycle"), pk=pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return detail_page(request, candidate, status=400, note_form=form)
    services.add_note(candidate, text=form.cleaned_data["text"], actor=request.user)
    messages.success(request, _("The note is added."), extra_tags=f"{pages.PLACED} notes")
    return redirect(f"{reverse('candidates:detail', args=[pk])}#notes")


@section_form
@login_required
@require_POST
def tag(request, pk: int):
    require(request.user, "candidates.screen")
    candidate = get_object_or_404(Candidate.objects.select_related("cycle"), pk=pk)
    form = WorkKindsForm(request.POST)
    if not form.is_valid():
        return detail_page(request, candidate, status=400, work_kinds_form=form)
    services.tag_work(candidate, kinds=form.cleaned_data["kinds"], actor=request.user)
    messages.success(
        request, _("The kinds of work are saved."), extra_tags=f"{pages.PLACED} screening"
    )
    return redirect(f"{reverse('candidates:detail', args=[pk])}#screening")


@login_required
def suggestion_list(request):
    """The suggestions to decide (pairs, and groups when three or more candidates are joined),
    strongest first and by country; or (?show=decided) those decided. Each compared side by side."""
    cycle = cycle_for(request, "candidates.view_candidates")
    decided = request.GET.get("show") == "decided"
    context = {"cycle": cycle, "decided": decided}
    if decided:
        page = Paginator(
            duplicate_pages.suggestions_of(cycle, decided=True), duplicate_pages.PER_PAGE
        ).get_page(request.GET.get("page"))
        rows = duplicate_pages.comparisons(page.object_list)
    else:
        country = request.GET.get("country", "")
        units, choices = duplicate_pages.open_units(cycle, country=country)
        page = Paginator(units, duplicate_pages.PER_PAGE).get_page(request.GET.get("page"))
        rows = duplicate_pages.unit_rows(page.object_list)
        context |= {"countries": choices, "country": country, "open_count": len(units)}
    return render(
        request,
        "candidates/suggestions.html",
        context
        | {
            "page": page,
            "units": rows,
            "comparisons": [row for row in rows if row["kind"] == "pair"],
            "groups": [row for row in rows if row["kind"] == "group"],
        },
    )


@login_required
@require_POST
def group_decide(request, pk: int):
    """A group of candidates: all merged into the one kept, or one of them set apart."""
    require(request.user, "candidates.merge")
    suggestion = get_object_or_404(DuplicateSuggestion.objects.select_related("cycle"), pk=pk)
    wanted = {_pk(value) for value in request.POST.getlist("member")} - {None}
    members = list(Candidate.objects.filter(cycle=suggestion.cycle, pk__in=wanted))
    by_pk = {member.pk: member for member in members}
    separate, keep = request.POST.get("separate", ""), request.POST.get("keep", "")
    with refusals(request):
        if separate:
            one = by_pk.get(_pk(separate))
            if one is None:
                raise services.ScreeningError(_("Choose a candidate of this group."))
            services.separate_from_group(one, members, actor=request.user)
            messages.success(request, _set_apart_message(one, members))
        else:
            target = by_pk.get(_pk(keep))
            if target is None:
                raise services.ScreeningError(_("Choose which candidate of the group to keep."))
            merges = services.merge_group(members, keep=target, actor=request.user)
            messages.success(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    one_full_stop(
                        _("%(count)d candidates are merged into %(target)s.")
                        % {"count": len(merges), "target": target.name}
                    ),
                    f"{reverse('candidates:detail', args=[target.pk])}#merges",
                    _("Each merge can be undone on %(target)s's page") % {"target": target.name},
                ),
            )
    return _back_to_suggestions(suggestion.cycle, country=request.POST.get("country", ""))


def _set_apart_message(one, members) -> str:
    """What is left of a group once `one` is set apart: the others may still be joined by
    suggestions, or `one` may have been all that joined them."""
    others = [member for member in members if member.pk != one.pk]
    joined = services.open_group(one.cycle_id, others[0].pk) if others else set()
    if len(others) > 1 and all(other.pk in joined for other in others):
        return _(
            "%(name)s is marked as a different organisation from the rest of the group; the "
            "others are still to decide."
        ) % {"name": one.name}
    return _(
        "%(name)s is marked as a different organisation from the rest of the group. No "
        "suggestion joins the others any more: if some of them are one organisation, merge them "
        "on a candidate's page."
    ) % {"name": one.name}


def _back_to_suggestions(cycle, *, decided: bool = False, country: str = ""):
    url = f"{reverse('candidates:suggestions')}?cycle={cycle.slug}"
    if country.isalpha() and len(country) == 2:
        url = f"{url}&country={country}"
    return redirect(f"{url}&show=decided" if decided else url)


@login_required
@require_POST
def suggestion_decide(request, pk: int):
    require(request.user, "candidates.merge")
    suggestion = get_object_or_404(
        DuplicateSuggestion.objects.select_related("cycle", "first", "second"), pk=pk
    )
    keep_pk = _pk(request.POST.get("keep", ""))
    with refusals(request):
        if request.POST.get("decision") == "reject":
            services.reject_suggestion(suggestion, actor=request.user)
            messages.success(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    one_full_stop(
                        _("%(first)s and %(second)s are marked as not the same organisation.")
                        % {"first": suggestion.first.name, "second": suggestion.second.name}
                    ),
                    f"{reverse('candidates:suggestions')}?cycle={suggestion.cycle.slug}"
                    f"&show=decided#suggestion-{suggestion.pk}",
                    _("See it among the decided suggestions, where it can be reopened"),
                ),
            )
        else:
            keep = Candidate.objects.filter(
                pk__in=[suggestion.first_id, suggestion.second_id],
                pk=keep_pk or 0,
            ).first()
            if keep is None:
                messages.error(request, _("Choose which of the two candidates to keep."))
                return _back_to_suggestions(suggestion.cycle)
            merge_record = services.confirm_suggestion(suggestion, keep=keep, actor=request.user)
            _merged_message(request, merge_record)
    return _back_to_suggestions(suggestion.cycle, country=request.POST.get("country", ""))


@login_required
@require_POST
def suggestion_reopen(request, pk: int):
    """A pair marked as different organisations goes back among those to decide."""
    require(request.user, "candidates.merge")
    suggestion = get_object_or_404(DuplicateSuggestion.objects.select_related("cycle"), pk=pk)
    with refusals(request):
        services.reopen_suggestion(suggestion, actor=request.user)
        messages.success(request, _("The suggestion is open again, among those to decide."))
        return _back_to_suggestions(suggestion.cycle)
    return _back_to_suggestions(suggestion.cycle, decided=True)


@login_required
@require_POST
def refresh(request):
    cycle = cycle_for(request, "candidates.merge")
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
        {
            "nomination": nomination,
            "cycle": nomination.cycle,
            "candidate_pk": pk,
            # What the safeguarding check flagged, marked where it was found (an answer to one
            # of the award's questions too).
            "marked": marked_texts(nomination, stored_findings(nomination)),
        },
    )


@login_required
def overview(request):
    """Nominations per day and per country, drawn and in tables."""
    cycle = cycle_for(request, "candidates.view_candidates")
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
