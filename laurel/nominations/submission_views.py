"""After the form: the review and submit step, the private page of a submitted nomination,
edits, confirmation by email and withdrawal."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from laurel.core.http import client_ip, network_of
from laurel.core.ratelimit import over_limit
from laurel.cycles.queries import public_cycle
from laurel.nominations import challenge, services
from laurel.nominations.enums import EDITABLE_STATES, NominationState
from laurel.nominations.forms import NominationForm, ReviewForm, initial_from
from laurel.nominations.late import session_late_code
from laurel.nominations.safeguarding import scan


def manage_submitted(request, nomination, token: str):
    """The private link of a nomination that is no longer a draft: to read, edit or withdraw."""
    cycle = nomination.cycle
    editable = nomination.state in EDITABLE_STATES and cycle.nominations_are_open
    form = None
    if editable:
        form = NominationForm(
            cycle=cycle,
            complete=True,
            initial=initial_from(nomination),
            existing_attachments=nomination.attachments.count(),
        )
    return render(
        request,
        "nominations/manage.html",
        {
            "cycle": cycle,
            "nomination": nomination,
            "token": token,
            "form": form,
            "editable": editable,
        },
    )


def save_edit(request, nomination, token, form, valid, admit):
    if not valid:
        return _manage_with_errors(request, nomination, token, form)
    edited = services.edit_nomination(
        nomination,
        token=token,
        data=form.nomination_data(),
        uploads=form.checked_uploads,
        admit=admit,
    )
    if edited.email_withheld or edited.held_for_moderation:
        messages.success(request, _("Your changes are saved. We sent no receipt this time."))
    else:
        messages.success(request, _("Your changes are saved. We sent you a receipt."))
    return redirect("nominations:manage", token=token)


def _manage_with_errors(request, nomination, token, form):
    messages.error(request, _("Please correct the fields marked below. Nothing was changed yet."))
    return render(
        request,
        "nominations/manage.html",
        {
            "cycle": nomination.cycle,
            "nomination": nomination,
            "token": token,
            "form": form,
            "editable": True,
        },
    )


def _texts(nomination) -> dict[str, str]:
    texts = {f"answer_{number}": text for number, text in nomination.answers.items()}
    texts["org_description"] = nomination.org_description
    return texts


@never_cache
@require_http_methods(["GET", "POST"])
def review(request, token: str):
    """Everything once more, what the safeguarding check found, and the final submit."""
    nomination = services.find_by_token(token)
    if nomination is None:
        raise Http404
    if nomination.state != NominationState.DRAFT:
        return redirect("nominations:manage", token=token)
    cycle = nomination.cycle
    if not nomination.complete:
        messages.error(request, _("Some required answers are missing. Please complete them."))
        return redirect("nominations:manage", token=token)
    findings = scan(_texts(nomination))
    late_code = session_late_code(request, cycle)
    form = ReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if findings and not form.cleaned_data["acknowledge_flags"]:
            form.add_error(
                "acknowledge_flags",
                _("Remove these details, or confirm that they identify no one."),
            )
        elif not services.is_open(cycle, late_code=late_code):
            form.add_error(
                "late_code",
                _(
                    "The deadline has passed. With a late-submission "
                    "code from the secretariat you can still submit."
                ),
            )
        else:
            try:
                # One transaction, one commit: the used challenge, the counters, the nomination.
                services.submit_nomination(
                    nomination,
                    token=token,
                    hold_reason=lambda: _hold_reason(request, nomination),
                    late_code=late_code,
                    acknowledged=bool(findings),
                    network=network_of(client_ip(request)),
                )
            except services.NominationsClosed:
                form.add_error("late_code", _("The deadline has passed."))
            except services.Incomplete:
                messages.error(
                    request, _("Some required answers are missing. Please complete them.")
                )
                return redirect("nominations:manage", token=token)
            else:
                return redirect("nominations:submitted", token=token)
    return render(
        request,
        "nominations/review.html",
        {
            "cycle": cycle,
            "nomination": nomination,
            "token": token,
            "form": form,
            "findings": findings,
            "closed": not cycle.nominations_are_open,
        },
    )


def _hold_reason(request, nomination) -> str:
    """Why a nomination waits for a person to look at it; never a reason to refuse it."""
    if nomination.moderation_reason:
        return nomination.moderation_reason
    if not request.POST.get("altcha"):
        return "no-proof-of-work"
    if not challenge.verify(request.POST["altcha"]):
        return "failed-proof-of-work"
    by_address = settings.NOMINATION_SUBMITS_PER_ADDRESS
    if over_limit("nomination-submit-ip", client_ip(request), limit=by_address, window=3600):
        return "many-from-one-address"
    by_email = settings.NOMINATION_SUBMITS_PER_EMAIL
    if over_limit(
        "nomination-submit-email", nomination.nominator_email, limit=by_email, window=3600
    ):
        return "many-from-one-email"
    return ""


@never_cache
@require_GET
def submitted(request, token: str):
    nomination = services.find_by_token(token)
    if nomination is None or nomination.state == NominationState.DRAFT:
        raise Http404
    return render(
        request,
        "nominations/submitted.html",
        {"cycle": nomination.cycle, "nomination": nomination, "token": token},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """The link in the confirmation email. GET only asks: mail scanners follow links."""
    if request.method == "POST":
        nomination = services.confirm_nomination(token)
        if nomination is None:
            raise Http404
        return render(
            request,
            "nominations/confirmed.html",
            {"cycle": nomination.cycle, "nomination": nomination},
        )
    return render(request, "nominations/confirm.html", {"cycle": public_cycle()})


@require_POST
def withdraw(request, token: str):
    nomination = services.find_by_token(token)
    if nomination is None:
        raise Http404
    if request.POST.get("really") != "yes":
        messages.error(request, _("Tick the box to confirm that you want to withdraw it."))
        return redirect("nominations:manage", token=token)
    try:
        withdrawn = services.withdraw_nomination(nomination, token=token)
        if withdrawn.email_withheld or withdrawn.held_for_moderation:
            messages.success(request, _("Your nomination is withdrawn. We sent no receipt."))
        else:
            messages.success(request, _("Your nomination is withdrawn. We sent you a receipt."))
    except (services.NotEditable, services.NominationsClosed):
        messages.error(request, _("This nomination can no longer be withdrawn."))
    return redirect("nominations:manage", token=token)
