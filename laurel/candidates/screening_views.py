"""Screening decisions, and the ineligibility emails that wait for the nominations to close.
Marking a candidate ineligible, and sending the waiting emails early, go through the
confirmation step (core.confirm): they say who will be told, and when."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from laurel.candidates import queries, services
from laurel.candidates.enums import CandidateState
from laurel.candidates.forms import ScreeningForm
from laurel.candidates.models import Candidate
from laurel.candidates.staff_views import detail_page
from laurel.core.confirm import confirmation, confirmed
from laurel.core.forms import refusals
from laurel.core.http import safe_next
from laurel.core.permissions import require
from laurel.cycles.queries import cycle_for


@login_required
@require_POST
def screen(request, pk: int):
    require(request.user, "candidates.screen")
    candidate = get_object_or_404(Candidate.objects.select_related("cycle"), pk=pk)
    form = ScreeningForm(request.POST)
    if not form.is_valid():
        return detail_page(request, candidate, status=400, screening_form=form)
    ineligible = form.cleaned_data["decision"] == "ineligible"
    emails = queries.ineligibility_emails(candidate) if ineligible else 0
    newly = ineligible and candidate.state != CandidateState.INELIGIBLE
    if newly and emails and not confirmed(request, emails=emails):
        return _confirm_ineligible(request, candidate, emails)
    with refusals(request, form):  # refused: the reason on the form, in the section htmx redraws
        services.decide_eligibility(
            candidate,
            eligible=form.cleaned_data["decision"] == "eligible",
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
            actor=request.user,
        )
        messages.success(
            request,
            _("%(name)s: the screening decision is saved.") % {"name": candidate.name},
        )
        return redirect(safe_next(request, reverse("candidates:detail", args=[pk])))
    return detail_page(request, candidate, status=409, screening_form=form)


def _deadline(cycle) -> str:
    return formats.date_format(
        timezone.localtime(cycle.nominations_close_at, cycle.zone), "DATETIME_FORMAT"
    )


def _confirm_ineligible(request, candidate, emails: int):
    """Who will be told, and when: at the deadline while nominations are open, else now."""
    cancel_url = safe_next(request, reverse("candidates:detail", args=[candidate.pk]))
    title = _("Mark %(name)s ineligible?") % {"name": candidate.name}
    if services.notices_wait(candidate.cycle):
        told = ngettext(
            "Its %(count)d nominator will be told, in neutral words and without the reason, "
            "when nominations close on %(deadline)s.",
            "Its %(count)d nominators will be told, in neutral words and without the reason, "
            "when nominations close on %(deadline)s.",
            emails,
        ) % {"count": emails, "deadline": _deadline(candidate.cycle)}
        return confirmation(
            request,
            title=title,
            consequences=[
                told,
                _("If you mark it eligible again before then, nobody is told anything."),
            ],
            button=_("Mark ineligible"),
            cancel_url=cancel_url,
        )
    told = ngettext(
        "Its %(count)d nominator is told at once, in neutral words and without the reason.",
        "Its %(count)d nominators are told at once, in neutral words and without the reason.",
        emails,
    ) % {"count": emails}
    return confirmation(
        request,
        title=title,
        consequences=[told, _("The email cannot be taken back, even if you change the decision.")],
        emails=emails,
        irreversible=True,
        button=_("Mark ineligible and tell the nominators"),
        cancel_url=cancel_url,
    )


@login_required
@require_POST
def tell_nominators(request):
    """The waiting ineligibility emails of the cycle (or of one candidate, `candidate=<pk>`)
    leave now, before the nominations close."""
    cycle = cycle_for(request, "candidates.screen")
    candidate = None
    if request.POST.get("candidate", "").isdigit():
        candidate = get_object_or_404(Candidate, pk=request.POST["candidate"], cycle=cycle)
    back = reverse("candidates:detail", args=[candidate.pk]) if candidate else None
    back = back or f"{reverse('candidates:list')}?cycle={cycle.slug}"
    emails = queries.waiting_notices(cycle, candidate).count()
    if not emails:
        messages.info(request, _("No nominator is waiting to be told."))
        return redirect(back)
    if not confirmed(request, emails=emails):
        return confirmation(
            request,
            title=_("Tell the nominators now?"),
            consequences=[
                ngettext(
                    "%(count)d nominator of an ineligible candidate is told now that the "
                    "candidate is not eligible, instead of when nominations close on "
                    "%(deadline)s.",
                    "%(count)d nominators of ineligible candidates are told now that their "
                    "candidate is not eligible, instead of when nominations close on "
                    "%(deadline)s.",
                    emails,
                )
                % {"count": emails, "deadline": _deadline(cycle)},
                _("Marking a candidate eligible afterwards does not take the email back."),
            ],
            emails=emails,
            irreversible=True,
            button=_("Tell the nominators now"),
            cancel_url=back,
        )
    told = services.send_waiting_ineligibility_notices(
        cycle, actor=request.user, candidate=candidate
    )
    messages.success(
        request,
        ngettext("%(count)d nominator is being told.", "%(count)d nominators are being told.", told)
        % {"count": told},
    )
    return redirect(back)
