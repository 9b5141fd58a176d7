"""Staff run the committee: the assignment (propose, preview, publish) and the conflict register."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from laurel.accounts.names import display_name, names_by_id
from laurel.accounts.queries import committee_members
from laurel.core.confirm import confirmation, confirmed
from laurel.core.forms import refusals
from laurel.core.permissions import require
from laurel.core.tables import FORMATS, table_response
from laurel.cycles.phases import allows, stored_phase
from laurel.cycles.queries import cycle_for
from laurel.review import exports, queries, services
from laurel.review.forms import AssignmentForm, ByHandForm, ImportForm, VisibilityForm
from laurel.review.models import Assignment
from laurel.review.services.reviewing import reminder_plan


@login_required
@require_http_methods(["GET", "POST"])
def assignment(request):
    cycle = cycle_for(request, "review.manage_assignment")
    form = AssignmentForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            with refusals(request, form):
                solution = services.propose_assignment(
                    cycle,
                    actor=request.user,
                    k=form.cleaned_data["k"],
                    min_load=form.cleaned_data["min_load"],
                    max_load=form.cleaned_data["max_load"],
                )
                messages.success(
                    request,
                    ngettext(
                        "A proposal of %(count)d assignment is ready (loads as even as "
                        "possible; language preference %(objective)s, the best possible with "
                        "them). Check it, then publish it.",
                        "A proposal of %(count)d assignments is ready (loads as even as "
                        "possible; language preference %(objective)s, the best possible with "
                        "them). Check it, then publish it.",
                        len(solution.pairs),
                    )
                    % {"count": len(solution.pairs), "objective": solution.objective},
                )
                return redirect("review:assignment")
        status = 400
    members = services.committee_of(cycle)
    names = {member.email: display_name(member) for member in members}
    return render(
        request,
        "review/assignment.html",
        {
            "cycle": cycle,
            "form": form,
            "table": queries.assignment_table(cycle),
            "loads": sorted(
                (names.get(email, email), published, proposed)
                for email, published, proposed in queries.loads(cycle)
            ),
            "members": members,
            "by_hand_form": _by_hand_form(cycle),
            "import_form": ImportForm(),
            "visibility_form": VisibilityForm(
                initial={"visibility": services.visibility_of_cycle(cycle)}
            ),
        },
        status=status,
    )


@login_required
@require_POST
def publish(request):
    cycle = cycle_for(request, "review.manage_assignment")
    pairs, members = queries.proposed_assignment(cycle)
    if pairs and not confirmed(request, emails=members):
        return confirmation(
            request,
            title=_("Publish the assignment?"),
            consequences=[
                ngettext(
                    "%(pairs)d candidate–reviewer pair becomes the members' work.",
                    "%(pairs)d candidate–reviewer pairs become the members' work.",
                    pairs,
                )
                % {"pairs": pairs},
                ngettext(
                    "%(count)d member is told by email what to review.",
                    "%(count)d members are told by email what to review.",
                    members,
                )
                % {"count": members},
                _("A published assignment is not taken back; change it pair by pair."),
            ],
            emails=members,
            irreversible=True,
            button=_("Publish and tell the members"),
            cancel_url=reverse("review:assignment") + f"?cycle={cycle.slug}",
        )
    with refusals(request):
        count = services.publish_assignment(cycle, actor=request.user)
        messages.success(
            request,
            ngettext(
                "%(count)d assignment is published; members are told.",
                "%(count)d assignments are published; members are told.",
                count,
            )
            % {"count": count},
        )
    return redirect("review:assignment")


@login_required
def conflict_register(request):
    cycle = cycle_for(request, "review.view_conflict_register")
    conflicts = queries.conflict_register(cycle)
    if request.GET.get("format") == "csv":
        header = ["candidate", "member", "kind", "state", "declared", "reasons", "decided"]
        rows = [
            [conflict.candidate.name, conflict.member.email, conflict.kind, conflict.state,
             "yes" if conflict.declared else "found", " ".join(conflict.reasons),
             conflict.decided_at.isoformat() if conflict.decided_at else ""]
            for conflict in conflicts
        ]  # fmt: skip
        return table_response(f"conflicts-{cycle.slug}", header, rows, "csv")
    return render(
        request,
        "review/conflicts.html",
        {"cycle": cycle, "conflicts": conflicts},
    )


@login_required
def assignments_csv(request):
    cycle = cycle_for(request, "review.manage_assignment")
    # candidate_id and member (the email address) are what the import reads back.
    rows = [
        [candidate.pk, candidate.name, item.member.email, display_name(item.member),
         item.get_state_display()]
        for candidate, assignments in queries.assignment_table(cycle)
        for item in assignments
    ]  # fmt: skip
    header = ["candidate_id", "candidate", "member", "member_name", "state"]
    return table_response(f"assignments-{cycle.slug}", header, rows, "csv")


@login_required
def results(request):
    """The results table for staff and the chair of that cycle, sortable; XLSX with every
    review. Nothing of a candidate the reader has a conflict with."""
    cycle = cycle_for(request, "review.view_results")
    sort = request.GET.get("sort", "normalised")
    rows, combined, emails, reviews = queries.results_for(request.user, cycle, sort=sort)
    fmt = request.GET.get("format")
    if request.GET.get("table") == "reviews" and fmt in FORMATS:
        header, table = exports.reviews_table(cycle, rows, emails, reviews)
        return table_response(f"reviews-{cycle.slug}", header, table, fmt)
    if fmt == "xlsx":
        return exports.results_workbook(cycle, rows, combined, emails, reviews)
    if fmt == "csv":
        header, table = exports.results_table(cycle, rows)
        return table_response(f"results-{cycle.slug}", header, table, fmt)
    criteria = exports.criteria_of(cycle)
    names = names_by_id(emails)
    return render(
        request,
        "review/results.html",
        {
            "cycle": cycle,
            "rows": rows,
            "criteria": criteria,
            "alpha": combined.alpha,
            "reviewers": [(names.get(r.member, r.member), r) for r in combined.reviewers],
            "sort": sort,
            "sorts": [
                ("normalised", _("Normalised total")),
                ("weighted", _("Weighted total")),
                ("spread", _("Disagreement")),
                ("reviews", _("Number of reviews")),
                ("name", _("Name")),
                *[
                    (f"{measure}_{c.number}", label % {"criterion": c.name})
                    for c in criteria
                    for measure, label in (
                        ("mean", _("%(criterion)s, mean")),
                        ("median", _("%(criterion)s, median")),
                    )
                ],
            ],
        },
    )


@login_required
def progress(request):
    cycle = cycle_for(request, "review.manage_assignment")
    members, candidates = queries.progress(cycle)
    in_review = allows(stored_phase(cycle), "review")
    return render(
        request,
        "review/progress.html",
        {
            "cycle": cycle,
            "members": members,
            "candidates": candidates,
            "in_review": in_review,
            "plan": reminder_plan(cycle) if in_review else None,
        },
    )


def _by_hand_form(cycle, data=None):
    return ByHandForm(
        data,
        candidates=queries.ready_candidates(cycle),
        members=committee_members(cycle),
    )


@login_required
@require_POST
def by_hand(request):
    cycle = cycle_for(request, "review.manage_assignment")
    form = _by_hand_form(cycle, request.POST)
    if form.is_valid():
        candidate, member = form.cleaned_data["candidate"], form.cleaned_data["member"]
        names = {"member": display_name(member), "name": candidate.name}
        with refusals(request):
            _assignment, created = services.assign_by_hand(
                cycle, candidate, member, actor=request.user
            )
            if created:
                messages.success(
                    request, _("%(member)s is added to the proposal for %(name)s.") % names
                )
            else:
                messages.info(
                    request,
                    _("%(member)s is already assigned to %(name)s; nothing changed.") % names,
                )
    else:
        messages.error(request, _("Choose a candidate and a member."))
    return redirect("review:assignment")


@login_required
@require_POST
def remove(request, pk: int):
    require(request.user, "review.manage_assignment")
    assignment = get_object_or_404(Assignment.objects.select_related("candidate", "member"), pk=pk)
    with refusals(request):
        services.unassign(assignment, actor=request.user)
        messages.success(
            request,
            _("%(member)s no longer reviews %(name)s.")
            % {"member": display_name(assignment.member), "name": assignment.candidate.name},
        )
    return redirect("review:assignment")


@login_required
@require_POST
def import_csv(request):
    cycle = cycle_for(request, "review.manage_assignment")
    form = ImportForm(request.POST, request.FILES)
    try:
        if not form.is_valid():
            raise services.ReviewError(_("Choose a CSV file."))
        imported = services.import_assignments(cycle, form.rows(), actor=request.user)
    except (services.ReviewError, forms.ValidationError) as error:
        messages.error(request, getattr(error, "message", None) or " ".join(error.messages))
    else:
        for level, text in _import_outcome(imported):
            messages.add_message(request, level, text)
    return redirect("review:assignment")


def _import_outcome(imported) -> list[tuple[int, str]]:
    """What an import changed, in words: added, already there, or nothing at all."""
    if not imported.added and not imported.unchanged:
        return [(messages.INFO, _("The file has no assignments; nothing changed."))]
    if not imported.added:
        return [
            (
                messages.INFO,
                ngettext(
                    "Nothing changed: the %(count)d assignment in the file already exists.",
                    "Nothing changed: all %(count)d assignments in the file already exist.",
                    imported.unchanged,
                )
                % {"count": imported.unchanged},
            )
        ]
    outcome = [
        (
            messages.SUCCESS,
            ngettext(
                "%(count)d assignment imported.",
                "%(count)d assignments imported.",
                imported.added,
            )
            % {"count": imported.added},
        )
    ]
    if imported.unchanged:
        outcome.append(
            (
                messages.INFO,
                ngettext(
                    "%(count)d line named an assignment that already exists; it is unchanged.",
                    "%(count)d lines named assignments that already exist; they are unchanged.",
                    imported.unchanged,
                )
                % {"count": imported.unchanged},
            )
        )
    return outcome


@login_required
@require_POST
def visibility(request):
    cycle = cycle_for(request, "review.manage_assignment")
    form = VisibilityForm(request.POST)
    if form.is_valid():
        services.set_visibility(
            cycle, visibility=form.cleaned_data["visibility"], actor=request.user
        )
        messages.success(request, _("Saved."))
    else:
        messages.error(request, _("Choose when members see each other's reviews."))
    return redirect("review:assignment")
