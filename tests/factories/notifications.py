"""The outbox."""

import factory
from django.utils import timezone

from laurel.notifications.enums import EmailState
from laurel.notifications.models import OutgoingEmail


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
