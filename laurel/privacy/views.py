from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from laurel.core.permissions import require
from laurel.privacy import retention
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
    erased = retention.apply(actor=request.user)
    total = sum(erased.values())
    messages.success(
        request,
        _("The policy was applied: %(count)s records erased or anonymised.") % {"count": total},
    )
    return redirect("privacy:retention")
