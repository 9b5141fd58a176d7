"""The nominated organisation's own page: its single-use link."""

from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from laurel.candidates import services
from laurel.candidates.forms import ClaimForm

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
                language=translation.get_language(),
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
