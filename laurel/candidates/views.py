"""Pages outside the staff area: the nominated organisation's link, and the committee's view."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from laurel.candidates import queries, services
from laurel.candidates.forms import ClaimForm
from laurel.candidates.models import Candidate
from laurel.core.permissions import require

REFUSED_STATUS = {"unknown": 404, "used": 410, "revoked": 410, "expired": 410}


@never_cache
@require_http_methods(["GET", "POST"])
def claim(request, token: str):
    """The organisation learns it was nominated (never by whom) and answers, once."""
    try:
        invitation = services.find_claim(token)
    except services.ClaimRefused as refused:
        return render(
            request,
            "candidates/claim_refused.html",
            {"reason": refused.reason},
            status=REFUSED_STATUS[refused.reason],
        )
    candidate = invitation.candidate
    organisation = candidate.organisation
    form = ClaimForm(
        request.POST or None,
        request.FILES or None,
        initial={name: getattr(organisation, name) for name in services.consent.PROFILE_FIELDS},
    )
    if request.method == "POST" and form.is_valid():
        try:
            candidate = services.answer_claim(
                token,
                consent=form.cleaned_data["consent"] == "yes",
                profile=form.profile(),
                documents=form.checked_documents,
            )
        except services.ClaimRefused as refused:
            return render(
                request,
                "candidates/claim_refused.html",
                {"reason": refused.reason},
                status=REFUSED_STATUS[refused.reason],
            )
        return render(request, "candidates/claim_done.html", {"candidate": candidate})
    return render(
        request,
        "candidates/claim.html",
        {"candidate": candidate, "cycle": candidate.cycle, "form": form, "claim": invitation},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def committee_list(request):
    require(request.user, "candidates.view_committee_list")
    return render(
        request,
        "candidates/committee_list.html",
        {"candidates": queries.committee_candidates(request.user)},
    )


@login_required
def committee_candidate(request, pk: int):
    """What the committee reads: the organisation and the redacted nominations, nothing else."""
    candidate = get_object_or_404(Candidate.objects.select_related("cycle", "organisation"), pk=pk)
    require(request.user, "candidates.view_dossier", candidate)
    return render(
        request,
        "candidates/committee_candidate.html",
        {
            "candidate": candidate,
            "cycle": candidate.cycle,
            "dossier": queries.committee_dossier(candidate),
        },
    )
