from typing import Any

from django.db.models import Count, QuerySet, Sum
from django.utils import timezone

from laurel.accounts.models import User
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
