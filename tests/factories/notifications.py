"""The outbox."""

import factory
from django.utils import timezone

from laurel.notifications.enums import EmailState
from laurel.notifications.models import OutgoingEmail, Suppression


class OutgoingEmailFactory(factory.django.DjangoModelFactory):
    """A queued email. Trait `sent`: what the sender sets once delivered (state, time, one
    attempt)."""

    class Meta:
        model = OutgoingEmail

    key = "test.message"
    to = factory.Sequence(lambda n: f"reader{n}@example.org")
    language = "en"
    subject = "A message"
    body_text = "The message's text."

    class Params:
        sent = factory.Trait(
            state=EmailState.SENT, sent_at=factory.LazyFunction(timezone.now), attempts=1
        )


class SuppressionFactory(factory.django.DjangoModelFactory):
    """An address no email may go to, as notifications.services.suppress stores it for a
    restriction of processing (privacy.requests): lower case, the reason "restriction"."""

    class Meta:
        model = Suppression

    address = factory.Sequence(lambda n: f"restricted{n}@example.org")
    reason = "restriction"
