from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from laurel.core.permissions import require
from laurel.core.queries import audit_entries, audit_subject_types

PAGE_SIZE = 50


@login_required
@require_GET
def audit_log(request):
    require(request.user, "core.view_audit")
    key_prefix = request.GET.get("key", "").strip()[:80]
    actor = request.GET.get("actor", "").strip()[:254]
    subject_types = audit_subject_types()
    subject_type = request.GET.get("type", "")
    subject_type = subject_type if subject_type in subject_types else ""
    entries = audit_entries(key_prefix=key_prefix, actor=actor, subject_type=subject_type)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "core/audit_log.html",
        {
            "page": page,
            "subject_types": subject_types,
            "filters": {"key": key_prefix, "actor": actor, "type": subject_type},
            "query": request.GET.copy(),
        },
    )


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors that could fail again; the page says nothing about the error.
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render())
