from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from laurel.core.confirm import confirmation, confirmed
from laurel.core.downloads import content_as_download
from laurel.core.permissions import require
from laurel.privacy import requests, retention
from laurel.privacy.forms import CloseForm, CorrectForm, EraseForm, OpenRequestForm
from laurel.privacy.models import SubjectRequest
from laurel.privacy.policy import policy_file


@login_required
@require_GET
def retention_page(request):
    require(request.user, "privacy.manage")
    return render(
        request,
        "privacy/retention.html",
        {"rows": retention.status(), "policy_file": policy_file().name},
    )


@login_required
@require_POST
def retention_apply(request):
    require(request.user, "privacy.manage")
    if not confirmed(request):
        due = [row for row in retention.status() if row.due_now]
        return confirmation(
            request,
            title=_("Apply the retention policy now?"),
            consequences=[
                (
                    _("%(category)s: %(count)d anonymised")
                    if row.action == "anonymise"
                    else _("%(category)s: %(count)d deleted")
                )
                % {"category": row.label, "count": row.due_now}
                for row in due
            ]
            or [_("Nothing is due now: no record changes.")],
            irreversible=bool(due),
            button=_("Apply the policy now"),
            cancel_url=reverse("privacy:retention"),
        )
    erased = retention.apply(actor=request.user)
    total = sum(erased.values())
    messages.success(
        request,
        _("The policy was applied: %(count)s records erased or anonymised.") % {"count": total},
    )
    return redirect("privacy:retention")


@login_required
@require_http_methods(["GET", "POST"])
def request_list(request):
    require(request.user, "privacy.manage")
    form = OpenRequestForm(
        request.POST or None, initial={"received_on": timezone.localdate(), "about": "person"}
    )
    if request.method == "POST" and form.is_valid():
        opened = requests.open_request(**form.cleaned_data, actor=request.user)
        return redirect("privacy:request", pk=opened.pk)
    return render(
        request,
        "privacy/requests.html",
        {
            "form": form,
            "open_requests": SubjectRequest.objects.filter(state="open"),
            "closed_requests": SubjectRequest.objects.exclude(state="open")[:50],
            "today": timezone.localdate(),
        },
    )


def _detail(request, subject_request, **forms):
    return render(
        request,
        "privacy/request.html",
        {
            "subject_request": subject_request,
            "held": requests.holdings(subject_request),
            "restricted": requests.is_restricted(subject_request),
            "correct_form": forms.get("correct_form") or CorrectForm(),
            "erase_form": forms.get("erase_form") or EraseForm(),
            "close_form": forms.get("close_form") or CloseForm(),
            "today": timezone.localdate(),
        },
        status=400 if forms else 200,
    )


@login_required
@require_GET
def request_detail(request, pk: int):
    require(request.user, "privacy.manage")
    return _detail(request, get_object_or_404(SubjectRequest, pk=pk))


@login_required
@require_GET
def request_export(request, pk: int, fmt: str):
    require(request.user, "privacy.manage")
    if fmt not in {"json", "pdf"}:
        raise Http404
    subject_request = get_object_or_404(SubjectRequest, pk=pk)
    content = requests.export(subject_request, fmt=fmt, actor=request.user)
    name = f"laurel-request-{subject_request.pk}.{fmt}"
    response = content_as_download(content, filename=name, kind=fmt)
    response["Cache-Control"] = "no-store"
    return response


def _posted(request, pk: int, form_class, slot: str, **lookup):
    """The request a form was posted about, the bound form, and the page with its errors when
    it is not valid (else None)."""
    require(request.user, "privacy.manage")
    subject_request = get_object_or_404(SubjectRequest, pk=pk, **lookup)
    form = form_class(request.POST)
    refused = None if form.is_valid() else _detail(request, subject_request, **{slot: form})
    return subject_request, form, refused


@login_required
@require_POST
def request_correct(request, pk: int):
    subject_request, form, refused = _posted(
        request, pk, CorrectForm, "correct_form", about="person"
    )
    if refused:
        return refused
    changed = requests.correct(subject_request, **form.cleaned_data, actor=request.user)
    messages.success(request, _("Corrected in %(count)s records.") % {"count": changed})
    return redirect("privacy:request", pk=pk)


@login_required
@require_POST
def request_erase(request, pk: int):
    subject_request, _form, refused = _posted(request, pk, EraseForm, "erase_form", about="person")
    if refused:
        return refused
    counts = requests.erase(subject_request, actor=request.user)
    messages.success(
        request, _("Erased: %(count)s records changed.") % {"count": sum(counts.values())}
    )
    return redirect("privacy:request", pk=pk)


@login_required
@require_POST
def request_restrict(request, pk: int):
    require(request.user, "privacy.manage")
    subject_request = get_object_or_404(SubjectRequest, pk=pk, about="person")
    if requests.is_restricted(subject_request):
        requests.lift_restriction(subject_request, actor=request.user)
        messages.success(request, _("The restriction is lifted."))
    elif subject_request.email:
        requests.restrict(subject_request, actor=request.user)
        messages.success(request, _("Processing is restricted: Laurel writes to them no more."))
    else:
        messages.error(request, _("A restriction needs their email address."))
    return redirect("privacy:request", pk=pk)


@login_required
@require_POST
def request_close(request, pk: int):
    subject_request, form, refused = _posted(request, pk, CloseForm, "close_form", state="open")
    if refused:
        return refused
    requests.close(subject_request, **form.cleaned_data, actor=request.user)
    messages.success(request, _("The request is closed."))
    return redirect("privacy:requests")
