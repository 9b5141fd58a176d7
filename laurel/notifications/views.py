from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from laurel.core.forms import refusals
from laurel.core.permissions import require
from laurel.notifications import services
from laurel.notifications.catalogue import CATALOGUE
from laurel.notifications.enums import EmailState
from laurel.notifications.models import OutgoingEmail
from laurel.notifications.queries import outbox, outbox_counts


@login_required
def outbox_list(request):
    require(request.user, "notifications.manage_outbox")
    state = request.GET.get("state", "")
    page = Paginator(outbox(state=state), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/outbox.html",
        {
            "page": page,
            "state": state if state in EmailState.values else "",
            "states": EmailState.choices,
            "counts": outbox_counts(),
            "catalogue": CATALOGUE,
        },
    )


@login_required
@require_POST
def email_release(request, pk: int):
    require(request.user, "notifications.manage_outbox")
    email = get_object_or_404(OutgoingEmail, pk=pk)
    with refusals(request):
        services.release_email(email, actor=request.user)
        messages.success(
            request, _("The email to %(to)s is queued for sending.") % {"to": email.to}
        )
    return redirect("outbox:list")


@login_required
@require_POST
def email_cancel(request, pk: int):
    require(request.user, "notifications.manage_outbox")
    email = get_object_or_404(OutgoingEmail, pk=pk)
    with refusals(request):
        services.cancel_email(email, actor=request.user)
        messages.success(request, _("The email to %(to)s was cancelled.") % {"to": email.to})
    return redirect("outbox:list")
