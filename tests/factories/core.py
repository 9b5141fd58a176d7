"""The audit log. (RateCounter, WorkerHeartbeat and UsedChallenge have no factory: they are
the rate limiter's, the worker's and the challenge's own bookkeeping, which tests reach through
those.)"""

import factory

from laurel.core.models import AuditEntry
from laurel.core.services import SYSTEM
from tests.factories.accounts import UserFactory


class AuditEntryFactory(factory.django.DjangoModelFactory):
    """An entry as core.services.record writes one for a person: the actor, and their address
    as its label. Pass `subject` (any saved object) to name what it is about, as record does.
    Trait `by_system`: no person acted (the label "system")."""

    class Meta:
        model = AuditEntry

    class Params:
        subject = None
        by_system = factory.Trait(actor=None)

    key = "test.recorded"
    actor = factory.SubFactory(UserFactory)
    actor_label = factory.LazyAttribute(lambda o: o.actor.email if o.actor else SYSTEM)
    subject_type = factory.LazyAttribute(
        lambda o: o.subject._meta.label_lower if o.subject is not None else ""
    )
    subject_id = factory.LazyAttribute(lambda o: str(o.subject.pk) if o.subject is not None else "")
