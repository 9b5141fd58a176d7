"""The laureate's area: its journey as a checklist, and what it lets the world publish."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from laurel.core.permissions import require
from laurel.laureates import queries, services
from laurel.laureates.forms import BankDetailsForm, MediaConsentForm
from laurel.laureates.services.prize import Details


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


@login_required
@require_http_methods(["GET", "POST"])
def bank(request):
    """The laureate's bank details: entered here, never shown back in full. Who may is checked
    first (404 for anyone else); then the password is asked again if not given lately."""
    return _bank_form(request, _laureate(request))


@reauthentication_required
def _bank_form(request, laureate):
    form = BankDetailsForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
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
            except services.PrizeError as error:
                form.add_error(error.field, error.message)
            else:
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
