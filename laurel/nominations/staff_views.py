"""The secretariat's view of incoming nominations (the screening console comes next)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from laurel.core.downloads import as_download
from laurel.core.permissions import require
from laurel.core.services import record
from laurel.core.tables import FORMATS, table_response
from laurel.cycles.queries import cycle_for
from laurel.nominations import exports, services
from laurel.nominations.models import Attachment, Nomination
from laurel.nominations.queries import LIST_FILTERS, nomination_counts, staff_nominations

FILTER_LABELS = [
    ("", _("All")),
    ("confirmed", _("Confirmed")),
    ("unconfirmed", _("Awaiting confirmation")),
    ("held", _("Held for moderation")),
    ("self", _("Self-nominations")),
    ("withdrawn", _("Withdrawn")),
    ("lapsed", _("Lapsed")),
]


class LateCodeForm(forms.Form):
    note = forms.CharField(
        label=_("For whom"),
        max_length=200,
        help_text=_("The nominator's name or email, so the audit log says who it was for."),
    )


@login_required
def nomination_list(request):
    cycle = cycle_for(request, "nominations.view_nominations")
    show = request.GET.get("show", "")
    show = show if show in LIST_FILTERS else ""
    search = request.GET.get("q", "")
    download = request.GET.get("format") in FORMATS
    nominations = staff_nominations(cycle, show=show, search=search, answers=download)
    if download:
        header, rows = exports.nomination_table(nominations, cycle.asked_questions())
        return table_response(f"nominations-{cycle.slug}", header, rows, request.GET["format"])
    page = Paginator(nominations, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "nominations/staff_list.html",
        {
            "cycle": cycle,
            "page": page,
            "show": show,
            "search": search,
            "counts": nomination_counts(cycle),
            "filter_choices": FILTER_LABELS,
        },
    )


@login_required
@require_POST
def release(request, pk: int):
    """A held nomination let through after a person looked at it."""
    require(request.user, "nominations.moderate")
    nomination = get_object_or_404(Nomination.objects.exclude(state="draft"), pk=pk)
    services.release_from_moderation(nomination, actor=request.user)
    messages.success(
        request, _("%(reference)s is no longer held.") % {"reference": nomination.reference}
    )
    return redirect(f"{reverse('nominations:staff_list')}?show=held")


@login_required
@require_http_methods(["GET", "POST"])
def late_code_new(request):
    cycle = cycle_for(request, "nominations.create_late_code")
    form = LateCodeForm(request.POST or None)
    code = None
    if request.method == "POST" and form.is_valid():
        code = services.create_late_code(cycle, note=form.cleaned_data["note"], actor=request.user)
    return render(
        request, "nominations/late_code.html", {"cycle": cycle, "form": form, "code": code}
    )


@login_required
def attachment_download(request, pk: int, attachment_pk: int):
    """Always a download, never shown in the browser: a document cannot run as a page here."""
    require(request.user, "nominations.download_attachment")
    attachment = get_object_or_404(Attachment, pk=attachment_pk, nomination_id=pk)
    record(
        "attachment.downloaded",
        actor=request.user,
        subject=attachment,
        summary=str(attachment.nomination_id),
    )
    return as_download(
        attachment.file,
        filename=f"{attachment.nomination_id}-{attachment.pk}.{attachment.kind}",
        kind=attachment.kind,
    )
