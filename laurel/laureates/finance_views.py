"""Prize payments for staff and finance: masked by default; full details, verification,
approval, payment and the bank file for finance only, every read of details logged."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from laurel.core.confirm import confirmation, confirmed
from laurel.core.downloads import content_as_download
from laurel.core.forms import refusals, refuse
from laurel.core.permissions import require
from laurel.core.services import record
from laurel.core.tables import table_response
from laurel.core.templatetags.laurel import iban_groups, money
from laurel.cycles.queries import cycle_for
from laurel.laureates import documents, exports, queries, services
from laurel.laureates.enums import PayingAccountState
from laurel.laureates.forms import ExportForm, PaidForm, PayingAccountForm, SignatoryForm
from laurel.laureates.models import Laureate, Payment
from laurel.laureates.models.prize import PayingAccount
from laurel.laureates.services import payees as payees_module
from laurel.laureates.services import paying
from laurel.laureates.services.payees import payees
from laurel.sanctions import queries as sanctions_queries


def _payments_url(cycle) -> str:
    return f"{reverse('laureates:payments')}?cycle={cycle.slug}"


@login_required
def payments(request):
    cycle = cycle_for(request, "laureates.view_payments")
    return render(
        request,
        "laureates/payments.html",
        {
            "cycle": cycle,
            "table": queries.payment_table(cycle),
            "export_form": ExportForm(),
            "debtor": paying.debtor_for(cycle),
        },
    )


@login_required
@require_POST
def request_payment(request, pk: int):
    require(request.user, "laureates.request_payment")
    laureate = get_object_or_404(Laureate, pk=pk)
    with refusals(request):
        services.request_payment(laureate, actor=request.user)
        messages.success(request, _("The payment is requested."))
    return redirect("laureates:payments")


def _payment_page(request, payment, *, revealed=None, form=None, signatory_form=None, status=200):
    whom = payees(payment)
    return render(
        request,
        "laureates/payment.html",
        {
            "payment": payment,
            "account": queries.current_account(payment.laureate),
            "revealed": revealed,
            "paid_form": form or PaidForm(),
            # Whom it pays, each screened against the sanctions lists (issue 21).
            "screening": sanctions_queries.screening_record(whom),
            "history": queries.payment_history(payment, whom),
            "signatory_form": signatory_form or SignatoryForm(),
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
def screen_signatory(request, pk: int):
    """Staff or finance screen a signatory or board member of the laureate the payment pays."""
    require(request.user, "laureates.view_payments")
    payment = _payment(pk)
    form = SignatoryForm(request.POST)
    if not form.is_valid():
        return _payment_page(request, payment, signatory_form=form, status=400)
    with refusals(request, form):
        payees_module.screen_signatory(payment, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Screened against the current sanctions lists."))
        return redirect(f"{reverse('laureates:payment', args=[pk])}#screening")
    return _payment_page(request, payment, signatory_form=form, status=409)


@login_required
def screening_record(request, pk: int):
    """The payment's sanctions screening record as a PDF, for the funder's auditors (the
    download is recorded)."""
    require(request.user, "laureates.view_payments")
    found = _payment(pk)
    whom = payees(found)
    content = documents.screening_record_pdf(
        found,
        sanctions_queries.screening_record(whom),
        queries.payment_history(found, whom),
        reader=request.user,
    )
    record("payment.screening_record_printed", actor=request.user, subject=found)
    response = content_as_download(content, filename=f"screening-{found.reference}.pdf", kind="pdf")
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def reveal(request, pk: int):
    """Finance shows the full details (a POST: a read that is logged is an action)."""
    require(request.user, "laureates.handle_payments")
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
    require(request.user, "laureates.handle_payments")
    account = queries.current_account(_payment(pk).laureate)
    if account is None:
        raise Http404
    try:
        content = services.proof_of(account, actor=request.user)
    except services.PrizeError:
        raise Http404 from None
    filename = f"proof-{account.pk}.{account.proof_kind}"
    return content_as_download(content, filename=filename, kind=account.proof_kind)


# Lazy: translated when the message is shown, in the language of that request.
STEPS = {
    "verify": (services.verify_payment, gettext_lazy("The bank details are verified.")),
    "approve": (services.approve_payment, gettext_lazy("The payment is approved.")),
    "cancel": (services.cancel_payment, gettext_lazy("The payment is cancelled.")),
}


def _confirm_cancel(request, payment):
    """Cancelling is final: a second step names the payment first (laurel.core.confirm)."""
    name = payment.laureate.candidate.name
    return confirmation(
        request,
        title=_("Cancel the payment to %(name)s?") % {"name": name},
        consequences=[
            _("The payment %(reference)s of %(amount)s is cancelled and will not be paid.")
            % {"reference": payment.reference, "amount": money(payment.amount, payment.currency)},
            _("To pay the prize after all, request a new payment, which is checked again."),
        ],
        button=_("Cancel the payment"),
        cancel_url=reverse("laureates:payment", args=[payment.pk]),
        irreversible=True,
    )


@login_required
@require_POST
def step(request, pk: int, action: str):
    require(request.user, "laureates.handle_payments")
    if action not in STEPS:
        raise Http404
    service, done = STEPS[action]
    payment = _payment(pk)
    if action == "cancel" and not confirmed(request):
        return _confirm_cancel(request, payment)
    # Verifying names the account the page showed (the service refuses any other).
    shown = request.POST.get("account", "")
    extra = {"account": int(shown) if shown.isdigit() else None} if action == "verify" else {}
    with refusals(request):
        service(payment, actor=request.user, **extra)
        messages.success(request, done)
    return redirect("laureates:payment", pk=pk)


@login_required
@require_POST
def paid(request, pk: int):
    require(request.user, "laureates.handle_payments")
    payment = _payment(pk)
    form = PaidForm(request.POST)
    if not form.is_valid():
        return _payment_page(request, payment, form=form, status=400)
    with refusals(request):
        services.mark_paid(payment, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The payment is recorded as paid."))
    return redirect("laureates:payment", pk=pk)


@login_required
@require_POST
def export_pain(request):
    cycle = cycle_for(request, "laureates.handle_payments")
    form = ExportForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the date the bank should pay on."))
        return redirect(_payments_url(cycle))
    approved = queries.approved_payments(cycle)
    # Approved days ago, a payee may be listed since (the daily import screens everyone
    # again): the bank file pays no one whose screening is not clear now.
    held = [
        _("The payment %(reference)s waits on its sanctions screening: %(what)s")
        % {"reference": payment.reference, "what": " ".join(problems)}
        for payment in approved
        if (problems := payees_module.blockers(payment, actor=request.user))
    ]
    if held:
        messages.error(request, " ".join([_("No bank file was made."), *held]))
        return redirect(_payments_url(cycle))
    try:
        content = exports.approved_file(
            approved,
            cycle=cycle,
            actor=request.user,
            execution_date=form.cleaned_data["execution_date"],
        )
    except services.PrizeError:
        raise Http404 from None
    except exports.ExportError as error:
        # The payments page links to the paying-account page when none is set.
        refuse(request, error)
        return redirect(_payments_url(cycle))
    return content_as_download(content, filename=f"prizes-{cycle.slug}.xml", kind="xml")


@login_required
def export_csv(request):
    cycle = cycle_for(request, "laureates.view_payments")
    header, rows = exports.payments_table(queries.payments_of(cycle))
    return table_response(f"prizes-{cycle.slug}", header, rows, "csv")


# The paying account (issue 17, item 7): finance's alone, four eyes to change.


def _account_url(cycle) -> str:
    return f"{reverse('laureates:paying_account')}?cycle={cycle.slug}"


@login_required
@require_http_methods(["GET", "POST"])
def paying_account(request):
    """The account the cycle's prizes are paid from: in use, waiting, and a form to propose a
    change (it takes effect once another finance user approves it)."""
    cycle = cycle_for(request, "laureates.handle_payments")
    form = PayingAccountForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            with refusals(request, form):
                paying.propose_paying_account(cycle, actor=request.user, **form.cleaned_data)
                messages.success(
                    request,
                    _("The new account is proposed: another finance user must approve it."),
                )
                return redirect(_account_url(cycle))
    approved = paying.approved_account(cycle)
    return render(
        request,
        "laureates/paying_account.html",
        {
            "cycle": cycle,
            "form": form,
            "approved": approved,
            "default": paying.settings_default() if approved is None else None,
            "proposed": paying.proposed_account(cycle),
            "history": cycle.paying_accounts.select_related("proposed_by", "decided_by").exclude(
                state=PayingAccountState.PROPOSED
            )[:20],
        },
        status=status,
    )


def _proposal(request, pk: int) -> PayingAccount:
    require(request.user, "laureates.handle_payments")
    account = get_object_or_404(
        PayingAccount.objects.select_related("cycle", "proposed_by"),
        pk=pk,
        state=PayingAccountState.PROPOSED,
    )
    require(request.user, "laureates.handle_payments", account.cycle)
    return account


@login_required
@require_POST
def approve_paying_account(request, pk: int):
    """The second finance user sees the proposed account in full (logged) on a confirmation
    step, and approves it there."""
    account = _proposal(request, pk)
    back = _account_url(account.cycle)
    if account.proposed_by_id == request.user.pk:
        messages.error(
            request,
            _("You proposed this account: another finance user must approve it (four eyes)."),
        )
        return redirect(back)
    if not confirmed(request):
        paying.reveal_proposal(account, actor=request.user)
        return confirmation(
            request,
            title=_("Approve the account the prizes are paid from?"),
            consequences=[
                _("Account holder %(name)s") % {"name": account.name},
                _("IBAN %(iban)s") % {"iban": iban_groups(account.iban)},
                _("BIC %(bic)s") % {"bic": account.bic},
                _(
                    "Check them against the bank's own document: from now on the bank file "
                    "pays every prize from this account."
                ),
            ],
            button=_("Approve the account"),
            cancel_url=back,
        )
    with refusals(request):
        paying.approve_paying_account(account, actor=request.user)
        messages.success(request, _("The account is approved: the bank file pays from it now."))
    return redirect(back)


@login_required
@require_POST
def reject_paying_account(request, pk: int):
    account = _proposal(request, pk)
    with refusals(request):
        paying.reject_paying_account(account, actor=request.user)
        messages.success(request, _("The proposed account is not approved; nothing changed."))
    return redirect(_account_url(account.cycle))
