from django.conf import settings
from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from laurel.core.http import client_ip, network_of
from laurel.core.ratelimit import over_limit
from laurel.cycles.queries import public_cycle
from laurel.nominations import challenge, services
from laurel.nominations.enums import EDITABLE_STATES, NominationState
from laurel.nominations.forms import NominationForm, ReviewForm, initial_from
from laurel.nominations.models import new_token
from laurel.nominations.safeguarding import scan

TOKEN_LENGTH = range(20, 64)


def call_page(request):
    """The public call for nominations of the current award."""
    cycle = public_cycle()
    if cycle is None:
        return render(request, "nominations/no_call.html")
    return render(request, "nominations/call.html", {"cycle": cycle})


def privacy(request):
    return render(request, "nominations/privacy.html", {"cycle": public_cycle()})


def _cycle_or_404():
    cycle = public_cycle()
    if cycle is None:
        raise Http404
    return cycle


def _late_code(request, cycle):
    code = request.POST.get("late_code") or request.session.get("late_code", "")
    return services.find_late_code(cycle, code) if code else None


def _take_late_code(request, cycle):
    """The closed page's form: a valid code opens the form for this browser."""
    if services.find_late_code(cycle, request.POST.get("late_code", "")) is None:
        messages.error(request, _("This late-submission code is not valid, or was used already."))
    else:
        request.session["late_code"] = request.POST["late_code"].strip().upper()
    return redirect("nominations:nominate")


@never_cache
@require_http_methods(["GET", "POST"])
def nominate(request):
    """A new nomination. Its private token is made here and travels in the form, so the first
    save, a double click or a retry all reach the same draft."""
    cycle = _cycle_or_404()
    if request.method == "POST":
        if "token" not in request.POST and "late_code" in request.POST:
            return _take_late_code(request, cycle)
        token = request.POST.get("token", "")
        if len(token) not in TOKEN_LENGTH:
            raise Http404
        return _save(request, cycle, token, nomination=None)
    if not services.is_open(cycle, late_code=_late_code(request, cycle)):
        return render(request, "nominations/closed.html", {"cycle": cycle})
    token, _hash = new_token()
    language = translation.get_language()
    # Built only if the cached fragments of the blank form are missing.
    form = SimpleLazyObject(
        lambda: NominationForm(
            cycle=cycle, complete=False, initial={"preferred_language": language}
        )
    )
    return _form_page(request, cycle, form, token, nomination=None, blank=True)


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token: str):
    """The private link: the draft while it is one; later the nomination, to edit or withdraw."""
    nomination = services.find_by_token(token)
    if nomination is None:
        raise Http404
    cycle = nomination.cycle
    if request.method == "POST":
        return _save(request, cycle, token, nomination=nomination)
    if nomination.state == NominationState.DRAFT and services.is_open(
        cycle, late_code=_late_code(request, cycle)
    ):
        form = NominationForm(
            cycle=cycle,
            complete=False,
            initial=initial_from(nomination),
            existing_attachments=nomination.attachments.count(),
        )
        return _form_page(request, cycle, form, token, nomination)
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


def _form_page(request, cycle, form, token, nomination, status=200, blank=False):
    return render(
        request,
        "nominations/form.html",
        {
            "cycle": cycle,
            "form": form,
            "token": token,
            "nomination": nomination,
            # Called by the template only if the cached fragments are missing: a lambda, because
            # even naming `form.sections` would build the lazy blank form.
            "sections": lambda: form.sections(),
            "attachments": nomination.attachments.all() if nomination else [],
            # A new, empty form is the same for everyone: its fields come from the cache.
            "blank": blank,
        },
        status=status,
    )


class SlowDown(Exception):
    """Too many saves from one address in an hour."""


def _save(request, cycle, token, nomination):
    """Save what was typed (a draft, or an edit of a submitted nomination), then go on. A body
    larger than the form takes never gets here (core.limits refuses it before it is read)."""
    action = request.POST.get("action", "save")
    submitted = nomination is not None and nomination.state != NominationState.DRAFT
    form = NominationForm(
        request.POST,
        request.FILES,
        cycle=cycle,
        complete=action == "review" or submitted,
        existing_attachments=nomination.attachments.count() if nomination else 0,
    )
    valid = form.is_valid()

    def admit() -> None:
        # Counted in the service's transaction: the counter and the draft commit together, once.
        limit = settings.NOMINATION_SAVES_PER_ADDRESS
        if over_limit("nomination-save", client_ip(request), limit=limit, window=3600):
            raise SlowDown

    try:
        if submitted:
            return _save_edit(request, nomination, token, form, valid, admit)
        return _save_draft(request, cycle, token, form, valid, action, admit)
    except SlowDown:
        return render(request, "nominations/slow_down.html", {"cycle": cycle}, status=429)
    except services.NominationsClosed:
        typed = {"cycle": cycle, "typed": _typed_copy(form)}
        return render(request, "nominations/closed.html", typed, status=403)
    except services.NotEditable:
        return redirect("nominations:manage", token=token)
    except services.StorageFull:
        # Nothing was saved; the form comes back with everything typed, the files to add again.
        form.add_error(
            "attachments",
            _(
                "We could not store your documents just now, so nothing was saved. Your text "
                "is still here: please try again in a few minutes, or save without the documents."
            ),
        )
        return _form_page(request, cycle, form, token, nomination, status=507)


def _save_edit(request, nomination, token, form, valid, admit):
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


def _save_draft(request, cycle, token, form, valid, action, admit):
    nomination, _created = services.save_draft(
        cycle,
        token=token,
        data=form.nomination_data(),
        language=translation.get_language(),
        uploads=form.checked_uploads,
        late_code=_late_code(request, cycle),
        honeypot=form.honeypot_filled,
        send_resume_link=action == "save",
        # An autosave or a plain save of a complete form keeps the draft ready for review.
        complete=form.passes_submission_checks(),
        admit=admit,
    )
    removal = request.POST.get("remove_attachment", "")
    attachment = (
        nomination.attachments.filter(pk=int(removal)).first() if removal.isdigit() else None
    )
    if attachment is not None:
        services.remove_attachment(attachment)
        messages.success(request, _("The document was removed."))
        return redirect("nominations:manage", token=token)
    if request.htmx and action == "autosave":
        return render(request, "nominations/form.html#autosave-status", {"nomination": nomination})
    if not valid:
        messages.error(request, _("Please correct the fields marked below. Your draft is saved."))
        return _form_page(request, cycle, form, token, nomination, status=200)
    if action == "review":
        return redirect("nominations:review", token=token)
    if nomination.email_withheld:
        # Neutral: the address has had its share of our emails for this hour.
        # No email carries the private link this time: the page's own address is the link.
        saved = _(
            "Your draft is saved. We sent no email this time: this address has had several "
            "from us in the last hour. Bookmark this page: its address is your private link "
            "to the draft."
        )
    else:
        saved = _(
            "Your draft is saved. You can come back to it with your private link; we emailed "
            "it to you if you gave your address."
        )
    messages.success(request, saved)
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


def _typed_copy(form) -> list[tuple[str, str]]:
    """What the nominator typed, to copy and keep when the deadline has passed."""
    copy = []
    for name, field in form.fields.items():
        value = form.data.get(name, "")
        if value and isinstance(value, str) and name not in {"fax_number"}:
            copy.append((str(field.label), value))
    return copy


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
    late_code = _late_code(request, cycle)
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


@never_cache
@require_GET
def altcha_challenge(request):
    return JsonResponse(challenge.new_challenge())
