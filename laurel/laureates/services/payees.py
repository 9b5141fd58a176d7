"""Whom a prize payment pays, as sanctions screening reads them (issue 21): the laureate
organisation, its contact persons (by the name their account gives), the people staff
screened by hand for it (signatories, board members) and the holder of the bank account the
payment goes to. Screened when the payment is requested, again when its bank
details are verified, and at approval (and again before the bank file) whatever is not yet
screened against the current lists as it is now (a name corrected since is screened again);
`prize.approve_payment`, and the bank file after it, refuse while any of them has a hit open or
confirmed."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.laureates.enums import PaymentState
from laurel.laureates.models import Laureate, Payment
from laurel.sanctions.enums import ScreenedRole
from laurel.sanctions.matching import ORGANISATION, PERSON
from laurel.sanctions.models import Screening
from laurel.sanctions.services import screening
from laurel.sanctions.services.screening import Subject


def payees(payment: Payment) -> list[Subject]:
    laureate = payment.laureate
    subjects = [
        Subject(
            f"laureate:{laureate.pk}",
            ScreenedRole.LAUREATE,
            ORGANISATION,
            laureate.candidate.name,
            citizenship=laureate.candidate.country,
        )
    ]
    for contact in laureate.contacts.select_related("user").order_by("pk"):
        name = contact.user.full_name.strip() if contact.user else ""
        if name:
            subjects.append(Subject(f"contact:{contact.pk}", ScreenedRole.PERSON, PERSON, name))
    # Signatories and board members staff screened by hand (screen_signatory).
    subjects += screening.subjects_under(signatories_of(laureate))
    account = payment.account
    if account is not None and account.holder:
        # Most often the organisation itself; a person's name is read as a person's.
        subjects.append(
            Subject(
                f"account:{account.pk}", ScreenedRole.ACCOUNT_HOLDER, ORGANISATION, account.holder
            )
        )
    return subjects


def screen_payees(payment: Payment, *, actor: User | None, stale_only: bool = False) -> None:
    """Screen the payment's payees against the current lists (none imported: nothing to do);
    `stale_only`: only those not yet screened against them, or screened as someone they are
    no longer (a name, birth date or country corrected since)."""
    subjects = payees(payment)
    if stale_only:
        stale = set(screening.stale_keys(subject.key for subject in subjects))
        stale |= changed_since_screened(subjects)
        subjects = [subject for subject in subjects if subject.key in stale]
    screening.screen(subjects, actor=actor)


def blockers(payment: Payment, *, actor: User | None) -> list[str]:
    """What stands in the way of paying the payment now, in words (nothing: it may be paid):
    its payees screened first where not yet screened against the current lists as they are
    now, each screening kept whatever the answer."""
    screen_payees(payment, actor=actor, stale_only=True)
    return screening.blocking(subject.key for subject in payees(payment))


def changed_since_screened(subjects: list[Subject]) -> set[str]:
    """The keys of the subjects whose newest screening screened another name, birth date or
    country than they have now: the organisation corrected its name, a contact's name was
    corrected. Against the same lists, their screening is current, and of someone else."""
    screened = {
        found.subject: found
        for found in Screening.objects.filter(
            subject__in=[subject.key for subject in subjects], current=True
        )
    }
    return {
        subject.key
        for subject in subjects
        if subject.key in screened and _as_screened(screened[subject.key]) != _as_screened(subject)
    }


def _as_screened(whom: Subject | Screening) -> tuple:
    return (whom.kind, whom.name, whom.born, whom.citizenship or "")


def signatories_of(laureate: Laureate) -> str:
    """The prefix of the keys of the people staff screen by hand for this laureate."""
    return f"signatory:{laureate.pk}:"


def screen_signatory(
    payment: Payment, *, name: str, born: date | None, citizenship: str, actor: User
) -> None:
    """Screen a person who signs for the laureate or sits on its board, whom the payment then
    waits on like its other payees. The same person sent again (a double click, a reload) is
    screened again as the one subject, not added twice."""
    if not actor.has_perm("laureates.view_payments"):
        raise screening.ScreeningRefused(_("Only the secretariat and finance screen payees."))
    if payment.state in (PaymentState.PAID, PaymentState.CANCELLED):
        # The page shows no form then; a post from a page open from before screens nobody.
        raise screening.ScreeningRefused(
            _("This payment is paid or cancelled: nobody is screened for it any more.")
        )
    if not screening.current_snapshots():
        # Nothing would be screened, and nothing kept to screen once the lists come.
        raise screening.ScreeningRefused(
            _(
                "No sanctions list is imported yet: nobody can be screened. Import the lists "
                "first (docs/deployment.md says how)."
            )
        )
    with transaction.atomic():
        # One at a time for a laureate: screen_person numbers the person after those screened
        # before, and two at once took the same number (one replaced the other).
        laureate = Laureate.objects.select_for_update().get(pk=payment.laureate_id)
        prefix = signatories_of(laureate)
        person = (name.strip(), born, citizenship or "")
        for same in screening.subjects_under(prefix):
            if (same.name, same.born, same.citizenship or "") == person:
                screening.screen([same], actor=actor)
                return
        screening.screen_person(
            prefix, name=name, born=born, citizenship=citizenship, actor=actor
        )  # fmt: skip
