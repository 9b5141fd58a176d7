from django.db import transaction
from django_tasks import task

from laurel.core.services import record
from laurel.nominations.enums import NominationState
from laurel.nominations.models import Nomination


@task()
def lapse_if_unconfirmed(nomination_id: int) -> str:
    """Run when the confirmation period ends: an unconfirmed nomination lapses."""
    with transaction.atomic():
        nomination = Nomination.objects.select_for_update().filter(pk=nomination_id).first()
        if nomination is None or nomination.state != NominationState.SUBMITTED:
            return "kept"
        nomination.state = NominationState.LAPSED
        nomination.save(update_fields=["state", "updated_at"])
        record("nomination.lapsed", subject=nomination, summary=nomination.reference)
        return "lapsed"
    return "kept"
