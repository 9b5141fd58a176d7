"""After the form: the review and submit step, the private page of a submitted nomination,
edits (kept pending until reviewed), confirmation by email and withdrawal."""

import hashlib
import json

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.humanize.templatetags.humanize import apnumber
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from laurel.core.http import client_ip, network_of
from laurel.core.language import public_page
from laurel.cycles.queries import public_cycle
from laurel.nominations import services
from laurel.nominations.challenge import WIDGET_LANGUAGES
from laurel.nominations.enums import EDITABLE_STATES, NominationState
from laurel.nominations.findings import MAX_REASON, FindingChoice, marked_texts, texts_of
from laurel.nominations.forms import NominationForm, ReviewForm, initial_from
from laurel.nominations.gate import RequestGate
from laurel.nominations.late import session_late_code
from laurel.nominations.models import DATA_FIELDS
from laurel.nominations.safeguarding import scan

# The query parameter that asks the form page to check a draft as for submitting.
CHECK = "check"


def _page_context(nomination, token: str) -> dict:
    """What every page after submission shows: the state in words and the documents."""
    rows = services.documents(nomination)
    return {
        "cycle": nomination.cycle,
        "nomination": nomination,
        "token": token,
        "status": services.public_status(nomination),
        "documents": rows,
        # The documents of evidence it takes yet (read from the rows: no query).
        "room": max(
            services.MAX_ATTACHMENTS
            - sum(not row["removed"] and not row["question"] for row in rows),
            0,
        ),
        "max_documents": services.MAX_ATTACHMENTS,
        "confirm_days": settings.NOMINATION_CONFIRM_DAYS,
    }


def manage_submitted(request, nomination, token: str, form=None, status=200):
    """The private link of a nomination that is no longer a draft: to read, edit or withdraw.
    A change not yet reviewed is shown in the form (nothing typed is lost) and waits there."""
    cycle = nomination.cycle
    editable = nomination.state in EDITABLE_STATES and cycle.nominations_are_open
    pending = nomination.pending_edit is not None
    if editable and form is None:
        source = services.pending_preview(nomination) if pending else nomination
        form = NominationForm(
            cycle=cycle,
            complete=True,
            initial=initial_from(source),
            existing_attachments=services.MAX_ATTACHMENTS - services.documents_room(nomination),
            held_files=services.held_files(nomination),
        )
    context = _page_context(nomination, token)
    context.update(
        {
            "form": form if editable else None,
            "sections": form.sections() if editable else [],
            # The list with a Remove button for each document: those a pending change keeps.
            "attachments": nomination.attachments.filter(question="").exclude(
                pk__in=(nomination.pending_edit or {}).get("remove", [])
            )
            if editable
            else [],
            "editable": editable,
            "pending": pending and editable,
        }
    )
    return render(request, "nominations/manage.html", context, status=status)


def save_edit(request, nomination, token, form, valid, gate):
    """A change to a submitted nomination (or a document to remove) is kept pending, then the
    nominator reviews it on the same page as the first submission."""
    if not valid:
        messages.error(
            request, _("Please correct the fields marked below. Nothing was changed yet.")
        )
        return manage_submitted(request, nomination, token, form=form)
    removal = request.POST.get("remove_attachment", "")
    try:
        services.stage_edit(
            nomination,
            data=form.nomination_data(),
            uploads=form.checked_uploads,
            remove=[int(removal)] if removal.isdigit() else [],
            honeypot=form.honeypot_filled,
            gate=gate,
        )
    except services.TooManyDocuments:
        form.add_error(
            "attachments",
            _(
                "You can attach at most %(count)s documents. Remove one before you add another. "
                "Your text is still here."
            )
            % {"count": apnumber(services.MAX_ATTACHMENTS)},
        )
        return manage_submitted(request, nomination, token, form=form)
    return redirect("nominations:review", token=token)


def _version(nomination, subject) -> str:
    """A digest of what the review page shows (every answer; for a change, also the documents
    it adds and removes): the page carries it, so that a submit or "Confirm the changes" only
    goes through for what the nominator saw there, not for a change made since in another tab.
    Read from the rows already loaded: no query."""
    shown = {name: getattr(subject, name) for name in DATA_FIELDS}
    shown["pending"] = nomination.pending_edit
    encoded = json.dumps(shown, sort_keys=True, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()[:32]


@public_page
@never_cache
@require_http_methods(["GET", "POST"])
def review(request, token: str):
    """Everything once more, what the safeguarding check found, and the final submit: for the
    first submission of a draft, and for every change to a submitted nomination."""
    nomination = services.find_by_token(token)
    if nomination is None:
        raise Http404
    cycle = nomination.cycle
    if nomination.state == NominationState.DRAFT:
        if not nomination.complete:
            return _to_complete(request, token)
        editing, subject = False, nomination
    elif nomination.pending_edit is not None and nomination.state in EDITABLE_STATES:
        editing, subject = True, services.pending_preview(nomination)
    else:
        return redirect("nominations:manage", token=token)
    if editing and request.method == "POST" and request.POST.get("action") == "discard":
        services.discard_edit(nomination)
        messages.success(request, _("Your changes were discarded. The nomination is as it was."))
        return redirect("nominations:manage", token=token)
    findings = scan(texts_of(subject))
    data = request.POST if request.method == "POST" else None
    kept_before = {
        (kept.get("kind"), kept.get("text")): kept.get("reason", "")
        for kept in nomination.safeguarding_confirmations or []
    }
    choices = [FindingChoice(finding, data, kept_before) for finding in findings]
    late_code = session_late_code(request, cycle)
    form = ReviewForm(data)
    version = _version(nomination, subject)
    # A page that carries another version was reviewed before a change made since (another
    # tab): it comes back showing what would now be submitted. A missing version (a client
    # without the page) is not refused: the check below still sees every finding.
    stale = request.method == "POST" and request.POST.get("reviewed", version) != version
    if request.method == "POST" and form.is_valid():
        handled = [choice.check() for choice in choices]
        if stale:
            for choice in choices:
                choice.error = ""
            messages.error(
                request,
                _(
                    "Your nomination was changed in another tab or window since you opened "
                    "this page. Nothing was submitted: check it as it is now, then submit again."
                )
                if not editing
                else _(
                    "Your nomination was changed in another tab or window since you opened this "
                    "page. Nothing was changed yet: check the changes as they are now, then "
                    "confirm them."
                ),
            )
        elif not all(handled):
            pass  # each unhandled finding says what to do, next to it and at the top
        elif editing:
            result = _apply_edit(request, nomination, token, choices)
            if result is not None:
                return result
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
                    gate=RequestGate(request),
                    late_code=late_code,
                    acknowledged=bool(findings),
                    network=network_of(client_ip(request)),
                    confirmations=[choice.as_confirmation() for choice in choices],
                )
            except services.NominationsClosed:
                form.add_error("late_code", _("The deadline has passed."))
            except services.Incomplete:  # changed in another tab since this page was drawn
                return _to_complete(request, token)
            else:
                return redirect("nominations:submitted", token=token)
    errors = [choice for choice in choices if choice.error]
    context = _page_context(nomination, token)
    context.update(
        {
            "nomination": subject,
            "form": form,
            "findings": choices,
            "finding_errors": errors,
            "has_errors": bool(errors or form.errors),
            "marked": marked_texts(subject, findings),
            "editing": editing,
            "change_url": _change_url(token),
            "closed": not cycle.nominations_are_open and not editing,
            "max_reason": MAX_REASON,
            "reviewed": version,
            "altcha_language": WIDGET_LANGUAGES.get(get_language()),
        }
    )
    return render(request, "nominations/review.html", context)


def _to_complete(request, token: str):
    """Back to the form, each missing answer marked beside its field and in the summary."""
    messages.error(request, _("Some required answers are missing. Please complete them."))
    return redirect(f"{_change_url(token)}?{CHECK}=1")


def _change_url(token: str) -> str:
    return reverse("nominations:manage", kwargs={"token": token})


def _apply_edit(request, nomination, token, choices):
    try:
        edited = services.apply_edit(
            nomination,
            token=token,
            confirmations=[choice.as_confirmation() for choice in choices],
            gate=RequestGate(request),
        )
    except (services.NotEditable, services.NominationsClosed):
        messages.error(request, _("This nomination can no longer be changed."))
        return redirect("nominations:manage", token=token)
    if edited.held_for_moderation:
        messages.success(
            request,
            _(
                "Your changes are saved. The secretariat checks the nomination before it counts; "
                "we sent no confirmation email this time."
            ),
        )
    elif edited.email_withheld:
        messages.success(
            request, _("Your changes are saved. We sent no confirmation email this time.")
        )
    else:
        messages.success(request, _("Your changes are saved. We emailed you a confirmation."))
    return redirect("nominations:manage", token=token)


class CorrectEmailForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("The right email address"),
        max_length=254,
        error_messages={
            "required": gettext_lazy("Enter your email address, like name@example.org"),
            "invalid": gettext_lazy(
                "Enter an email address in the right form, like name@example.org"
            ),
        },
    )


@public_page
@never_cache
@require_http_methods(["GET", "POST"])
def submitted(request, token: str):
    """The thank-you page: the state in words, the private link, where the confirmation went,
    and (until the address is confirmed) a way to correct a mistyped address."""
    nomination = services.find_by_token(token)
    if nomination is None or nomination.state == NominationState.DRAFT:
        raise Http404
    correct_form = CorrectEmailForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if nomination.state != NominationState.SUBMITTED:
            messages.error(
                request, _("Your address is already confirmed, so it cannot be changed here.")
            )
            return redirect("nominations:submitted", token=token)
        if correct_form.is_valid():
            try:
                corrected = services.correct_email(
                    nomination, token=token, email=correct_form.cleaned_data["email"]
                )
            except services.TooManyCorrections:
                correct_form.add_error(
                    "email",
                    _(
                        "You have corrected the address several times today. Try again "
                        "tomorrow, or write to the secretariat."
                    ),
                )
                status = 429
            else:
                if corrected.held_for_moderation:
                    text = _(
                        "Thank you. After the secretariat's check we will send the confirmation "
                        "to %(email)s."
                    )
                elif corrected.email_withheld:
                    text = _(
                        "The address is now %(email)s, but it has had several emails from us in "
                        "the last hour: try again later to get the confirmation email."
                    )
                else:
                    text = _(
                        "We sent the confirmation to %(email)s. The link in the earlier email "
                        "no longer works."
                    )
                messages.success(request, text % {"email": corrected.nominator_email})
                return redirect("nominations:submitted", token=token)
        else:
            status = 400
    context = _page_context(nomination, token)
    context["correct_form"] = correct_form
    return render(request, "nominations/submitted.html", context, status=status)


@public_page
@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """The link in the confirmation email. GET only asks (mail scanners follow links) or, once
    confirmed, says so; an unknown or replaced link says what to do."""
    nomination = services.find_by_confirm_token(token)
    if nomination is None:
        return render(
            request,
            "nominations/confirm.html",
            {"cycle": public_cycle(), "invalid": True},
        )  # a page that says what to do: the link was ours once, or it was mistyped
    already = nomination.state != NominationState.SUBMITTED
    if request.method == "POST" and not already:
        nomination = services.confirm_nomination(token)
        return render(
            request,
            "nominations/confirmed.html",
            {
                "cycle": nomination.cycle,
                "nomination": nomination,
                "status": services.public_status(nomination),
            },
        )
    return render(
        request,
        "nominations/confirm.html",
        {
            "cycle": nomination.cycle,
            "nomination": nomination,
            "already": already,
            "status": services.public_status(nomination),
        },
    )


@public_page
@require_POST
def withdraw(request, token: str):
    nomination = services.find_by_token(token)
    if nomination is None:
        raise Http404
    if request.POST.get("really") != "yes":
        # Said beside the box at the bottom of the page, which takes the focus (no fragment:
        # it would keep autofocus from working), not in a message at the top.
        return redirect(
            reverse("nominations:manage", kwargs={"token": token}) + "?withdraw=unticked"
        )
    try:
        withdrawn = services.withdraw_nomination(nomination, token=token)
        if withdrawn.email_withheld or withdrawn.held_for_moderation:
            messages.success(
                request, _("Your nomination is withdrawn. We sent no confirmation email.")
            )
        else:
            messages.success(
                request, _("Your nomination is withdrawn. We emailed you a confirmation.")
            )
    except (services.NotEditable, services.NominationsClosed):
        messages.error(request, _("This nomination can no longer be withdrawn."))
    return redirect("nominations:manage", token=token)
