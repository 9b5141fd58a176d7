"""Prize payments for staff and finance: masked by default; full details, verification,
approval, payment and the bank file for finance only, every read of details logged."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from laurel.accounts.enums import Role
from laurel.core.permissions import require
from laurel.core.tables import table_response
from laurel.cycles.queries import requested_staff_cycle
from laurel.laureates import exports, queries, services
from laurel.laureates.forms import ExportForm, PaidForm
from laurel.laureates.models import Laureate, Payment
from laurel.nominations.uploads import CONTENT_TYPES


def _cycle(request, perm: str):
    return requested_staff_cycle(request, perm)


def _refused(request, error) -> None:
    messages.error(request, error.message)


def _handles_payments(user) -> bool:
    """Finance, and only finance: the superuser flag opens none of it (the services refuse too)."""
    return user.has_perm("laureates.handle_payments") and user.has_role(Role.FINANCE)


def _finance_only(request) -> None:
    if not _handles_payments(request.user):
        raise Http404


@login_required
def payments(request):
    require(request.user, "laureates.view_payments")
    cycle = _cycle(request, "laureates.view_payments")
    return render(
        request,
        "laureates/payments.html",
        {
            "cycle": cycle,
            "table": queries.payment_table(cycle),
            "export_form": ExportForm(),
            "may_handle": _handles_payments(request.user),
        },
    )


@login_required
@require_POST
def request_payment(request, pk: int):
    require(request.user, "laureates.request_payment")
    laureate = get_object_or_404(Laureate, pk=pk)
    try:
        services.request_payment(laureate, actor=request.user)
    except services.PrizeError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The payment is requested."))
    return redirect("laureates:payments")


def _payment_page(request, payment, *, revealed=None, form=None, status=200):
    return render(
        request,
        "laureates/payment.html",
        {
            "payment": payment,
            "account": queries.current_account(payment.laureate),
            "revealed": revealed,
            "paid_form": form or PaidForm(),
            "may_handle": _handles_payments(request.user),
        },
        status=status,
    )


def _payment(pk: int) -> Payment:
    return get_object_or_404(
        Payment.objects.select_related(
            "laureate__candidate", "account", "requested_by", "verified_by", "approved_by"
        ),
        pk=pk,
    )


@login_required
def payment(request, pk: int):
    require(request.user, "laureates.view_payments")
    return _payment_page(request, _payment(pk))


@login_required
@require_POST
def reveal(request, pk: int):
    """Finance shows the full details (a POST: a read that is logged is an action)."""
    _finance_only(request)
    payment = _payment(pk)
    account = queries.current_account(payment.laureate)
    if account is None:
        raise Http404
    try:
        revealed = services.reveal_account(account, actor=request.user)
    except services.PrizeError:
        raise Http404 from None  # refused: out of reach, as the matrix has it (never a 500)
    return _payment_page(request, payment, revealed=revealed)


@login_required
def proof(request, pk: int):
    _finance_only(request)
    account = queries.current_account(_payment(pk).laureate)
    if account is None:
        raise Http404
    try:
        content = services.proof_of(account, actor=request.user)
    except services.PrizeError:
        raise Http404 from None
    response = HttpResponse(content, content_type=CONTENT_TYPES[account.proof_kind])
    response["Content-Disposition"] = (
        f'attachment; filename="proof-{account.pk}.{account.proof_kind}"'
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# Lazy: translated when the message is shown, in the language of that request.
STEPS = {
    "verify": (services.verify_payment, gettext_lazy("The bank details are verified.")),
    "approve": (services.approve_payment, gettext_lazy("The payment is approved.")),
    "cancel": (services.cancel_payment, gettext_lazy("The payment is cancelled.")),
}


@login_required
@require_POST
def step(request, pk: int, action: str):
    _finance_only(request)
    if action not in STEPS:
        raise Http404
    service, done = STEPS[action]
    try:
        service(_payment(pk), actor=request.user)
    except services.PrizeError as error:
        _refused(request, error)
    else:
        messages.success(request, done)
    return redirect("laureates:payment", pk=pk)


@login_required
@require_POST
def paid(request, pk: int):
    _finance_only(request)
    payment = _payment(pk)
    form = PaidForm(request.POST)
    if not form.is_valid():
        return _payment_page(request, payment, form=form, status=400)
    try:
        services.mark_paid(payment, actor=request.user, **form.cleaned_data)
    except services.PrizeError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The payment is recorded as paid."))
    return redirect("laureates:payment", pk=pk)


@login_required
@require_POST
def export_pain(request):
    _finance_only(request)
    cycle = _cycle(request, "laureates.handle_payments")
    form = ExportForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the date the bank should pay on."))
        return redirect("laureates:payments")
    try:
        content = exports.approved_file(
            queries.approved_payments(cycle),
            actor=request.user,
            execution_date=form.cleaned_data["execution_date"],
        )
    except services.PrizeError:
        raise Http404 from None
    except exports.ExportError as error:
        messages.error(request, str(error))
        return redirect("laureates:payments")
    response = HttpResponse(content, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="prizes-{cycle.slug}.xml"'
    return response


@login_required
def export_csv(request):
    require(request.user, "laureates.view_payments")
    cycle = _cycle(request, "laureates.view_payments")
    header, rows = exports.payments_table(queries.payments_of(cycle))
    return table_response(f"prizes-{cycle.slug}", header, rows, "csv")
