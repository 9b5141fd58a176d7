"""The account a cycle's prizes are paid from, the debtor of the bank file (issue 17, item 7).

Finance manages it in the app: one finance user proposes it, a second one approves it (four
eyes, the proposer cannot), and only then does the bank file pay from it; no restart. Every step
is audited with the old and the new account masked. The IBAN and BIC are encrypted at rest. The
environment's PRIZE_DEBTOR_* settings are only the default while a cycle has no approved account.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from laurel.accounts.enums import Role
from laurel.accounts.models import Invitation, User
from laurel.accounts.names import display_name
from laurel.core.crypto import mask
from laurel.core.services import TransitionRefused, record, transition
from laurel.cycles.models import Cycle
from laurel.laureates.enums import PAYING_ACCOUNT_TRANSITIONS, PayingAccountState
from laurel.laureates.models.prize import PayingAccount
from laurel.laureates.services.prize import (
    PrizeError,
    finance_users,
    require_finance,
    tell_finance,
)

NAME_LENGTH = 70  # the SEPA rulebook's limit for a name in a credit transfer


@dataclass(frozen=True)
class Debtor:
    """What the bank file needs of the paying account, and where it came from."""

    name: str
    iban: str
    bic: str
    masked: str
    from_settings: bool = False


def masked(iban: str) -> str:
    return f"{iban[:2]} {mask(iban)}"


def check_paying_account(*, name: str, iban: str, bic: str) -> tuple[str, str, str]:
    """The account cleaned (name trimmed, IBAN and BIC compact), or PrizeError naming the field:
    the IBAN's checksum, length and national format; a BIC of eight or eleven characters with a
    real country; both of the same country."""
    from schwifty import BIC, IBAN  # its bank registry loads with the first account checked
    from schwifty.exceptions import SchwiftyException

    name = " ".join(name.split())
    if not name:
        raise PrizeError(_("Give the account holder's name."), "name")
    if len(name) > NAME_LENGTH:
        raise PrizeError(
            _("The bank takes at most %(count)d characters for the name.") % {"count": NAME_LENGTH},
            "name",
        )
    try:
        iban = IBAN(iban).compact
    except SchwiftyException:
        raise PrizeError(
            _("This is not a valid IBAN: check it letter by letter."), "iban"
        ) from None
    try:
        bic = BIC(bic).compact
    except SchwiftyException:
        raise PrizeError(_("This is not a valid BIC (SWIFT code)."), "bic") from None
    if bic[4:6] != iban[:2]:
        raise PrizeError(_("The BIC belongs to another country than the IBAN."), "bic")
    return name, iban, bic


def approved_account(cycle: Cycle) -> PayingAccount | None:
    return cycle.paying_accounts.filter(state=PayingAccountState.APPROVED).first()


def proposed_account(cycle: Cycle) -> PayingAccount | None:
    return cycle.paying_accounts.filter(state=PayingAccountState.PROPOSED).first()


def settings_default() -> Debtor | None:
    """PRIZE_DEBTOR_* from the environment, when all three are set."""
    values = settings.PRIZE_DEBTOR
    if not all(values.get(key) for key in ("name", "iban", "bic")):
        return None
    iban = "".join(values["iban"].split()).upper()
    return Debtor(values["name"], iban, values["bic"], masked(iban), from_settings=True)


def debtor_for(cycle: Cycle) -> Debtor | None:
    """The account the cycle's bank file pays from: the approved one, else the environment's
    default, else None."""
    account = approved_account(cycle)
    if account is None:
        return settings_default()
    return Debtor(account.name, account.iban, account.bic, account.masked)


def _current_masked(cycle: Cycle) -> str:
    debtor = debtor_for(cycle)
    return debtor.masked if debtor else ""


class AccountDecidedAlready(TransitionRefused, PrizeError):
    def describe(self, obj: models.Model, state: str, to: str) -> str:
        return _("This change of the paying account is decided already.")


def _move(
    account: PayingAccount, state: str, *, key: str | None, actor: User | None, **audit: Any
) -> None:
    """The paying account's state machine; its audit entries are about the cycle it pays for,
    and summed up by the masked account."""
    transition(
        account, state, PAYING_ACCOUNT_TRANSITIONS, key=key, actor=actor,
        subject=account.cycle, summary=account.masked, refused=AccountDecidedAlready, **audit,
    )  # fmt: skip


@transaction.atomic
def propose_paying_account(
    cycle: Cycle, *, name: str, iban: str, bic: str, actor: User
) -> PayingAccount:
    """A finance user proposes the account; it takes effect when another one approves it."""
    require_finance(actor)
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    if proposed_account(cycle) is not None:
        raise PrizeError(_("A change is waiting for approval already: approve or reject it first."))
    name, iban, bic = check_paying_account(name=name, iban=iban, bic=bic)
    account = PayingAccount.objects.create(
        cycle=cycle, name=name, iban=iban, bic=bic, masked=masked(iban), proposed_by=actor
    )
    record(
        "paying_account.proposed",
        actor=actor,
        subject=cycle,
        summary=account.masked,
        data={"account": account.pk, "old": _current_masked(cycle), "new": account.masked},
    )
    _tell_other_finance(account)
    return account


def _tell_other_finance(account: PayingAccount) -> int:
    """Every other active finance user hears that an account waits for their approval, in
    their own language: who proposed it, the account masked, the link. Returns how many."""
    return tell_finance(
        finance_users(other_than=account.proposed_by_id),
        "paying_account_proposed",
        url_name="laureates:paying_account",
        query=f"?cycle={account.cycle.slug}",
        context={
            "cycle": account.cycle,
            "proposer": display_name(account.proposed_by),
            "masked": account.masked,
        },
    )


def reveal_proposal(account: PayingAccount, *, actor: User) -> PayingAccount:
    """Finance reads a proposed account in full to check it before approving: logged."""
    require_finance(actor)
    record(
        "paying_account.revealed",
        actor=actor,
        subject=account.cycle,
        data={"account": account.pk},
    )
    return account


def _made_finance_by(user: User, proposer_id: int | None) -> bool:
    """Whether `user` holds the finance role through an invitation the proposer sent: perhaps
    the proposer's own second account, so no second pair of eyes."""
    return (
        proposer_id is not None
        and Invitation.objects.filter(
            role=Role.FINANCE, accepted_by=user, invited_by_id=proposer_id
        ).exists()
    )


@transaction.atomic
def approve_paying_account(account: PayingAccount, *, actor: User) -> PayingAccount:
    """The second pair of eyes: a finance user who did not propose it. The account in use until
    now is kept, replaced."""
    require_finance(actor)
    Cycle.objects.select_for_update().get(pk=account.cycle_id)
    account = PayingAccount.objects.select_related("proposed_by").get(pk=account.pk)
    if account.proposed_by_id == actor.pk:
        raise PrizeError(
            _("You proposed this account: another finance user must approve it (four eyes).")
        )
    if _made_finance_by(actor, account.proposed_by_id):
        raise PrizeError(
            _(
                "The person who proposed this account gave you the finance role: another "
                "finance user must approve it (four eyes)."
            )
        )
    old = _current_masked(account.cycle)
    previous = approved_account(account.cycle)
    if previous is not None:
        # The approval's own entry names the account it replaces (old).
        _move(previous, PayingAccountState.REPLACED, key=None, actor=actor)
    account.decided_by, account.decided_at = actor, timezone.now()
    _move(
        account,
        PayingAccountState.APPROVED,
        key="paying_account.approved",
        actor=actor,
        fields=["decided_by", "decided_at"],
        data={
            "account": account.pk,
            "proposed_by": account.proposed_by.email if account.proposed_by else "",
            "old": old,
            "new": account.masked,
        },
    )
    return account


@transaction.atomic
def reject_paying_account(account: PayingAccount, *, actor: User) -> PayingAccount:
    """Another finance user refuses the proposal, or its proposer withdraws it."""
    require_finance(actor)
    account = PayingAccount.objects.select_for_update().get(pk=account.pk)
    account.decided_by, account.decided_at = actor, timezone.now()
    _move(
        account, PayingAccountState.REJECTED, key="paying_account.rejected", actor=actor,
        fields=["decided_by", "decided_at"], data={"account": account.pk, "new": account.masked},
    )  # fmt: skip
    return account
