"""Applying the retention policy: what each category holds, what is due, when the next falls
due, and the erasure itself. Counts go to the audit log, never the content."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Exists, F, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_tasks import task

from laurel.accounts.models import User
from laurel.candidates.models import CandidateDocument, CandidateNote, DiligenceCheck
from laurel.core.models import AuditEntry
from laurel.core.personal import Kind
from laurel.core.services import record
from laurel.laureates.enums import OPEN_PAYMENT_STATES, PaymentState, VisaState
from laurel.laureates.models import BankAccount, Delegate, Payment, VisaRequest
from laurel.laureates.services.summit import erase_passport_data
from laurel.nominations.enums import NominationState
from laurel.nominations.models import Attachment, Nomination
from laurel.notifications.enums import EmailState
from laurel.notifications.models import OutgoingEmail
from laurel.privacy.policy import ANONYMISE, CATEGORIES, Rule, rules
from laurel.review.models import Comment, Review
from laurel.sanctions.models import Screening

logger = logging.getLogger(__name__)

# Audit entries about money are accounting records: they follow the payments' period.
PAYMENT_KEYS = ("payment.", "payments.", "bank_account.", "sanctions.")
# What the retention policy clears of a nomination (Nomination.PERSONAL says which fields).
CONTACT_DETAILS = (Kind.NOMINATOR, Kind.CONTACT)
WHOLE_NOMINATION = (*CONTACT_DETAILS, Kind.WRITTEN, Kind.TRACES)


class RetentionIncomplete(Exception):
    """Some categories could not be applied (the others were); named in the audit entry."""


@dataclass
class Source:
    """Rows of one model that still hold the category's data, each with its `event`."""

    rows: Callable[[], QuerySet]
    is_date: bool = False


def _announced(path: str) -> F:
    return F(f"{path}cycle__decision__announced_at")


def _with_event(queryset: QuerySet, event) -> QuerySet:
    return queryset.annotate(event=event).filter(event__isnull=False)


def _last_payment():
    paid = Payment.objects.filter(laureate=OuterRef("laureate"), state=PaymentState.PAID)
    return Subquery(paid.order_by("-paid_on").values("paid_on")[:1])


def _audit_entries(*, about_payments: bool) -> QuerySet:
    money = Q()
    for prefix in PAYMENT_KEYS:
        money |= Q(key__startswith=prefix)
    entries = (
        AuditEntry.objects.filter(money) if about_payments else AuditEntry.objects.exclude(money)
    )
    return _with_event(entries, F("at"))


SOURCES: dict[str, list[Source]] = {
    "unconfirmed_nominations": [
        Source(
            lambda: _with_event(
                Nomination.objects.filter(
                    state__in=[NominationState.DRAFT, NominationState.LAPSED]
                ),
                F("updated_at"),
            )
        )
    ],
    "unselected_nominations": [
        Source(
            lambda: _with_event(
                Nomination.objects.filter(
                    anonymised_at__isnull=True, placement__candidate__laureate__isnull=True
                ),
                _announced("placement__candidate__"),
            )
        )
    ],
    "nominator_contacts": [
        Source(
            lambda: _with_event(
                Nomination.objects.exclude(
                    **Nomination.PERSONAL.blank(Nomination, *CONTACT_DETAILS)
                ),
                _announced(""),
            )
        )
    ],
    "nominee_documents": [
        Source(lambda: _with_event(Attachment.objects.all(), _announced("nomination__"))),
        Source(lambda: _with_event(CandidateDocument.objects.all(), _announced("candidate__"))),
    ],
    "reviews": [
        Source(
            lambda: _with_event(
                Review.objects.exclude(comments={}, overall="", abstain_reason=""), _announced("")
            )
        ),
        Source(lambda: _with_event(Comment.objects.all(), _announced("candidate__"))),
        Source(lambda: _with_event(CandidateNote.objects.all(), _announced("candidate__"))),
        Source(
            lambda: _with_event(DiligenceCheck.objects.exclude(notes=""), _announced("candidate__"))
        ),
    ],
    "delegate_needs": [
        Source(
            lambda: _with_event(
                Delegate.objects.exclude(**Delegate.PERSONAL.blank(Delegate, Kind.NEEDS)),
                F("laureate__cycle__summit__ends_on"),
            ),
            is_date=True,
        )
    ],
    "passport_data": [
        Source(
            lambda: _with_event(
                VisaRequest.objects.exclude(state=VisaState.ERASED), F("delete_after")
            ),
            is_date=True,
        )
    ],
    "bank_details": [
        Source(
            lambda: _with_event(
                BankAccount.objects.filter(erased_at__isnull=True).exclude(
                    Exists(
                        Payment.objects.filter(
                            laureate=OuterRef("laureate"), state__in=OPEN_PAYMENT_STATES
                        )
                    )
                ),
                _last_payment(),
            ),
            is_date=True,
        )
    ],
    "payments": [
        Source(
            lambda: _with_event(Payment.objects.filter(state=PaymentState.PAID), F("paid_on")),
            is_date=True,
        ),
        Source(lambda: _audit_entries(about_payments=True)),
        # The sanctions screenings, the evidence a payment's checks were made (their hits go
        # with them): kept for the accounting period from the day of each.
        Source(lambda: _with_event(Screening.objects.all(), F("screened_at"))),
    ],
    "audit_log": [Source(lambda: _audit_entries(about_payments=False))],
    # What the outbox still holds of emails that have left it (or never will).
    "sent_emails": [
        Source(
            lambda: _with_event(
                OutgoingEmail.objects.filter(
                    state__in=[EmailState.SENT, EmailState.CANCELLED]
                ).exclude(subject="", body_text="", body_html=""),
                Coalesce(F("sent_at"), F("updated_at")),
            )
        )
    ],
}


def _cutoff(rule: Rule, now: datetime, is_date: bool) -> datetime | date:
    cutoff = now - timedelta(days=rule.days or 0)
    return timezone.localtime(cutoff).date() if is_date else cutoff


def due(key: str, *, now: datetime | None = None) -> list[QuerySet]:
    """For each source of the category, the rows whose time has come."""
    now = now or timezone.now()
    policy = rules()
    rule = policy[key]
    return [
        source.rows().filter(event__lte=_cutoff(rule, now, source.is_date))
        for source in SOURCES[key]
    ]


@dataclass
class Status:
    key: str
    label: str
    event: str
    days: int | None
    action: str
    due_now: int
    next_due: date | None


def _as_date(value) -> date:
    return timezone.localtime(value).date() if isinstance(value, datetime) else value


def status(*, now: datetime | None = None) -> list[Status]:
    """Each category: its rule, how many rows are due now, and the day the next falls due."""
    now = now or timezone.now()
    policy = rules()
    rows = []
    for category in CATEGORIES:
        rule = policy[category.key]
        count, upcoming = 0, []
        for source in SOURCES[category.key]:
            cutoff = _cutoff(rule, now, source.is_date)
            count += source.rows().filter(event__lte=cutoff).count()
            first = source.rows().filter(event__gt=cutoff).aggregate(first=Min("event"))["first"]
            if first is not None:
                upcoming.append(_as_date(first) + timedelta(days=rule.days or 0))
        rows.append(
            Status(
                key=category.key,
                label=str(category.label),
                event=str(category.event),
                days=rule.days,
                action=rule.action,
                due_now=count,
                next_due=min(upcoming, default=None),
            )
        )
    return rows


def _delete_files(rows, field: str) -> None:
    _delete_files_after_commit([name for name in rows.values_list(field, flat=True) if name])


def _delete_files_after_commit(names: list[str]) -> None:
    # After the commit: a rollback must not leave rows whose files are gone.
    transaction.on_commit(lambda: [default_storage.delete(name) for name in names])


def anonymise_nominations(
    nominations: QuerySet, kinds: tuple[Kind, ...], now, *, whole: bool
) -> int:
    """Clear these kinds of personal data in each nomination, its versions and a change not yet
    confirmed; with a person's details (nominator, contact) the answers that are personal data
    go too. `whole`: nothing personal is left."""
    count = 0
    # The answers to the award's questions that are personal data go with a person's details:
    # a nominator's, or the contact person's (the question does not say whose they are).
    personal_answers = bool(set(kinds) & {Kind.NOMINATOR, Kind.CONTACT})
    for nomination in nominations.select_for_update(of=("self",)):
        uploads = (nomination.pending_edit or {}).get("uploads", [])
        fields = Nomination.PERSONAL.clear(nomination, *kinds)
        if "pending_edit" in fields:  # the files of a change never confirmed go with it
            _delete_files_after_commit([upload["path"] for upload in uploads])
        thinned = personal_answers and "question_answers" not in fields
        changed = [*fields]
        if thinned:
            nomination.question_answers = nomination.without_personal_answers(
                nomination.question_answers
            )
            changed.append("question_answers")
            _drop_personal_files(nomination)
        if nomination.pending_edit is not None and "data" in nomination.pending_edit:
            # A change not yet confirmed holds a copy of every field: the same go from it.
            data = _cleared(nomination, nomination.pending_edit["data"], fields, thinned)
            nomination.pending_edit = {**nomination.pending_edit, "data": data}
            changed.append("pending_edit")
        nomination.anonymised_at = now if whole else nomination.anonymised_at
        nomination.save(update_fields=[*changed, "anonymised_at", "updated_at"])
        for version in nomination.versions.all():
            version.data = _cleared(nomination, version.data, fields, thinned)
            version.save(update_fields=["data"])
        count += 1
    return count


def _drop_personal_files(nomination: Nomination) -> None:
    """The files that answer questions of personal data go with those answers: attached, and
    those a change not yet confirmed holds (`pending_edit` is saved by the caller)."""
    personal = {q.key for q in nomination.cycle.asked_questions() if q.personal}
    if not personal:
        return
    files = Attachment.objects.filter(nomination=nomination, question__in=personal)
    _delete_files(files, "file")
    files.delete()
    if nomination.pending_edit is not None:
        uploads = nomination.pending_edit.get("uploads", [])
        going = [upload for upload in uploads if upload.get("question") in personal]
        _delete_files_after_commit([upload["path"] for upload in going])
        kept = [upload for upload in uploads if upload not in going]
        nomination.pending_edit = {**nomination.pending_edit, "uploads": kept}


def _cleared(nomination: Nomination, data: dict, fields: list[str], thinned: bool) -> dict:
    """A copy of a nomination's fields (a version, a change not yet confirmed) less the fields
    cleared and, when `thinned`, the answers that are personal data."""
    kept = {k: v for k, v in data.items() if k not in fields}
    if thinned and "question_answers" in kept:
        kept["question_answers"] = nomination.without_personal_answers(kept["question_answers"])
    return kept


def _erase(key: str, rule: Rule, queries: list[QuerySet], now: datetime) -> int:
    """Erase what is due in one category; how many rows were changed or removed."""
    deleting = rule.action != ANONYMISE
    if key == "unconfirmed_nominations" or (key == "unselected_nominations" and deleting):
        [nominations] = queries
        _delete_files(Attachment.objects.filter(nomination__in=nominations), "file")
        return nominations.delete()[1].get("nominations.Nomination", 0)
    if key == "unselected_nominations":
        [nominations] = queries
        _delete_files(Attachment.objects.filter(nomination__in=nominations), "file")
        Attachment.objects.filter(nomination__in=nominations).delete()
        return anonymise_nominations(nominations, WHOLE_NOMINATION, now, whole=True)
    if key == "nominator_contacts":
        [nominations] = queries
        return anonymise_nominations(nominations, CONTACT_DETAILS, now, whole=False)
    if key == "nominee_documents":
        count = 0
        for rows in queries:
            _delete_files(rows, "file")
            count += rows.delete()[0]
        return count
    if key == "reviews":
        reviews, comments, notes, checks = queries
        if rule.action == ANONYMISE:
            count = reviews.update(comments={}, overall="", abstain_reason="")
        else:
            count = reviews.delete()[0]
        count += comments.delete()[0] + notes.delete()[0]
        return count + checks.update(notes="")
    if key == "delegate_needs":
        [delegates] = queries
        return delegates.update(**Delegate.PERSONAL.blank(Delegate, Kind.NEEDS))
    if key == "sent_emails":
        [emails] = queries
        if rule.action == ANONYMISE:  # who was written to, what kind and when stay as a record
            return emails.update(subject="", body_text="", body_html="", links="")
        return emails.delete()[0]
    if key == "passport_data":
        return erase_passport_data(today=timezone.localtime(now).date())
    if key == "bank_details":
        [accounts] = queries
        count = 0
        for account in accounts.select_for_update(of=("self",)):
            if account.proof_file:
                transaction.on_commit(lambda name=account.proof_file: default_storage.delete(name))
            fields = BankAccount.PERSONAL.clear(account, Kind.BANK)
            account.erased_at = now
            account.save(update_fields=[*fields, "erased_at", "updated_at"])
            count += 1
        return count
    # payments, audit_log: the rows go.
    return sum(rows.delete()[0] for rows in queries)


def apply(
    *, now: datetime | None = None, only: str | None = None, actor: User | None = None
) -> dict[str, int]:
    """Apply the policy (every category, or `only` one); how many rows each changed."""
    now = now or timezone.now()
    policy = rules()
    erased, failed = {}, {}
    for category in CATEGORIES:
        if only and category.key != only:
            continue
        try:
            with transaction.atomic():
                erased[category.key] = _erase(
                    category.key, policy[category.key], due(category.key, now=now), now
                )
        except Exception as error:  # one category's failure must not stop the others
            logger.exception("retention of %s failed", category.key)
            erased[category.key], failed[category.key] = 0, type(error).__name__
    changed = {key: count for key, count in erased.items() if count}
    record("retention.applied", actor=actor, data={"erased": changed, "failed": failed})
    if failed:
        raise RetentionIncomplete(failed)  # the task shows as failed, to be looked at
    return erased


@task()
def apply_retention() -> dict[str, int]:
    """The daily run (settings.DAILY_TASKS); task workers keep the next one scheduled."""
    return apply()
