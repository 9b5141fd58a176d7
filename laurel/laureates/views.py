"""The laureate's area: its journey as a checklist, and what it lets the world publish."""

import time

from allauth.account.internal.flows.login import get_authentication_records
from allauth.account.internal.flows.reauthentication import suspend_request
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from laurel.core.confirm import confirmation, confirmed
from laurel.core.forms import refusals
from laurel.core.permissions import require
from laurel.core.texts import in_language
from laurel.laureates import queries, services
from laurel.laureates.enums import DelegateState
from laurel.laureates.forms import (
    AssessmentForm,
    BankDetailsForm,
    DelegateForm,
    MediaConsentForm,
    PassportForm,
)
from laurel.laureates.services.prize import Details
from laurel.laureates.services.summit import DELEGATE_FIELDS


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
        {
            "laureate": laureate,
            "cycle": laureate.cycle,
            "form": form,
            "account": queries.current_account(laureate),
        },
    )


# How long a code from the authenticator app opens the bank details page (the form may take a
# while: finding the IBAN, scanning the bank's letter).
BANK_STEP_UP_SECONDS = 15 * 60


def _second_factor_given_lately(request) -> bool:
    """Whether this session gave a second factor (at sign-in or since) in the last minutes."""
    now = time.time()
    return any(
        record.get("method") == "mfa" and now - record.get("at", 0) < BANK_STEP_UP_SECONDS
        for record in get_authentication_records(request, request.user)
    )


@login_required
@require_http_methods(["GET", "POST"])
def bank(request):
    """The laureate's bank details: entered here, never shown back in full. Who may is checked
    first (404 for anyone else); then a second factor (step-up): a password alone, guessed or
    phished, must not be enough to redirect the prize. Without an authenticator app the page
    says how to set one up; with one, its code is asked again unless given lately."""
    laureate = _laureate(request)
    if not Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).exists():
        return render(
            request, "laureates/bank.html", {"laureate": laureate, "needs_second_factor": True}
        )
    if not _second_factor_given_lately(request):
        # A POST is kept (not its file) and replayed once the code is given.
        return suspend_request(request, reverse("mfa_reauthenticate"))
    return _bank_form(request, laureate)


def _bank_form(request, laureate):
    form = BankDetailsForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            with refusals(request, form):
                services.save_bank_details(
                    laureate,
                    details=Details(
                        holder=data["holder"],
                        iban=data["iban"],
                        bic=data["bic"],
                        account_number=data["account_number"],
                        bank_name=data["bank_name"],
                        bank_address=data["bank_address"],
                        country=data["country"],
                    ),
                    proof=data["proof"].read(),
                    proof_kind=form.checked.kind,
                    actor=request.user,
                )
                messages.success(
                    request,
                    _("Your bank details are saved. Finance will check them before paying."),
                )
                return redirect("laureates:home")
    return render(
        request,
        "laureates/bank.html",
        {
            "laureate": laureate,
            "form": form,
            "account": queries.current_account(laureate),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def summit(request):
    """The summit for a laureate: the event, its delegates, registering one more (the form
    only while registration is open and a place is free; otherwise a sentence says why)."""
    laureate = _laureate(request)
    event = queries.summit_of(laureate.cycle)
    conduct = in_language(laureate.cycle.code_of_conduct, get_language())
    form = DelegateForm(request.POST or None, code_of_conduct=conduct)
    status = 200
    if request.method == "POST":
        status = 400
        if event is not None and form.is_valid():
            with refusals(request, form):
                services.register_delegate(laureate, values=form.cleaned_data, actor=request.user)
                messages.success(request, _("The delegate is registered."))
                return redirect("laureates:summit")
    return render(
        request,
        "laureates/summit.html",
        {
            "laureate": laureate,
            "summit": event,
            "delegates": queries.delegates_of(laureate),
            "form": form,
            "passport_form": PassportForm(),
            "open": services.registration_open(event),
            "places_left": services.places_left(laureate, event) if event else 0,
            "code_of_conduct": conduct,
        },
        status=status,
    )


def _own_delegate(request, pk: int):
    laureate = _laureate(request)
    return laureate, get_object_or_404(
        laureate.delegates.exclude(state=DelegateState.CANCELLED), pk=pk
    )


@login_required
@require_http_methods(["GET", "POST"])
def delegate(request, pk: int):
    """The laureate changes one of its delegates, until registration closes."""
    laureate, person = _own_delegate(request, pk)
    event = queries.summit_of(laureate.cycle)
    form = DelegateForm(request.POST or None, instance=person)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            values = {name: form.cleaned_data[name] for name in DELEGATE_FIELDS}
            person.refresh_from_db()  # the form wrote its values on the instance
            with refusals(request, form):
                person = services.change_delegate(person, values=values, actor=request.user)
                messages.success(request, _("The delegate's details are saved."))
                if person.letter_sent_back:
                    messages.info(
                        request,
                        _(
                            "The visa invitation letter names the delegate as they were: the "
                            "secretariat checks the new details and approves it again."
                        ),
                    )
                return redirect("laureates:summit")
    return render(
        request,
        "laureates/delegate.html",
        {
            "laureate": laureate,
            "summit": event,
            "delegate": person,
            "form": form,
            "open": services.registration_open(event),
        },
        status=status,
    )


@login_required
@require_POST
def withdraw(request, pk: int):
    """The laureate withdraws a delegate (after a confirmation page), until registration
    closes: the place is free again, passport data given for them is deleted."""
    _owner, person = _own_delegate(request, pk)
    if not confirmed(request):
        return confirmation(
            request,
            title=_("Withdraw %(name)s from the summit?") % {"name": person.full_name},
            consequences=[
                _("Their place is free again: you may register someone else."),
                _("Any passport data given for their invitation letter is deleted."),
            ],
            irreversible=True,
            button=_("Withdraw the delegate"),
            cancel_url=reverse("laureates:summit"),
        )
    with refusals(request):
        services.withdraw_delegate(person, actor=request.user)
        messages.success(
            request, _("%(name)s is withdrawn from the summit.") % {"name": person.full_name}
        )
    return redirect("laureates:summit")


@login_required
@require_POST
def passport(request, pk: int):
    laureate = _laureate(request)
    delegate = get_object_or_404(laureate.delegates, pk=pk)
    form = PassportForm(request.POST)
    if form.is_valid():
        with refusals(request):
            services.give_passport_data(delegate, actor=request.user, **form.cleaned_data)
            messages.success(request, _("The passport data is saved for the invitation letter."))
    else:
        messages.error(request, _("Give every passport detail, the dates as dates."))
    return redirect("laureates:summit")


@login_required
@require_http_methods(["GET", "POST"])
def support(request):
    """The laureate's support programme: its needs assessment, its plan, its sessions."""
    laureate = _laureate(request)
    initial = {}
    for assessment in laureate.assessments.all():
        initial[f"level_{assessment.area}"] = assessment.level
        initial[f"note_{assessment.area}"] = assessment.note
    form = AssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.assess_needs(
            laureate, levels=form.levels(), notes=form.notes(), actor=request.user
        )
        messages.success(request, _("Your needs assessment is saved."))
        return redirect("laureates:support")
    return render(
        request,
        "laureates/support.html",
        {
            "laureate": laureate,
            "form": form,
            "plan": queries.plan_of(laureate),
            "sessions": laureate.sessions.all(),
        },
        status=400 if form.errors else 200,
    )
