"""The laureate's area: its journey as a checklist, and what it lets the world publish."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from laurel.core.permissions import require
from laurel.laureates import queries, services
from laurel.laureates.forms import MediaConsentForm


def _laureate(request):
    laureate = queries.laureates_of(request.user).first()
    if laureate is None:
        raise Http404
    require(request.user, "laureates.act_for", laureate)
    return laureate


@login_required
@require_http_methods(["GET", "POST"])
def home(request):
    laureate = _laureate(request)
    form = MediaConsentForm(request.POST or None, instance=laureate)
    if request.method == "POST" and form.is_valid():
        services.set_media_consent(
            laureate,
            publish_name=form.cleaned_data["publish_name"],
            publish_logo=form.cleaned_data["publish_logo"],
            publish_staff_names=form.cleaned_data["publish_staff_names"],
            at_risk=form.cleaned_data["at_risk"],
            actor=request.user,
        )
        messages.success(request, _("Your choices about publication are saved."))
        return redirect("laureates:home")
    return render(
        request,
        "laureates/home.html",
        {"laureate": laureate, "cycle": laureate.cycle, "form": form},
    )
