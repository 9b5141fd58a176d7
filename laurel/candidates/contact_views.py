"""Staff keep a candidate's contact: whom its letters go to, and in which language."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from laurel.candidates import services
from laurel.candidates.forms import ContactForm
from laurel.candidates.models import Candidate
from laurel.candidates.staff_views import detail_page
from laurel.core.forms import refusals
from laurel.core.permissions import require
from laurel.core.sections import section_form


def _candidate(request, pk: int) -> Candidate:
    require(request.user, "candidates.edit_contact")
    return get_object_or_404(Candidate.objects.select_related("cycle", "organisation"), pk=pk)


def _back(candidate) -> str:
    return reverse("candidates:detail", args=[candidate.pk]) + "#contact"


@section_form
@login_required
@require_POST
def contact(request, pk: int):
    candidate = _candidate(request, pk)
    form = ContactForm(request.POST)
    if not form.is_valid():
        return detail_page(request, candidate, status=400, contact_form=form)
    with refusals(request, form):
        change = services.set_contact(candidate, **form.cleaned_data, actor=request.user)
        _tell(
            request,
            change,
            _("The contact of %(name)s is saved; letters not yet written will use it.")
            % {"name": candidate.name},
        )
        return redirect(_back(candidate))
    return detail_page(request, candidate, status=409, contact_form=form)


@login_required
@require_POST
def use_claim(request, pk: int, claim_pk: int):
    candidate = _candidate(request, pk)
    claim = get_object_or_404(candidate.claims.exclude(used_at=None), pk=claim_pk)
    with refusals(request):
        change = services.use_claimed_contact(candidate, claim=claim, actor=request.user)
        _tell(
            request,
            change,
            _("What the organisation told us is now the contact of %(name)s.")
            % {"name": candidate.name},
        )
    return redirect(_back(candidate))


def _tell(request, change, saved: str) -> None:
    """What a contact change did: `saved` says it, or nothing changed (`change` is None)."""
    if change is None:
        messages.info(request, _("The contact was already so: nothing changed."))
    else:
        messages.success(request, saved)
