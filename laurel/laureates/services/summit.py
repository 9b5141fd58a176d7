"""The summit: staff define it, laureates register delegates, staff confirm them, visa letters
for those who need one (passport data encrypted, masked, deleted after the event)."""

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from laurel.accounts.models import User
from laurel.core.crypto import mask
from laurel.core.services import (
    ServiceError,
    TransitionRefused,
    bulk_transition,
    enqueue,
    record,
    transition,
)
from laurel.core.texts import in_language, language_codes
from laurel.cycles.models import Cycle
from laurel.cycles.phases import require_phase
from laurel.laureates.enums import DELEGATE_TRANSITIONS, VISA_TRANSITIONS, DelegateState, VisaState
from laurel.laureates.models import Delegate, Laureate, Summit, VisaRequest
from laurel.laureates.queries import summit_recipients
from laurel.notifications.services import queue_email

DELEGATE_FIELDS = [
    "full_name",
    "role",
    "email",
    "phone",
    "travelling_from",
    "arrive_on",
    "leave_on",
    "booking",
    "needs_room",
    "dietary",
    "dietary_consent",
    "accessibility",
    "accessibility_consent",
    "interpretation",
    "emergency_contact",
    "needs_visa",
]


class SummitError(ServiceError):
    """A summit step refused; `field` names the form field it is about."""


@transaction.atomic
def define_summit(cycle: Cycle, *, values: dict[str, Any], actor: User) -> Summit:
    if values["ends_on"] < values["starts_on"]:
        raise SummitError(_("The last day cannot come before the first."), "ends_on")
    if values["registration_closes_at"].date() > values["starts_on"]:
        raise SummitError(
            _("Registration must close before the summit starts."), "registration_closes_at"
        )
    if not all((values.get("title") or {}).get(code) for code in language_codes()):
        raise SummitError(_("Give the title in each language."), "title_en")
    summit, created = Summit.objects.update_or_create(cycle=cycle, defaults=values)
    record("summit.defined" if created else "summit.changed", actor=actor, subject=summit)
    return summit


def _check_delegate(summit: Summit, values: dict[str, Any]) -> None:
    if values["leave_on"] < values["arrive_on"]:
        raise SummitError(_("The day you leave cannot come before the day you arrive."), "leave_on")
    if values["arrive_on"] > summit.starts_on or values["leave_on"] < summit.ends_on:
        raise SummitError(
            _("Arrive by %(start)s and stay until %(end)s: the summit takes every day.")
            % {"start": summit.starts_on, "end": summit.ends_on},
            "arrive_on",
        )
    for topic in ("dietary", "accessibility"):
        if values.get(topic) and not values.get(f"{topic}_consent"):
            raise SummitError(
                _("Tick the box to let us keep this, or leave the field empty."),
                f"{topic}_consent",
            )


def registration_open(summit: Summit | None) -> bool:
    return summit is not None and timezone.now() < summit.registration_closes_at


def places_left(laureate: Laureate, summit: Summit) -> int:
    """How many more delegates the laureate may register (withdrawn ones free their place)."""
    taken = laureate.delegates.exclude(state=DelegateState.CANCELLED).count()
    return max(summit.places_per_laureate - taken, 0)


def _require_open(summit: Summit, cycle: Cycle) -> None:
    if not registration_open(summit):
        when = timezone.localtime(summit.registration_closes_at, cycle.zone)
        raise SummitError(
            _(
                "Registration closed on %(when)s. Write to the secretariat if someone must "
                "still come."
            )
            % {"when": date_format(when.date(), "j F Y")}
        )


@transaction.atomic
def register_delegate(laureate: Laureate, *, values: dict[str, Any], actor: User) -> Delegate:
    """A laureate registers a delegate: within its places and before registration closes."""
    require_phase(laureate.cycle_id, "programme")
    laureate = Laureate.objects.select_for_update().select_related("cycle").get(pk=laureate.pk)
    summit = Summit.objects.filter(cycle=laureate.cycle).first()
    if summit is None:
        raise SummitError(_("The summit is not open for registration yet."))
    _require_open(summit, laureate.cycle)
    if places_left(laureate, summit) <= 0:
        raise SummitError(
            _("Each laureate has %(places)d places at the summit, and yours are taken.")
            % {"places": summit.places_per_laureate}
        )
    _check_delegate(summit, values)
    delegate = Delegate.objects.create(
        laureate=laureate, **{k: values[k] for k in DELEGATE_FIELDS if k in values}
    )
    record("delegate.registered", actor=actor, subject=laureate, data={"delegate": delegate.pk})
    return delegate


def _own_delegate(delegate: Delegate) -> tuple[Delegate, Summit]:
    delegate = (
        Delegate.objects.select_for_update().select_related("laureate__cycle").get(pk=delegate.pk)
    )
    summit = Summit.objects.filter(cycle=delegate.laureate.cycle).first()
    if summit is None:
        raise SummitError(_("The summit is not open for registration yet."))
    if delegate.state == DelegateState.CANCELLED:
        raise SummitError(_("This delegate was withdrawn."))
    _require_open(summit, delegate.laureate.cycle)
    return delegate, summit


@transaction.atomic
def change_delegate(delegate: Delegate, *, values: dict[str, Any], actor: User) -> Delegate:
    """The laureate corrects a delegate's details, until registration closes. A delegate
    already confirmed stays confirmed; what changed is in the audit entry (names of fields
    only, never the values: some are health data). `letter_sent_back` on the delegate says
    whether an approved visa letter went back to staff because of the change."""
    require_phase(delegate.laureate.cycle_id, "programme")
    delegate, summit = _own_delegate(delegate)
    _check_delegate(summit, values)
    changed = [
        name
        for name in DELEGATE_FIELDS
        if name in values and getattr(delegate, name) != values[name]
    ]
    for name in changed:
        setattr(delegate, name, values[name])
    if changed:
        delegate.save(update_fields=[*changed, "updated_at"])
        record(
            "delegate.changed",
            actor=actor,
            subject=delegate.laureate,
            data={"delegate": delegate.pk, "fields": changed},
        )
    sent_back = False
    if "needs_visa" in changed and not delegate.needs_visa:
        _erase_passport_data(delegate)  # kept only for a letter, which is no longer needed
    elif set(changed) & set(LETTER_FIELDS):
        sent_back = _withdraw_letter_approval(delegate, changed, actor)
    delegate.letter_sent_back = sent_back
    return delegate


ERASE_EXPIRED = "laurel.laureates.tasks.erase_expired_passport_data"


@transaction.atomic
def erase_passport_data(*, today: date | None = None) -> int:
    """Delete passport data past its date (the daily task); how many were erased."""
    today = today or timezone.localdate()
    erased = _erase(VisaRequest.objects.filter(delete_after__lte=today))
    if erased:
        record("visa.passport_data_erased", data={"count": erased})
    return erased


def _erase_passport_data(delegate: Delegate) -> None:
    _erase(VisaRequest.objects.filter(delegate=delegate))


def _erase(visas: QuerySet[VisaRequest]) -> int:
    """The passport data of those of `visas` not erased yet is deleted, in one UPDATE that
    moves them to "erased" through the map; how many were erased."""
    return bulk_transition(
        visas, VisaState.ERASED, VISA_TRANSITIONS, erased_at=timezone.now(),
        passport_number="", nationality="", date_of_birth="", passport_expires_on="", masked="",
    )  # fmt: skip


# What a visa letter says of the delegate: staff approved the letter for these values.
LETTER_FIELDS = ["full_name", "role", "arrive_on", "leave_on"]


def _withdraw_letter_approval(delegate: Delegate, changed: list[str], actor: User) -> bool:
    """A letter approved for the delegate as they were is not made for them as they are now:
    staff check and approve it again. Whether an approval was withdrawn."""
    approved = VisaRequest.objects.filter(delegate=delegate, state=VisaState.APPROVED)
    if bulk_transition(approved, VisaState.REQUESTED, VISA_TRANSITIONS, approved_by=None):
        record(
            "visa.approval_withdrawn",
            actor=actor,
            subject=delegate.laureate,
            data={"delegate": delegate.pk, "fields": [f for f in changed if f in LETTER_FIELDS]},
        )
        return True
    return False


@transaction.atomic
def withdraw_delegate(delegate: Delegate, *, actor: User) -> Delegate:
    """The laureate withdraws a delegate, until registration closes: the place is free again
    and any passport data given for the delegate is deleted at once."""
    require_phase(delegate.laureate.cycle_id, "programme")
    delegate, _summit = _own_delegate(delegate)
    _move(delegate, DelegateState.CANCELLED, key="delegate.withdrawn", actor=actor)
    _erase_passport_data(delegate)
    return delegate


@transaction.atomic
def confirm_delegate(delegate: Delegate, *, actor: User) -> Delegate:
    delegate = Delegate.objects.select_for_update().get(pk=delegate.pk)
    delegate.confirmed_at = timezone.now()
    _move(
        delegate, DelegateState.CONFIRMED, key="delegate.confirmed", actor=actor,
        fields=["confirmed_at"], refused=NotRegistered,
    )  # fmt: skip
    return delegate


class NotRegistered(TransitionRefused, SummitError):
    text = gettext_lazy("Only a registered delegate can be confirmed.")


def _move(delegate: Delegate, state: str, *, key: str, actor: User | None, **options: Any) -> None:
    """A delegate's state machine; its entries are about the laureate the delegate is of."""
    transition(
        delegate, state, DELEGATE_TRANSITIONS, key=key, actor=actor, subject=delegate.laureate,
        data={"delegate": delegate.pk}, **options,
    )  # fmt: skip


def _delete_after(summit: Summit) -> date:
    return summit.ends_on + timedelta(days=summit.passport_days)


@transaction.atomic
def give_passport_data(
    delegate: Delegate,
    *,
    passport_number: str,
    nationality: str,
    date_of_birth: date,
    passport_expires_on: date,
    actor: User,
) -> VisaRequest:
    """The delegate's passport data for the invitation letter (replaces what was given)."""
    delegate = (
        Delegate.objects.select_for_update().select_related("laureate__cycle").get(pk=delegate.pk)
    )
    summit = Summit.objects.get(cycle=delegate.laureate.cycle)
    if nationality not in countries:
        raise SummitError(_("Choose the country."), "nationality")
    if not delegate.needs_visa:
        raise SummitError(_("This delegate does not need a visa."))
    if timezone.localdate() >= _delete_after(summit):
        raise SummitError(
            _("Passport data is no longer taken: the summit is long over and it would be deleted.")
        )
    if passport_expires_on < summit.ends_on + timedelta(days=90):
        raise SummitError(
            _("A Schengen visa needs a passport valid three months after you leave."),
            "passport_expires_on",
        )
    given = {
        "passport_number": passport_number.strip().upper(),
        "nationality": nationality,
        "date_of_birth": date_of_birth.isoformat(),
        "passport_expires_on": passport_expires_on.isoformat(),
        "masked": mask(passport_number, keep=3),
        "approved_by": None,
        "delete_after": _delete_after(summit),
        "erased_at": None,
    }
    laureate, data = delegate.laureate, {"delegate": delegate.pk}
    visa = VisaRequest.objects.select_for_update().filter(delegate=delegate).first()
    if visa is None:
        visa = VisaRequest.objects.create(delegate=delegate, state=VisaState.REQUESTED, **given)
        record("visa.requested", actor=actor, subject=laureate, data=data)
    else:  # given again: approved or erased, it waits for staff's approval again
        for name, value in given.items():
            setattr(visa, name, value)
        transition(
            visa, VisaState.REQUESTED, VISA_TRANSITIONS, key="visa.requested", actor=actor,
            fields=list(given), subject=laureate, data=data,
        )  # fmt: skip
    # The erasure is scheduled now, for the first moment of its day in the award's time zone.
    zone = delegate.laureate.cycle.zone
    enqueue(ERASE_EXPIRED, run_after=datetime.combine(visa.delete_after, time.min, tzinfo=zone))
    return visa


@transaction.atomic
def approve_visa_letter(visa: VisaRequest, *, actor: User) -> VisaRequest:
    visa = VisaRequest.objects.select_for_update().select_related("delegate").get(pk=visa.pk)
    if visa.delegate.state != DelegateState.CONFIRMED:
        raise SummitError(_("Letters are made only for confirmed delegates: confirm them first."))
    visa.approved_by = actor
    transition(
        visa, VisaState.APPROVED, VISA_TRANSITIONS, key="visa.approved", actor=actor,
        fields=["approved_by"], subject=visa.delegate.laureate, data={"visa": visa.pk},
        refused=PassportErased,
    )  # fmt: skip
    return visa


class PassportErased(TransitionRefused, SummitError):
    text = gettext_lazy("The passport data was deleted: no letter can be made.")


def reveal_passport_data(visa: VisaRequest, *, actor: User) -> VisaRequest:
    """Staff read the full passport data to check a request before approving it: logged,
    every time."""
    if visa.state == VisaState.ERASED:
        raise SummitError(_("The passport data was deleted: no letter can be made."))
    record(
        "visa.passport_revealed",
        actor=actor,
        subject=visa.delegate.laureate,
        data={"visa": visa.pk},
    )
    return visa


def letter_data(visa: VisaRequest, *, actor: User) -> VisaRequest:
    """The decrypted data for the letter (its making is logged)."""
    if visa.state != VisaState.APPROVED:
        raise SummitError(_("The letter can be made once staff approve the request."))
    record("visa.letter_made", actor=actor, subject=visa.delegate.laureate, data={"visa": visa.pk})
    return visa


@transaction.atomic
def send_practical_information(
    summit: Summit, *, subject: dict[str, str], text: dict[str, str], actor: User
) -> int:
    """Staff's practical information, written in each language, to every confirmed delegate
    (and its laureate's contacts), each in their own language."""
    require_phase(summit.cycle_id, "programme")
    addresses = summit_recipients(summit.cycle)
    for address, language in sorted(addresses.items()):
        queue_email(
            "summit_information",
            to=address,
            language=language,
            context={
                "summit": summit,
                "subject": in_language(subject, language),
                "text": in_language(text, language),
            },
        )
    record("summit.information_sent", actor=actor, subject=summit, data={"count": len(addresses)})
    return len(addresses)
