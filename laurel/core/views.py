from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django_tasks_db.models import DBTaskResult

from laurel.core import health, services
from laurel.core.forms import refusals
from laurel.core.http import is_direct_from_this_machine
from laurel.core.limits import DEFAULT_PAGE
from laurel.core.permissions import require
from laurel.core.queries import audit_entries, audit_subject_types, failed_tasks

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


@never_cache
@require_GET
def healthz(request):
    """The process is up and answers; nothing else is checked (a liveness probe)."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request):
    """Ready for traffic: database, migrations, a live task worker, free disk (core.health).
    Anyone learns ready or not (the status code and one word); what each check found (the
    database vendor, heartbeat times, free space) only staff and a probe on this machine."""
    checks = health.readiness()
    ready = all(check.ok for check in checks)
    body = {"status": "ready" if ready else "not ready"}
    if is_direct_from_this_machine(request) or request.user.has_perm("core.manage_tasks"):
        body["checks"] = {check.name: {"ok": check.ok, "detail": check.detail} for check in checks}
    return JsonResponse(body, status=200 if ready else 503)


@login_required
@require_GET
def task_list(request):
    require(request.user, "core.manage_tasks")
    page = Paginator(failed_tasks(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "core/failed_tasks.html", {"page": page})


@login_required
@require_POST
def task_retry(request, pk):
    require(request.user, "core.manage_tasks")
    result = get_object_or_404(DBTaskResult, pk=pk)
    with refusals(request):
        services.retry_task(result, actor=request.user)
        messages.success(request, _("The task is back in the queue."))
    return redirect("audit:tasks")


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def bad_request(request, exception=None):
    """A request Django could not read. More form text than DATA_UPLOAD_MAX_MEMORY_SIZE (an
    answer pasted many times over, on a form whose documents allow a large body) is told as
    core.limits tells a body too large, with 413; anything else gets the site's own page."""
    if isinstance(exception, RequestDataTooBig):
        return render(request, DEFAULT_PAGE, status=413)
    if request.path.startswith("/api/"):  # an API client reads JSON, as its description says
        return JsonResponse({"detail": "The request could not be read."}, status=400)
    return render(request, "400.html", status=400)


def server_error(request):
    # No context processors that could fail again; the page says nothing about the error.
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render())
