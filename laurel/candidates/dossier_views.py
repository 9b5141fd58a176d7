"""Staff prepare a candidate for the committee: due diligence, documents, the committee's
version of each nomination, the organisation's consent, readiness."""

from datetime import datetime, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from laurel.candidates import queries, services
from laurel.candidates.forms import (
    CommitteeVersionForm,
    DiligenceForm,
    DocumentForm,
    InviteOrganisationForm,
)
from laurel.candidates.models import Candidate, CandidateDocument
from laurel.candidates.pages import PLACED
from laurel.candidates.staff_views import detail_page
from laurel.core.confirm import confirmation, confirmed
from laurel.core.downloads import as_download
from laurel.core.forms import refusals
from laurel.core.permissions import require
from laurel.core.sections import section_form
from laurel.core.services import record
from laurel.nominations.models import Nomination


def candidate_url(pk: int) -> str:
    return reverse("candidates:detail", args=[pk])


def _candidate(request, pk: int, perm: str) -> Candidate:
    require(request.user, perm)
    return get_object_or_404(Candidate.objects.select_related("cycle", "organisation"), pk=pk)


@section_form
@login_required
@require_POST
def diligence(request, pk: int):
    """All areas of due diligence in one save: a refused save shows everything as typed, the
    message next to its field; a saved one says so in the section itself."""
    candidate = _candidate(request, pk, "candidates.prepare_dossier")
    form = DiligenceForm(request.POST, checks=queries.diligence_of(candidate))
    if not form.is_valid():
        return detail_page(request, candidate, status=400, diligence_form=form)
    with refusals(request, form):
        changed = services.update_diligence(
            candidate, parts=form.submitted_parts(), actor=request.user
        )
        messages.success(
            request,
            _("The due diligence is saved.")
            if changed
            else _("Nothing had changed; nothing to save."),
            extra_tags=f"{PLACED} diligence",
        )
        return redirect(f"{candidate_url(pk)}#diligence")
    return detail_page(request, candidate, status=409, diligence_form=form)


@section_form
@login_required
@require_POST
def document_add(request, pk: int):
    candidate = _candidate(request, pk, "candidates.prepare_dossier")
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        return detail_page(request, candidate, status=400, document_form=form)
    services.add_document(
        candidate,
        upload=form.cleaned_data["document"],
        checked=form.checked,
        kind=form.cleaned_data["kind"],
        actor=request.user,
    )
    messages.success(request, _("The document is added."), extra_tags=f"{PLACED} documents")
    return redirect(f"{candidate_url(pk)}#documents")


@login_required
def document_download(request, pk: int, document_pk: int):
    """Always a download, never shown in the browser; every download is logged."""
    require(request.user, "candidates.prepare_dossier")
    document = get_object_or_404(CandidateDocument, pk=document_pk, candidate_id=pk)
    record("candidate.document_downloaded", actor=request.user, subject=document.candidate)
    return as_download(
        document.file,
        filename=f"candidate-{pk}-{document.kind}-{document.pk}.{document.file_type}",
        kind=document.file_type,
    )


@login_required
@require_http_methods(["GET", "POST"])
def committee_version(request, pk: int, nomination_pk: int):
    """The committee's version of one nomination: the flags shown in place, the text edited."""
    require(request.user, "candidates.prepare_dossier")
    nomination = get_object_or_404(
        Nomination.objects.select_related("cycle", "committee_version"),
        pk=nomination_pk,
        placement__candidate_id=pk,
    )
    labels = queries.text_labels(nomination)
    current = queries.committee_texts(nomination) or services.redacted_texts(nomination)
    version = getattr(nomination, "committee_version", None)
    form = CommitteeVersionForm(
        request.POST or None,
        labels=labels,
        initial_texts=current,
        translations=version.translations if version else {},
        languages=nomination.cycle.working,
    )
    if request.method == "POST" and form.is_valid():
        with refusals(request, form):
            services.save_committee_version(
                nomination,
                texts=form.texts(),
                translations=form.translations(),
                into=form.cleaned_data["translated_into"],
                actor=request.user,
            )
            messages.success(
                request,
                _("The committee's version is saved."),
                extra_tags=f"{PLACED} committee-versions",
            )
            return redirect(f"{candidate_url(pk)}#committee-versions")
    record("nomination.read", actor=request.user, subject=nomination, summary=nomination.reference)
    return render(
        request,
        "candidates/committee_version.html",
        {
            "nomination": nomination,
            "candidate_pk": pk,
            "form": form,
            "originals": queries.marked_originals(nomination),
        },
    )


@login_required
@require_POST
def ready(request, pk: int):
    candidate = _candidate(request, pk, "candidates.prepare_dossier")
    with refusals(request, extra_tags=f"{PLACED} ready"):
        services.mark_ready(candidate, ready=request.POST.get("ready") == "yes", actor=request.user)
        messages.success(request, _("Saved."), extra_tags=f"{PLACED} ready")
    return redirect(f"{candidate_url(pk)}#ready")


@login_required
@require_POST
def invite(request, pk: int):
    candidate = _candidate(request, pk, "candidates.invite_organisation")
    form = InviteOrganisationForm(request.POST)
    if not form.is_valid():
        return detail_page(request, candidate, status=400, invite_form=form)
    deadline = timezone.make_aware(
        datetime.combine(form.cleaned_data["deadline"], time(23, 59)), candidate.cycle.zone
    )
    if not confirmed(request):
        return confirmation(
            request,
            title=_("Ask %(name)s for its consent?") % {"name": candidate.name},
            consequences=[
                _(
                    "An email goes to %(email)s: the organisation learns that it was nominated "
                    "(never by whom) and is asked to answer by %(deadline)s; reminders follow."
                )
                % {
                    "email": form.cleaned_data["email"],
                    "deadline": formats.date_format(form.cleaned_data["deadline"]),
                },
                _("Any earlier link sent to the organisation stops working."),
            ],
            emails=1,
            irreversible=True,
            button=_("Send the request"),
            cancel_url=f"{candidate_url(pk)}#consent",
        )
    with refusals(request, form):
        services.invite_organisation(
            candidate,
            email=form.cleaned_data["email"],
            language=form.cleaned_data["language"],
            deadline=deadline,
            actor=request.user,
        )
        messages.success(
            request,
            _("The organisation is asked; the link is in the outbox."),
            extra_tags=f"{PLACED} consent",
        )
        return redirect(f"{candidate_url(pk)}#consent")
    return detail_page(request, candidate, status=400, invite_form=form)
