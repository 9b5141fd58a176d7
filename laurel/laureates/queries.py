from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from laurel.accounts.models import User
from laurel.core.queries import history_of
from laurel.cycles.models import Cycle
from laurel.laureates.enums import DelegateState, PaymentState, Rag, SupportArea
from laurel.laureates.models import (
    Assessment,
    BankAccount,
    Delegate,
    Event,
    Initiative,
    Laureate,
    LibraryDocument,
    Milestone,
    Objective,
    Payment,
    Post,
    Session,
    Summit,
    acted_for_by,
)
from laurel.sanctions.enums import HitState, ScreenedRole
from laurel.sanctions.models import Hit, Screening
from laurel.sanctions.services.screening import Subject


def laureates_of(user: User) -> QuerySet[Laureate]:
    """The laureates a signed-in contact acts for: tied to them by user id when they accepted
    the contact's invitation (never by address, which can change)."""
    return acted_for_by(user).select_related("candidate", "cycle").distinct()


def cohort(cycle: Cycle) -> QuerySet[Laureate]:
    return (
        Laureate.objects.filter(cycle=cycle)
        .select_related("candidate")
        .prefetch_related("contacts")
        .order_by("candidate__name")
    )


def current_account(laureate: Laureate) -> BankAccount | None:
    return laureate.bank_accounts.filter(replaced_at=None).first()


def payment_table(
    cycle: Cycle,
) -> list[tuple[Laureate, BankAccount | None, list[Payment]]]:
    """Every laureate of the cycle with its current account (masked) and its payments (three
    queries)."""
    laureates = list(
        Laureate.objects.filter(cycle=cycle).select_related("candidate").order_by("candidate__name")
    )
    accounts = {
        a.laureate_id: a
        for a in BankAccount.objects.filter(laureate__in=laureates, replaced_at=None).only(
            "id", "laureate_id", "masked", "country", "created_at"
        )
    }
    payments: dict[int, list[Payment]] = {}
    for payment in Payment.objects.filter(laureate__in=laureates).select_related(
        "requested_by", "verified_by", "approved_by"
    ):
        payments.setdefault(payment.laureate_id, []).append(payment)
    return [(each, accounts.get(each.pk), payments.get(each.pk, [])) for each in laureates]


def approved_payments(cycle: Cycle) -> list[Payment]:
    return list(
        Payment.objects.filter(laureate__cycle=cycle, state=PaymentState.APPROVED)
        .select_related("account", "laureate__candidate")
        .order_by("reference")
    )


def payments_of(cycle: Cycle) -> QuerySet[Payment]:
    return (
        Payment.objects.filter(laureate__cycle=cycle)
        .select_related(
            "account", "laureate__candidate", "requested_by", "verified_by", "approved_by"
        )
        .order_by("reference")
    )


def summit_of(cycle: Cycle) -> Summit | None:
    return Summit.objects.filter(cycle=cycle).first()


def delegates_of(laureate: Laureate) -> QuerySet[Delegate]:
    return laureate.delegates.select_related("visa").order_by("full_name")


def participants(cycle: Cycle) -> QuerySet[Delegate]:
    """Every delegate of the cycle with their laureate and visa request (one query)."""
    return (
        Delegate.objects.filter(laureate__cycle=cycle)
        .select_related("laureate__candidate", "visa")
        .order_by("laureate__candidate__name", "full_name")
    )


def plan_of(laureate: Laureate) -> list[Objective]:
    """The laureate's objectives, each with its milestones (two queries)."""
    return list(laureate.objectives.prefetch_related("milestones").order_by("area", "id"))


def support_overview(cycle: Cycle) -> list[dict[str, Any]]:
    """Per laureate: levels per area, milestones by status, coaching hours (four queries)."""
    laureates = list(
        Laureate.objects.filter(cycle=cycle).select_related("candidate").order_by("candidate__name")
    )
    levels: dict[int, dict[str, int]] = {}
    for laureate_id, area, level in Assessment.objects.filter(laureate__in=laureates).values_list(
        "laureate_id", "area", "level"
    ):
        levels.setdefault(laureate_id, {})[area] = level
    statuses: dict[int, dict[str, int]] = {}
    for laureate_id, status in Milestone.objects.filter(
        objective__laureate__in=laureates
    ).values_list("objective__laureate_id", "status"):
        counts = statuses.setdefault(laureate_id, dict.fromkeys(Rag.values, 0))
        counts[status] += 1
    hours = dict(
        Session.objects.filter(laureate__in=laureates)
        .values("laureate_id")
        .annotate(total=Sum("hours"))
        .values_list("laureate_id", "total")
    )
    return [
        {
            "laureate": laureate,
            "levels": [levels.get(laureate.pk, {}).get(area) for area in SupportArea.values],
            "statuses": statuses.get(laureate.pk, dict.fromkeys(Rag.values, 0)),
            "hours": hours.get(laureate.pk) or 0,
        }
        for laureate in laureates
    ]


def cohort_page(cycle: Cycle) -> dict[str, list[Any]]:
    """Everything the cohort space's front page lists (five queries)."""
    return {
        "posts": list(
            Post.objects.filter(cycle=cycle)
            .select_related("author", "laureate__candidate")
            .annotate(reply_count=Count("replies"))[:30]
        ),
        "initiatives": list(
            Initiative.objects.filter(cycle=cycle).annotate(signature_count=Count("signatures"))
        ),
        "documents": list(
            LibraryDocument.objects.filter(cycle=cycle).select_related("uploaded_by")
        ),
        "events": list(Event.objects.filter(cycle=cycle, ends_at__gte=timezone.now())),
    }


def initiative_detail(initiative: Initiative) -> Initiative:
    return Initiative.objects.prefetch_related(
        "owners__candidate", "milestones", "signatures__laureate__candidate"
    ).get(pk=initiative.pk)


def summit_recipients(cycle: Cycle) -> dict[str, str]:
    """Who the summit's practical information goes to, address → language: every confirmed
    delegate, and the contacts of its laureate (each address once)."""
    addresses: dict[str, str] = {}
    for delegate in Delegate.objects.filter(
        laureate__cycle=cycle, state=DelegateState.CONFIRMED
    ).prefetch_related("laureate__contacts"):
        addresses.setdefault(delegate.email.lower(), "en")
        for contact in delegate.laureate.contacts.all():
            addresses.setdefault(contact.email.lower(), contact.language)
    return addresses


PAYMENT_WORDING = {
    "payment.requested": _("Payment requested"),
    "payment.returned": _("Returned to be verified again (the bank details changed)"),
    "payment.verified": _("Bank details verified"),
    "payment.approved": _("Payment approved"),
    "payment.paid": _("Paid"),
    "payment.cancelled": _("Payment cancelled"),
    "payment.screening_record_printed": _("Screening record printed"),
    "sanctions.screened": _("Screened against the sanctions lists"),
    "sanctions.hit_cleared": _("Hit cleared as a false match"),
    "sanctions.hit_confirmed": _("Hit confirmed as the listed entry"),
}
# A strong hit cleared once, waiting for a second member of staff.
HIT_CLEARED_ONCE = _("Hit cleared once: a second member of staff must agree")
# How many entries of a payment's history the page and the record show, newest first.
HISTORY_SHOWN = 200


@dataclass(frozen=True)
class PaymentEvent:
    at: datetime
    wording: str
    whom: str  # the payee it is about ("" for the payment itself)
    detail: str  # how many hits, or which listed entry and why
    actor: str


def payment_history(payment: Payment, payees: list[Subject]) -> list[PaymentEvent]:
    """A prize payment's history for the funder's auditors (issue 21), newest first: what
    happened to the payment and, in the same order of time, every screening of its payees
    against the sanctions lists and every decision on their hits, each with who and when. Read
    from the audit log, which never holds a screened name: the names are the payees' now."""
    whom = {
        subject.key: f"{ScreenedRole(subject.role).label}: {subject.name}" for subject in payees
    }
    screenings = {
        screening.pk: screening
        for screening in Screening.objects.filter(subject__in=whom).only("pk", "subject")
    }
    hits = {
        hit.pk: hit
        for hit in Hit.objects.filter(screening__in=screenings).select_related("screening", "entry")
    }
    entries = history_of(payment, *screenings.values(), *hits.values())[:HISTORY_SHOWN]
    events = []
    for entry in entries:
        data = entry.data or {}
        wording, about, detail = PAYMENT_WORDING.get(entry.key, entry.key), "", ""
        if entry.subject_type == Screening._meta.label_lower:
            screened = screenings.get(int(entry.subject_id))
            about = whom.get(screened.subject, "") if screened else ""
            detail = _hits(data.get("hits", 0))
        elif entry.subject_type == Hit._meta.label_lower:
            hit = hits.get(int(entry.subject_id))
            about = whom.get(hit.screening.subject, "") if hit else ""
            if data.get("state") == HitState.AWAITING_SECOND:
                wording = HIT_CLEARED_ONCE
            listed = f"{hit.listed_name} ({hit.entry.reference})" if hit else ""
            detail = f"{listed}: {data.get('reason', '')}" if listed else data.get("reason", "")
        events.append(PaymentEvent(entry.at, str(wording), about, detail, entry.actor_label))
    return events


def _hits(count: int) -> str:
    return ngettext("%(count)d hit", "%(count)d hits", count) % {"count": count}
