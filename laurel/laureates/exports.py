"""Approved prize payments for the bank: an ISO 20022 pain.001.001.09 credit-transfer file
(validated against the schema before it leaves) and a CSV for the accounts. lxml loads with
the first file built, not when the site starts."""

from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _

from laurel.core.services import ServiceError, record
from laurel.laureates.services.paying import Debtor, debtor_for
from laurel.laureates.services.prize import require_finance

if TYPE_CHECKING:
    from lxml import etree

NS = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"
SCHEMA = Path(__file__).parent / "schemas" / "pain.001.001.09.xsd"


class ExportError(ServiceError):
    pass


class NoPayingAccount(ExportError):
    """No approved paying account for the cycle and no default in the environment: finance
    sets one on the paying-account page (the view links to it)."""


@cache
def schema() -> "etree.XMLSchema":
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def _add(parent, tag: str, text: str | None = None, **attributes) -> "etree._Element":
    from lxml import etree

    element = etree.SubElement(parent, f"{{{NS}}}{tag}", **attributes)
    if text is not None:
        element.text = text
    return element


def _path(parent, *tags: str, text: str) -> None:
    for tag in tags[:-1]:
        parent = _add(parent, tag)
    _add(parent, tags[-1], text)


def _text(value: str, length: int = 140) -> str:
    """Latin letters for the bank: the SEPA character set is the safe subset everywhere."""
    from anyascii import anyascii

    return " ".join(anyascii(value).split())[:length]


def pain001(payments: list, *, debtor: Debtor, message_id: str, execution_date) -> bytes:
    """One payment information block per currency, one transaction per payment, paid from
    `debtor`. Each payment carries its decrypted account (the caller logs that read)."""
    from lxml import etree

    if not payments:
        raise ExportError(_("There are no approved payments to export."))
    total = sum((p.amount for p in payments), Decimal(0))
    root = etree.Element(f"{{{NS}}}Document", nsmap={None: NS})
    initiation = _add(root, "CstmrCdtTrfInitn")
    header = _add(initiation, "GrpHdr")
    _add(header, "MsgId", message_id[:35])
    _add(header, "CreDtTm", timezone.now().replace(microsecond=0).isoformat())
    _add(header, "NbOfTxs", str(len(payments)))
    _add(header, "CtrlSum", f"{total:.2f}")
    _path(header, "InitgPty", "Nm", text=_text(debtor.name))
    by_currency: dict[str, list] = {}
    for payment in payments:
        by_currency.setdefault(payment.currency, []).append(payment)
    for currency, group in sorted(by_currency.items()):
        block = _add(initiation, "PmtInf")
        _add(block, "PmtInfId", f"{message_id}-{currency}"[:35])
        _add(block, "PmtMtd", "TRF")
        _add(block, "NbOfTxs", str(len(group)))
        _add(block, "CtrlSum", f"{sum((p.amount for p in group), Decimal(0)):.2f}")
        _path(block, "ReqdExctnDt", "Dt", text=execution_date.isoformat())
        _path(block, "Dbtr", "Nm", text=_text(debtor.name))
        _path(block, "DbtrAcct", "Id", "IBAN", text=debtor.iban)
        _path(block, "DbtrAgt", "FinInstnId", "BICFI", text=debtor.bic)
        _add(block, "ChrgBr", "SHAR")
        for payment in group:
            account = payment.account
            transaction = _add(block, "CdtTrfTxInf")
            _path(transaction, "PmtId", "EndToEndId", text=payment.reference)
            amount = _add(_add(transaction, "Amt"), "InstdAmt", f"{payment.amount:.2f}")
            amount.set("Ccy", currency)
            if account.bic:
                _path(transaction, "CdtrAgt", "FinInstnId", "BICFI", text=account.bic)
            creditor = _add(transaction, "Cdtr")
            _add(creditor, "Nm", _text(account.holder))
            address = _add(creditor, "PstlAdr")
            _add(address, "Ctry", account.country)
            creditor_id = _add(_add(transaction, "CdtrAcct"), "Id")
            if account.iban:
                _add(creditor_id, "IBAN", account.iban)
            else:
                _path(creditor_id, "Othr", "Id", text=account.account_number[:34])
            _path(transaction, "RmtInf", "Ustrd", text=_text(f"Prize {payment.reference}"))
    schema().assertValid(root)  # never hand the bank a file its schema refuses
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


CSV_COLUMNS = [
    "reference",
    "laureate",
    "state",
    "amount",
    "currency",
    "account",
    "requested_by",
    "verified_by",
    "approved_by",
    "paid_on",
    "fees",
    "exchange_rate",
]


def payments_table(payments) -> tuple[list[str], list[list]]:
    """For the accounts: masked accounts only (the file may travel)."""
    rows = [
        [
            p.reference,
            p.laureate.candidate.name,
            p.state,
            f"{p.amount:.2f}",
            p.currency,
            p.account.masked if p.account else "",
            p.requested_by.email if p.requested_by else "",
            p.verified_by.email if p.verified_by else "",
            p.approved_by.email if p.approved_by else "",
            p.paid_on.isoformat() if p.paid_on else "",
            p.fees if p.fees is not None else "",
            p.exchange_rate if p.exchange_rate is not None else "",
        ]
        for p in payments
    ]
    return CSV_COLUMNS, rows


def approved_file(payments: list, *, actor, execution_date, cycle=None) -> bytes:
    """The bank file for approved payments of one cycle (`cycle`, or the payments' own), paid
    from the cycle's approved paying account (the environment's default without one), for
    finance only (PrizeError for anyone else, a superuser too: the file holds every full
    account); reading their accounts is logged."""
    require_finance(actor)
    if cycle is None and payments:
        cycle = payments[0].laureate.cycle
    debtor = debtor_for(cycle) if cycle is not None else None
    if debtor is None:
        raise NoPayingAccount(_("Finance has not set the account the prizes are paid from."))
    content = pain001(
        payments,
        debtor=debtor,
        message_id=f"LAUREL-{timezone.now():%Y%m%d%H%M%S}",
        execution_date=execution_date,
    )
    record(
        "payments.exported",
        actor=actor,
        data={
            "payments": [p.pk for p in payments],
            "accounts": [p.account_id for p in payments],
            "paid_from": debtor.masked,
        },
    )
    return content


def guest_list(delegates) -> tuple[list[str], list[list]]:
    """The summit's guest list for the venue and the hotel: headers in the reader's language,
    yes/no, the delegates who are coming (a withdrawn one is no guest), and the needs each
    agreed to share (diets and access needs only with their consent). Staff only: it holds
    emergency contacts and health-related needs."""
    from django.utils.translation import gettext as _

    from laurel.laureates.enums import DelegateState

    def yes_no(value: bool) -> str:
        return _("yes") if value else _("no")

    header = [
        _("Laureate"), _("Full name, as in the passport"), _("Role"), _("Email"), _("Phone"),
        _("State"), _("Travelling from"), _("Arrives"), _("Leaves"), _("Travel booked by"),
        _("Hotel room"), _("Nights"), _("Dietary needs"), _("Accessibility needs"),
        _("Interpretation"), _("Emergency contact"), _("Visa letter"),
    ]  # fmt: skip
    rows = []
    for d in delegates:
        if d.state == DelegateState.CANCELLED:
            continue
        visa = getattr(d, "visa", None) if d.needs_visa else None
        rows.append([
            d.laureate.candidate.name, d.full_name, d.role, d.email, d.phone,
            d.get_state_display(), d.travelling_from, d.arrive_on, d.leave_on,
            d.get_booking_display(), yes_no(d.needs_room),
            (d.leave_on - d.arrive_on).days if d.needs_room else "",
            d.dietary if d.dietary_consent else "",
            d.accessibility if d.accessibility_consent else "",
            d.interpretation, d.emergency_contact,
            (visa.get_state_display() if visa else _("waiting for passport data"))
            if d.needs_visa else _("not needed"),
        ])  # fmt: skip
    return header, rows
