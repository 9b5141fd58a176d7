"""The nominated organisation's own page: its private link, usable until the answer-by date."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from laurel.candidates import services
from laurel.candidates.enums import Consent
from laurel.candidates.forms.claim import ClaimForm
from laurel.candidates.services.consent import undo_until
from laurel.core.language import public_page

REFUSED_STATUS = {"unknown": 404, "revoked": 410, "expired": 410}


def _refused(request, refused: services.ClaimRefused):
    return render(
        request,
        "candidates/claim_refused.html",
        {"reason": refused.reason, "cycle": refused.cycle},
        status=REFUSED_STATUS[refused.reason],
    )


@public_page
@never_cache
@require_http_methods(["GET", "POST"])
def claim(request, token: str):
    """The organisation learns it was nominated (never by whom) and answers; until the
    answer-by date it can come back to add a document, correct its details or change its
    answer. An answer shows the receipt; a refusal is confirmed before it counts."""
    try:
        invitation = services.find_claim(token)
    except services.ClaimRefused as refused:
        return _refused(request, refused)
    candidate = invitation.candidate
    context = {
        "candidate": candidate,
        "cycle": candidate.cycle,
        "claim": invitation,
        "greeting_name": invitation.greeting_name,
        "call_address": settings.SITE_URL + reverse("nominations:call"),
        "received": candidate.documents.filter(from_organisation=True),
        "undo_until": undo_until(invitation),
    }
    answered = candidate.consent in {Consent.GIVEN, Consent.REFUSED}
    if request.method == "GET" and answered and "change" not in request.GET:
        return render(
            request, "candidates/claim_done.html", {**context, "sent": "sent" in request.GET}
        )
    form = ClaimForm(request.POST or None, request.FILES or None, initial=_initial(invitation))
    if request.method == "POST" and form.is_valid():
        consent = form.cleaned_data["consent"] == "yes"
        if (
            not consent
            and candidate.consent != Consent.REFUSED
            and request.POST.get("confirm_refusal") != "yes"
        ):
            dropped = [upload.name for upload, _checked, _kind in form.checked_documents]
            return render(request, "candidates/claim_refuse.html", {**context, "dropped": dropped})
        try:
            services.answer_claim(
                token,
                consent=consent,
                profile=form.profile(),
                documents=form.checked_documents,
                language=translation.get_language(),
            )
        except services.ClaimRefused as refused:
            return _refused(request, refused)
        except services.ScreeningError:
            # The candidate moved on (merged into another, say): staff must help.
            form.add_error(
                None,
                _(
                    "Your answer could not be recorded through this link. Please write to the "
                    "secretariat, which will record it for you."
                ),
            )
        else:
            return redirect(f"{request.path}?sent")
    return render(
        request,
        "candidates/claim.html",
        {**context, "form": form, "answered": answered},
        status=400 if request.method == "POST" else 200,
    )


def _initial(invitation) -> dict:
    """The form as the organisation left it: its profile, the contact it gave, its answer."""
    candidate = invitation.candidate
    organisation = candidate.organisation
    initial = {name: getattr(organisation, name) for name in services.consent.PROFILE_FIELDS}
    initial["contact_name"] = invitation.told.get("contact_name") or invitation.greeting_name
    initial["contact_email"] = invitation.told.get("contact_email") or invitation.email
    if candidate.consent == Consent.GIVEN:
        initial["consent"] = "yes"
    elif candidate.consent == Consent.REFUSED:
        initial["consent"] = "no"
    return initial
