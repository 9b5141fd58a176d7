from django.db import models
from django.utils.translation import gettext_lazy as _

from laurel.core.crypto import EncryptedTextField
from laurel.core.models import TimeStamped
from laurel.core.personal import Kind, Personal
from laurel.laureates.enums import PayingAccountState, PaymentState


class BankAccount(TimeStamped):
    """Where a laureate's prize goes. Every detail is encrypted at rest; `masked` is what
    screens show. A change makes a new row; the old one stays, replaced, for the record."""

    laureate = models.ForeignKey(
        "laureates.Laureate", on_delete=models.PROTECT, related_name="bank_accounts"
    )
    holder = EncryptedTextField(_("account holder"))
    iban = EncryptedTextField(_("IBAN"), blank=True)
    bic = EncryptedTextField(_("BIC (SWIFT code)"), blank=True)
    account_number = EncryptedTextField(_("account number"), blank=True)  # where there is no IBAN
    bank_name = EncryptedTextField(_("bank"))
    bank_address = EncryptedTextField(_("bank's address"))
    country = models.CharField(_("bank's country"), max_length=2)
    masked = models.CharField(max_length=40)  # "SE •••• 7466": enough to recognise it
    proof_file = models.CharField(max_length=200)  # encrypted bytes in the storage, random name
    proof_kind = models.CharField(max_length=8)
    submitted_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    replaced_at = models.DateTimeField(null=True, blank=True)
    # Set when the retention policy erased the details (the masked form stays, for the record).
    erased_at = models.DateTimeField(null=True, blank=True)

    PERSONAL = Personal(
        {
            Kind.BANK: (
                "holder", "iban", "bic", "account_number", "bank_name", "bank_address",
                "proof_file",
            )
        },
        kept=(
            "id", "created_at", "updated_at", "laureate", "country", "masked", "proof_kind",
            "submitted_by", "replaced_at", "erased_at",
        ),
    )  # fmt: skip

    class Meta:
        ordering = ["laureate", "-created_at"]

    def __str__(self) -> str:
        return f"account {self.pk} of {self.laureate_id}"


class Payment(TimeStamped):
    """A prize payment: requested → bank details verified → approved (not by the requester)
    → paid."""

    laureate = models.ForeignKey(
        "laureates.Laureate", on_delete=models.PROTECT, related_name="payments"
    )
    account = models.ForeignKey(
        BankAccount, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(
        _("state"), max_length=10, choices=PaymentState.choices, default=PaymentState.REQUESTED
    )
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    reference = models.CharField(_("reference"), max_length=35, unique=True)
    requested_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    fees = models.DecimalField(_("fees"), max_digits=10, decimal_places=2, null=True, blank=True)
    exchange_rate = models.DecimalField(
        _("exchange rate"), max_digits=12, decimal_places=6, null=True, blank=True
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.reference


class PayingAccount(TimeStamped):
    """The organiser's account a cycle's prizes are paid from (the debtor of the bank file).
    Finance manages it: one finance user proposes it, another approves it, and only then does
    the bank file use it. The IBAN and BIC are encrypted at rest like the laureates' details;
    `masked` is what screens and the audit log show. A change makes a new row."""

    cycle = models.ForeignKey(
        "cycles.Cycle", on_delete=models.PROTECT, related_name="paying_accounts"
    )
    name = models.CharField(_("account holder"), max_length=70)
    iban = EncryptedTextField(_("IBAN"))
    bic = EncryptedTextField(_("BIC (SWIFT code)"))
    masked = models.CharField(max_length=40)  # "SE •••• 0003"
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=PayingAccountState.choices,
        default=PayingAccountState.PROPOSED,
    )
    proposed_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["cycle", "-created_at", "-id"]
        constraints = [
            # At most one account in use and one waiting, per cycle.
            models.UniqueConstraint(
                fields=["cycle", "state"],
                condition=models.Q(state__in=["proposed", "approved"]),
                name="one_paying_account_per_state",
            )
        ]

    def __str__(self) -> str:
        return f"paying account {self.pk} of cycle {self.cycle_id}"
