"""The laureates' scheduled work."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from laurel.core.services import record
from laurel.laureates.enums import VisaState
from laurel.laureates.models import VisaRequest


@transaction.atomic
def erase_passport_data(*, today: date | None = None) -> int:
    """Delete passport data past its date (the daily task); how many were erased."""
    today = today or timezone.localdate()
    due = list(
        VisaRequest.objects.select_for_update()
        .filter(delete_after__lte=today)
        .exclude(state=VisaState.ERASED)
    )
    for visa in due:
        visa.passport_number = visa.nationality = visa.date_of_birth = ""
        visa.passport_expires_on = visa.masked = ""
        visa.state, visa.erased_at = VisaState.ERASED, timezone.now()
        visa.save(
            update_fields=[
                "passport_number",
                "nationality",
                "date_of_birth",
                "passport_expires_on",
                "masked",
                "state",
                "erased_at",
                "updated_at",
            ]
        )
    if due:
        record("visa.passport_data_erased", data={"count": len(due)})
    return len(due)


@task()
def erase_expired_passport_data() -> int:
    """Scheduled when passport data is given, for the day it is due: every visa request past
    its date is erased (so a run that was missed is caught up by the next)."""
    return erase_passport_data()
