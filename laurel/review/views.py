"""The committee's area: profile and ties, conflicts, the candidates to read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from laurel.candidates.models import Candidate, CandidateDocument
from laurel.candidates.queries import committee_dossier
from laurel.core.confirm import confirmation, confirmed
from laurel.core.downloads import as_download, content_as_download
from laurel.core.forms import refusals
from laurel.core.permissions import require
from laurel.core.services import ServiceError, record
from laurel.cycles.phases import refusal
from laurel.cycles.queries import cycle_for
from laurel.review import documents, queries, services
from laurel.review.forms import (
    CommentForm,
    DeclareConflictForm,
    ProfileForm,
    ReviewForm,
    affiliations,
    tie_formset,
)
from laurel.review.models import Conflict


@login_required
def home(request):
    """A member's starting point: what to confirm, what to read."""
    cycle = cycle_for(request, "review.take_part")
    page = queries.member_home(request.user, cycle)
    return render(
        request,
        "review/home.html",
        {
            "cycle": cycle,
            "profile": queries.profile_of(request.user, cycle),
            "suggested": page.suggested,
            "decided": page.decided,
            "rows": page.rows,
            "queue": queries.queue(request.user, cycle),
            "withdrawal_open": services.withdrawal_open(cycle),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    cycle = cycle_for(request, "review.take_part")
    current = queries.profile_of(request.user, cycle)
    initial, ties = {}, []
    if current is not None:
        initial = {"languages": current.languages, "country": current.country}
        ties = list(
            current.affiliations.order_by("pk").values("name", "country", "website", "kind")
        )
    form = ProfileForm(request.POST or None, initial=initial)
    tie_rows = tie_formset(request.POST or None, ties=ties)
    if request.method == "POST" and all([form.is_valid(), tie_rows.is_valid()]):
        services.save_profile(
            request.user,
            cycle,
            languages=form.cleaned_data["languages"],
            country=form.cleaned_data["country"],
            affiliations=affiliations(tie_rows),
        )
        messages.success(request, _("Your profile is saved. Possible conflicts were looked for."))
        return redirect("review:home")
    return render(request, "review/profile.html", {"cycle": cycle, "form": form, "ties": tie_rows})


@login_required
@require_http_methods(["GET", "POST"])
def declare(request, pk: int):
    """Declaring a conflict is deliberate: its own page, the kind chosen (nothing preset), then a
    confirmation that says what follows."""
    candidate = get_object_or_404(Candidate.objects.select_related("cycle"), pk=pk)
    require(request.user, "review.declare_conflict", candidate)
    if not candidate.ready_for_committee:
        raise Http404
    form = DeclareConflictForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid() and not confirmed(request):
            kind = dict(form.fields["kind"].choices)[form.cleaned_data["kind"]]
            return confirmation(
                request,
                title=_("Declare a conflict with %(name)s?") % {"name": candidate.name},
                consequences=[
                    _("Kind of conflict: %(kind)s.") % {"kind": kind},
                    _(
                        "You will not review this candidate, see its reviews or take part in "
                        "its discussion; if it is assigned to you, the assignment is withdrawn."
                    ),
                    _("You can withdraw the declaration from your committee page."),
                ],
                button=_("Declare the conflict"),
                cancel_url=reverse("review:home"),
            )
        if form.is_valid():
            services.declare_conflict(
                request.user,
                candidate,
                kind=form.cleaned_data["kind"],
                note=form.cleaned_data["note"],
            )
            messages.success(
                request,
                _("Your conflict with %(name)s is recorded.") % {"name": candidate.name},
            )
            return redirect(f"{reverse('review:home')}#your-conflicts")
    return render(
        request, "review/declare.html", {"candidate": candidate, "form": form}, status=status
    )


@login_required
@require_POST
def withdraw(request, pk: int):
    """A member takes back their own mistaken declaration."""
    require(request.user, "review.use_committee_area")
    conflict = get_object_or_404(
        Conflict.objects.select_related("candidate"), pk=pk, member=request.user
    )
    with refusals(request):
        services.withdraw_conflict(conflict, member=request.user)
        messages.success(
            request,
            _("Your conflict with %(name)s is withdrawn.") % {"name": conflict.candidate.name},
        )
    return redirect(f"{reverse('review:home')}#your-conflicts")


@login_required
@require_POST
def decide(request, pk: int):
    require(request.user, "review.use_committee_area")
    conflict = get_object_or_404(
        Conflict.objects.select_related("candidate"), pk=pk, member=request.user
    )
    is_conflict = request.POST.get("confirmed") == "yes"
    with refusals(request):
        services.decide_conflict(conflict, member=request.user, confirmed=is_conflict)
        name = conflict.candidate.name
        messages.success(
            request,
            _("Confirmed: you have a conflict with %(name)s.") % {"name": name}
            if is_conflict
            else _("Dismissed: no conflict with %(name)s.") % {"name": name},
        )
    return redirect(f"{reverse('review:home')}#your-conflicts")


@login_required
def candidate(request, pk: int):
    """What the committee reads: the organisation and the redacted nominations, nothing else.
    A conflicted member is told so, and sees nothing of it."""
    found = get_object_or_404(Candidate.objects.select_related("cycle", "organisation"), pk=pk)
    require(request.user, "review.declare_conflict", found)
    if not found.ready_for_committee:
        raise Http404
    if not request.user.has_perm("review.read_candidate", found):
        return render(request, "review/conflicted.html", {"candidate": found}, status=403)
    comments = queries.discussion(found)
    return render(
        request,
        "review/candidate.html",
        {
            "candidate": found,
            "cycle": found.cycle,
            "dossier": committee_dossier(found),
            "comments": comments,
            # ?posted=<id>: the writer's own message just posted, and what its mentions did.
            "posted": _posted(request, comments),
            "checks": queries.diligence_summary(found),
            "documents": found.documents.all(),
            "comment_form": CommentForm(),
            "assigned": queries.is_assigned(request.user, found),
        },
    )


@login_required
@require_GET
def dossier_pdf(request, pk: int):
    """The same dossier as the candidate page, as a PDF to read on paper (the download is
    recorded; every page says who it was printed for)."""
    found = get_object_or_404(Candidate.objects.select_related("cycle", "organisation"), pk=pk)
    require(request.user, "review.read_candidate", found)
    if not found.ready_for_committee:
        raise Http404
    content = documents.dossier_pdf(found, reader=request.user)
    record("dossier.printed", actor=request.user, subject=found)
    response = content_as_download(content, filename=f"dossier-{found.pk}.pdf", kind="pdf")
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def review(request, pk: int):
    """The review form: a draft saved with "Save draft", sent with "Submit"; revisable while
    the cycle is in the review phase. What was typed stays on the page when something is refused."""
    found = get_object_or_404(Candidate.objects.select_related("cycle", "organisation"), pk=pk)
    require(request.user, "review.read_candidate", found)
    if not queries.is_assigned(request.user, found):
        raise Http404
    current = queries.review_of(request.user, found)
    form = ReviewForm(
        request.POST or None, cycle=found.cycle, initial=ReviewForm.initial_from(current)
    )
    status = 200
    open_now = services.in_review_phase(found)
    submitted = current is not None and current.state == "submitted"
    editing = not submitted or (open_now and request.GET.get("edit") == "1")
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action")
        if request.htmx and action == "autosave":
            return _autosave(request, found, form, current)
        submit = action == "submit"
        with refusals(request, form):
            services.save_review(
                request.user,
                found,
                scores=form.scores(),
                comments=form.comments(),
                recommendation=form.cleaned_data["recommendation"],
                overall=form.cleaned_data["overall"],
                abstained=form.cleaned_data["abstained"],
                abstain_reason=form.cleaned_data["abstain_reason"],
                submit=submit,
            )
            if submitted:
                messages.success(request, _("Your review is changed."))
            elif submit:
                messages.success(request, _("Your review is submitted."))
            else:
                messages.success(request, _("Your draft is saved."))
            return redirect("review:review", pk=pk)
        status = 400
        editing = True
    elif request.method == "POST":
        status = 400
        editing = True
    previous, following = _neighbours(request.user, found)
    return render(
        request,
        "review/review.html",
        {
            "candidate": found,
            "cycle": found.cycle,
            "form": form,
            "current": current,
            "submitted": submitted,
            "editing": editing,
            "mine": _own_review(form, current) if submitted else None,
            "previous": previous,
            "next": following,
            "dossier": committee_dossier(found),
            "open": open_now,
            "closed": refusal(found.cycle.phase, "review"),
            "others": queries.other_reviews(request.user, found)
            if services.others_visible(request.user, found)
            else None,
        },
        status=status,
    )


@login_required
@require_POST
def comment(request, pk: int):
    found = get_object_or_404(Candidate.objects.select_related("cycle"), pk=pk)
    require(request.user, "review.read_candidate", found)
    form = CommentForm(request.POST)
    if form.is_valid():
        with refusals(request):
            posted = services.post_comment(request.user, found, text=form.cleaned_data["text"])
            # The outcome (who was notified, which mention named nobody) is shown beside the
            # message itself, where the writer is looking.
            comment = posted.comment.pk
            return redirect(
                f"{reverse('review:candidate', args=[pk])}?posted={comment}#comment-{comment}"
            )
    else:
        messages.error(request, _("Write a message first."))
    return redirect(f"{reverse('review:candidate', args=[pk])}#discussion")


def _neighbours(user, found):
    """The assigned candidates before and after this one, in the order of the member's list."""
    candidates = [a.candidate for a in queries.assigned_to(user, found.cycle)]
    ids = [c.pk for c in candidates]
    if found.pk not in ids:
        return None, None
    at = ids.index(found.pk)
    previous = candidates[at - 1] if at > 0 else None
    following = candidates[at + 1] if at + 1 < len(candidates) else None
    return previous, following


def _own_review(form, review):
    """The member's submitted review as it reads: criterion, the chosen score's label, comment."""
    rows = []
    for criterion, score_name, _comment_name, _levels in form.criteria:
        number = str(criterion.number)
        score = review.scores.get(number)
        labels = dict(form.fields[score_name].choices)
        rows.append(
            (criterion, labels.get(str(score), "—") if score is not None else "—",
             review.comments.get(number, ""))
        )  # fmt: skip
    return rows


def _posted(request, comments):
    """The outcome of the reader's own message named by ?posted=, or None."""
    wanted = request.GET.get("posted", "")
    if not wanted.isdigit():
        return None
    for comment in comments:
        if comment.pk == int(wanted) and comment.author_id == request.user.pk:
            return services.outcome_of(comment)
    return None


def _autosave(request, found, form, current):
    """htmx, as the member types: the draft is saved; a refusal (a submitted review is revised
    only with its button) says why in the status line and changes nothing."""
    try:
        current = services.save_review(
            request.user,
            found,
            scores=form.scores(),
            comments=form.comments(),
            recommendation=form.cleaned_data["recommendation"],
            overall=form.cleaned_data["overall"],
            abstained=form.cleaned_data["abstained"],
            abstain_reason=form.cleaned_data["abstain_reason"],
            autosave=True,
        )
    except ServiceError as error:  # a phase refusal too: said in the status line, not a message
        return HttpResponse(escape(error.message))
    return render(request, "review/review.html#autosave-status", {"current": current})


@login_required
def document(request, pk: int, document_pk: int):
    """A due-diligence document, for a member who may read the candidate; always a download,
    and every opening is logged."""
    found = get_object_or_404(Candidate.objects.select_related("cycle"), pk=pk)
    require(request.user, "review.read_candidate", found)
    item = get_object_or_404(CandidateDocument, pk=document_pk, candidate=found)
    record(
        "candidate.document_opened_by_committee",
        actor=request.user,
        subject=found,
        data={"document": item.pk},
    )
    return as_download(
        item.file,
        filename=f"candidate-{found.pk}-{item.kind}-{item.pk}.{item.file_type}",
        kind=item.file_type,
    )
