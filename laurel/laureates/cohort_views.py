"""The cohort space, for the laureates' contacts and staff."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from laurel.core.downloads import as_download
from laurel.core.forms import refusals
from laurel.core.permissions import require
from laurel.cycles.queries import cycle_for
from laurel.laureates import queries, services
from laurel.laureates.forms import cohort as cohort_forms
from laurel.laureates.models import DigestPreference, Initiative, Laureate, LibraryDocument, Post


def _page(request, cycle, status=200, **forms):
    preference = DigestPreference.objects.filter(user=request.user, cycle=cycle).first()
    return render(
        request,
        "laureates/cohort.html",
        {
            "cycle": cycle,
            **queries.cohort_page(cycle),
            "post_form": forms.get("post_form") or cohort_forms.PostForm(),
            "initiative_form": forms.get("initiative_form")
            or cohort_forms.InitiativeForm(laureates=Laureate.objects.filter(cycle=cycle)),
            "document_form": forms.get("document_form") or cohort_forms.DocumentForm(),
            "event_form": forms.get("event_form") or cohort_forms.EventForm(),
            "digest_form": cohort_forms.DigestForm(
                initial={"frequency": preference.frequency if preference else "never"}
            ),
        },
        status=status,
    )


@login_required
def cohort(request):
    return _page(request, cycle_for(request, "laureates.use_cohort"))


@login_required
@require_POST
def new_post(request):
    cycle = cycle_for(request, "laureates.use_cohort")
    form = cohort_forms.PostForm(request.POST)
    if not form.is_valid():
        return _page(request, cycle, status=400, post_form=form)
    message = services.post(cycle, actor=request.user, **form.cleaned_data)
    return redirect("laureates:post", pk=message.pk)


@login_required
@require_http_methods(["GET", "POST"])
def post_page(request, pk: int):
    cycle = cycle_for(request, "laureates.use_cohort")
    message = get_object_or_404(
        Post.objects.select_related("author", "laureate__candidate"), pk=pk, cycle=cycle
    )
    form = cohort_forms.ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.reply(message, body=form.cleaned_data["body"], actor=request.user)
        return redirect("laureates:post", pk=pk)
    return render(
        request,
        "laureates/post.html",
        {
            "post": message,
            "replies": message.replies.select_related("author", "laureate__candidate"),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def new_initiative(request):
    cycle = cycle_for(request, "laureates.use_cohort")
    form = cohort_forms.InitiativeForm(request.POST, laureates=Laureate.objects.filter(cycle=cycle))
    if form.is_valid():
        data = form.cleaned_data
        with refusals(request, form):
            initiative = services.propose_initiative(
                cycle,
                kind=data["kind"],
                title=data["title"],
                description=data["description"],
                owners=list(data["owners"]),
                actor=request.user,
            )
            return redirect("laureates:initiative", pk=initiative.pk)
    return _page(request, cycle, status=400, initiative_form=form)


def _initiative(request, pk: int) -> Initiative:
    cycle = cycle_for(request, "laureates.use_cohort")
    return get_object_or_404(Initiative, pk=pk, cycle=cycle)


@login_required
def initiative_page(request, pk: int):
    initiative = queries.initiative_detail(_initiative(request, pk))
    return render(
        request,
        "laureates/initiative.html",
        {
            "initiative": initiative,
            "status_form": cohort_forms.InitiativeStatusForm(initial={"status": initiative.status}),
            "milestone_form": cohort_forms.InitiativeMilestoneForm(),
        },
    )


def _act(request, pk: int, call) -> object:
    with refusals(request):
        call()
        messages.success(request, _("Saved."))
    return redirect("laureates:initiative", pk=pk)


@login_required
@require_POST
def sign(request, pk: int):
    initiative = _initiative(request, pk)
    return _act(request, pk, lambda: services.co_sign(initiative, actor=request.user))


@login_required
@require_POST
def initiative_status(request, pk: int):
    initiative = _initiative(request, pk)
    form = cohort_forms.InitiativeStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return redirect("laureates:initiative", pk=pk)
    return _act(
        request,
        pk,
        lambda: services.set_initiative_status(
            initiative, status=form.cleaned_data["status"], actor=request.user
        ),
    )


@login_required
@require_POST
def initiative_milestone(request, pk: int):
    initiative = _initiative(request, pk)
    form = cohort_forms.InitiativeMilestoneForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the milestone and its date."))
        return redirect("laureates:initiative", pk=pk)
    return _act(
        request,
        pk,
        lambda: services.add_initiative_milestone(
            initiative, actor=request.user, **form.cleaned_data
        ),
    )


@login_required
@require_POST
def share(request):
    cycle = cycle_for(request, "laureates.use_cohort")
    form = cohort_forms.DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, cycle, status=400, document_form=form)
    services.share_document(
        cycle,
        title=form.cleaned_data["title"],
        upload=form.cleaned_data["upload"],
        kind=form.checked.kind,
        actor=request.user,
    )
    messages.success(request, _("The document is in the library."))
    return redirect("laureates:cohort")


@login_required
def document(request, pk: int):
    cycle = cycle_for(request, "laureates.use_cohort")
    shared = get_object_or_404(LibraryDocument, pk=pk, cycle=cycle)
    return as_download(shared.file, filename=f"{shared.title}.{shared.kind}", kind=shared.kind)


@login_required
@require_POST
def event(request):
    cycle = cycle_for(request, "laureates.use_cohort")
    require(request.user, "laureates.manage")
    form = cohort_forms.EventForm(request.POST)
    with timezone.override(cycle.zone):
        valid = form.is_valid()
    if valid:
        with refusals(request, form):
            services.add_event(cycle, actor=request.user, **form.cleaned_data)
            messages.success(request, _("The event is in the calendar."))
            return redirect("laureates:cohort")
    return _page(request, cycle, status=400, event_form=form)


@login_required
@require_POST
def digest(request):
    cycle = cycle_for(request, "laureates.use_cohort")
    form = cohort_forms.DigestForm(request.POST)
    if form.is_valid():
        services.choose_digest(cycle, frequency=form.cleaned_data["frequency"], actor=request.user)
        messages.success(request, _("Saved."))
    return redirect("laureates:cohort")
