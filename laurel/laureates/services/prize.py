"""Prize payments: the laureate's bank details (encrypted, masked, read only by finance, every
read logged) and the payment's four-eyes path, requested → verified → approved → paid."""

import secrets
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from laurel.accounts.enums import Role
from laurel.accounts.models import User
from laurel.accounts.rules import is_finance
from laurel.candidates.matching import Record, compare, normalise_name
from laurel.candidates.models import Candidate
from laurel.candidates.services.common import records_of
from laurel.core.crypto import cipher, mask
from laurel.core.services import ServiceError, TransitionRefused, record, transition
from laurel.cycles.phases import require_phase
from laurel.laureates.enums import OPEN_PAYMENT_STATES, PAYMENT_TRANSITIONS, PaymentState
from laurel.laureates.models import BankAccount, Laureate, Payment
from laurel.laureates.services.payees import payees, screen_payees
from laurel.notifications.services import queue_email
from laurel.sanctions.services import screening


class PrizeError(ServiceError):
    """A prize payment, bank detail or paying-account step refused; `field` names the form's."""


class PaymentMoveRefused(TransitionRefused, PrizeError):
    def describe(self, obj: models.Model, state: str, to: str) -> str:
        return _("This payment is at “%(state)s”: it cannot move to “%(next)s”.") % {
            "state": state,
            "next": to,
        }


@dataclass(frozen=True)
class Details:
    holder: str
    iban: str
    bic: str
    account_number: str
    bank_name: str
    bank_address: str
    country: str


def holder_is_organisation(holder: str, candidate: Candidate) -> bool:
    """Whether the account holder's name is the organisation, as the name engine judges it:
    its name or any name it is known by (other names, its nominations' names, its acronym),
    legal forms aside. A person's name is not."""
    if not holder.strip():
        return False
    if normalise_name(holder) == normalise_name(candidate.name):
        return True
    organisation = records_of([candidate])[0]
    written = Record(key=-1, name=holder, country=organisation.country)
    return compare(written, organisation) is not None


def check_details(laureate: Laureate, details: Details) -> Details:
    """The details cleaned, or PrizeError naming the field that is wrong."""
    # schwifty's bank registry loads here, with the first bank details checked.
    from schwifty import BIC, IBAN
    from schwifty.exceptions import SchwiftyException

    if not holder_is_organisation(details.holder, laureate.candidate):
        raise PrizeError(
            _(
                "The account holder must be the organisation itself (%(name)s): the prize is "
                "paid to the organisation, never to a person."
            )
            % {"name": laureate.candidate.name},
            "holder",
        )
    iban = bic = ""
    if details.iban:
        try:
            iban = IBAN(details.iban).compact
        except SchwiftyException:
            raise PrizeError(
                _("This is not a valid IBAN: check it letter by letter."), "iban"
            ) from None
        if iban[:2] != details.country:
            raise PrizeError(_("The IBAN belongs to another country than the bank's."), "iban")
    elif not details.account_number:
        raise PrizeError(
            _("Give the IBAN, or the account number where the country has no IBAN."), "iban"
        )
    if details.bic:
        try:
            bic = BIC(details.bic).compact
        except SchwiftyException:
            raise PrizeError(_("This is not a valid BIC (SWIFT code)."), "bic") from None
        if bic[4:6] != details.country:
            raise PrizeError(_("The BIC belongs to another country than the bank's."), "bic")
    elif not details.iban:
        raise PrizeError(_("Without an IBAN the bank's BIC (SWIFT code) is needed."), "bic")
    return Details(
        holder=details.holder.strip(),
        iban=iban,
        bic=bic,
        account_number=details.account_number.strip(),
        bank_name=details.bank_name.strip(),
        bank_address=details.bank_address.strip(),
        country=details.country,
    )


@transaction.atomic
def save_bank_details(
    laureate: Laureate, *, details: Details, proof: bytes, proof_kind: str, actor: User
) -> BankAccount:
    """New bank details for the prize (the view asked for a code from the contact's
    authenticator app first). The old account is kept, replaced; payments not yet paid go back to
    be verified; every contact of the laureate is told by email that the details changed (never
    what they are). A person giving them must have a second factor (`actor` None: the system)."""
    require_phase(laureate.cycle_id, "programme")
    if (
        actor is not None
        and not Authenticator.objects.filter(user=actor, type=Authenticator.Type.TOTP).exists()
    ):
        raise PrizeError(_("Set up an authenticator app before giving bank details."))
    laureate = Laureate.objects.select_for_update().select_related("candidate").get(pk=laureate.pk)
    details = check_details(laureate, details)
    name = f"bank-proofs/{secrets.token_hex(16)}.bin"
    default_storage.save(name, ContentFile(cipher().encrypt(proof)))
    now = timezone.now()
    replaced = laureate.bank_accounts.filter(replaced_at=None).update(replaced_at=now)
    account = BankAccount.objects.create(
        laureate=laureate,
        holder=details.holder,
        iban=details.iban,
        bic=details.bic,
        account_number=details.account_number,
        bank_name=details.bank_name,
        bank_address=details.bank_address,
        country=details.country,
        masked=f"{details.country} {mask(details.iban or details.account_number)}",
        proof_file=name,
        proof_kind=proof_kind,
        submitted_by=actor,
    )
    back = Payment.objects.filter(
        laureate=laureate, state__in=[PaymentState.VERIFIED, PaymentState.APPROVED]
    )
    returned = list(back)
    for payment in returned:
        # Checked and approved no more: who did so is in the audit log, not on the payment.
        payment.account, payment.verified_by, payment.approved_by = None, None, None
        _move(
            payment, PaymentState.REQUESTED, key="payment.returned", actor=None,
            fields=["account", "verified_by", "approved_by"],
            data={"why": "bank details changed"},
        )  # fmt: skip
    _tell_finance_returned(returned, laureate, account)
    record(
        "bank_account.changed" if replaced else "bank_account.added",
        actor=actor,
        subject=laureate,
        data={"account": account.pk},
    )
    for contact in laureate.contacts.all():
        queue_email(
            "bank_details_changed",
            to=contact.email,
            language=contact.language,
            context={"laureate": laureate, "cycle": laureate.cycle, "masked": account.masked},
        )
    return account


def _tell_finance_returned(
    payments: list[Payment], laureate: Laureate, account: BankAccount
) -> None:
    """Every active finance user hears of each payment sent back to be checked, in their own
    language, with the link to it (the dashboard's count alone was easy to miss)."""
    for payment in payments:
        tell_finance(
            finance_users(),
            "payment_returned",
            url_name="laureates:payment",
            args=[payment.pk],
            context={
                "cycle": laureate.cycle,
                "name": laureate.candidate.name,
                "reference": payment.reference,
                "masked": account.masked,
            },
        )


def tell_finance(
    users: QuerySet[User],
    key: str,
    *,
    url_name: str,
    args: list[Any] | None = None,
    query: str = "",
    context: dict[str, Any],
) -> int:
    """Email each of `users` in their own language, with the link to the page `url_name`
    names, in that language. Returns how many were told."""
    for user in users:
        with translation.override(user.language):
            url = f"{settings.SITE_URL}{reverse(url_name, args=args)}{query}"
        queue_email(key, to=user.email, language=user.language, context={**context, "url": url})
    return len(users)


def finance_users(*, other_than: int | None = None) -> QuerySet[User]:
    """The active users with the finance role (but `other_than`), in a fixed order."""
    users = User.objects.filter(is_active=True, role_grants__role=Role.FINANCE)
    if other_than is not None:
        users = users.exclude(pk=other_than)
    return users.distinct().order_by("pk")


def current_account(laureate: Laureate) -> BankAccount | None:
    return laureate.bank_accounts.filter(replaced_at=None).first()


def require_finance(actor: User) -> None:
    """Refuse anyone without the finance role, a superuser too: full bank details, the proof,
    the steps of a payment and the bank file are finance's alone, whatever the caller checked
    (ARCHITECTURE rule 3: the superuser flag does not skip Laurel's rules)."""
    if actor is None or not is_finance(actor):
        raise PrizeError(_("Only finance can do this."))


def reveal_account(account: BankAccount, *, actor: User) -> BankAccount:
    """Finance reads the full details: logged, every time."""
    require_finance(actor)
    record(
        "bank_account.revealed", actor=actor, subject=account.laureate, data={"account": account.pk}
    )
    return account


def proof_of(account: BankAccount, *, actor: User) -> bytes:
    require_finance(actor)
    with default_storage.open(account.proof_file, "rb") as handle:
        content = cipher().decrypt(handle.read())
    record(
        "bank_account.proof_read",
        actor=actor,
        subject=account.laureate,
        data={"account": account.pk},
    )
    return content


def _move(payment: Payment, state: str, *, key: str, actor: User | None, **audit: Any) -> None:
    transition(
        payment, state, PAYMENT_TRANSITIONS, key=key, actor=actor, refused=PaymentMoveRefused,
        **audit,
    )  # fmt: skip


@transaction.atomic
def request_payment(laureate: Laureate, *, actor: User) -> Payment:
    """The prize payment for a laureate, for the cycle's prize amount (one open at a time)."""
    require_phase(laureate.cycle_id, "programme")
    laureate = Laureate.objects.select_for_update().select_related("cycle").get(pk=laureate.pk)
    if laureate.payments.exclude(state=PaymentState.CANCELLED).exists():
        raise PrizeError(_("This laureate's prize payment is requested already."))
    cycle = laureate.cycle
    payment = Payment.objects.create(
        laureate=laureate,
        amount=Decimal(cycle.prize_amount),
        currency=cycle.prize_currency,
        reference=f"{cycle.reference_prefix}-PRIZE-{laureate.pk}-{secrets.token_hex(3).upper()}",
        requested_by=actor,
    )
    record("payment.requested", actor=actor, subject=payment, summary=payment.reference)
    screen_payees(payment, actor=actor)
    return payment


@transaction.atomic
def verify_payment(payment: Payment, *, actor: User, account: int | None) -> Payment:
    """Finance has checked the bank details against the proof of ownership: `account` is the
    one finance was shown, which must still be the laureate's current one (new details sent
    while the page was open are checked on their own, never verified unseen)."""
    require_finance(actor)
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    current = current_account(payment.laureate)
    if current is None:
        raise PrizeError(_("The laureate has not given bank details yet."))
    if account != current.pk:
        raise PrizeError(
            _(
                "The laureate sent new bank details after this page was shown: check them "
                "against their proof, then verify again."
            )
        )
    payment.account, payment.verified_by = current, actor
    _move(
        payment, PaymentState.VERIFIED, key="payment.verified", actor=actor,
        fields=["account", "verified_by"], data={"account": current.pk},
    )  # fmt: skip
    screen_payees(payment, actor=actor)  # the account holder now known
    return payment


def approve_payment(payment: Payment, *, actor: User) -> Payment:
    """The second pair of eyes: a finance user who neither requested the payment nor checked
    its bank details. Every payee screened against the current lists as they are now, no hit
    open or confirmed.

    The payees not yet screened so are screened first, each screening kept on its own
    (`screening.screen` commits each): approval refused for the hit it finds must not take
    the hit with it, or it never reaches the queue for staff to decide."""
    # Read again: whom it pays is whom the database names now, not the caller's copy.
    payment = Payment.objects.select_related("laureate__candidate", "account").get(pk=payment.pk)
    _check_approver(payment, actor)
    if payment.state == PaymentState.VERIFIED:  # any other: refused below for its state
        screen_payees(payment, actor=actor, stale_only=True)
    return _approve(payment, actor=actor)


def _check_approver(payment: Payment, actor: User) -> None:
    require_finance(actor)
    if payment.requested_by_id == actor.pk:
        raise PrizeError(
            _("You requested this payment: another finance user must approve it (four eyes).")
        )
    if payment.verified_by_id == actor.pk:
        raise PrizeError(
            _(
                "You checked the bank details of this payment: another finance user must "
                "approve it (four eyes)."
            )
        )


@transaction.atomic
def _approve(payment: Payment, *, actor: User) -> Payment:
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    _check_approver(payment, actor)  # again, on the payment as it is now
    # Sanctions: every payee screened against the current lists, no hit open or confirmed
    # (a payment not verified is refused for what it is, by _move).
    verified = payment.state == PaymentState.VERIFIED
    problems = screening.blocking(subject.key for subject in payees(payment)) if verified else []
    if problems:
        raise PrizeError(
            _("The payment cannot be approved until the sanctions screening is clear: %(what)s")
            % {"what": " ".join(problems)}
        )
    payment.approved_by = actor
    _move(
        payment, PaymentState.APPROVED, key="payment.approved", actor=actor, fields=["approved_by"]
    )
    return payment


@transaction.atomic
def mark_paid(
    payment: Payment,
    *,
    paid_on: date,
    fees: Decimal | None,
    exchange_rate: Decimal | None,
    actor: User,
) -> Payment:
    require_finance(actor)
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    payment.paid_on, payment.fees, payment.exchange_rate = paid_on, fees, exchange_rate
    _move(
        payment, PaymentState.PAID, key="payment.paid", actor=actor,
        fields=["paid_on", "fees", "exchange_rate"], data={"on": paid_on.isoformat()},
    )  # fmt: skip
    return payment


@transaction.atomic
def cancel_payment(payment: Payment, *, actor: User) -> Payment:
    require_finance(actor)
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    _move(payment, PaymentState.CANCELLED, key="payment.cancelled", actor=actor)
    return payment


def open_payments(laureate: Laureate) -> QuerySet[Payment]:
    return laureate.payments.filter(state__in=OPEN_PAYMENT_STATES)
