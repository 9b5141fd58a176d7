"""What other apps hear about the decision. Sent inside the service's transaction."""

from dataclasses import dataclass

from django.dispatch import Signal


@dataclass(frozen=True)
class MediaConsent:
    """What a laureate said may be published, with its acceptance (opt-in: all False is "publish
    nothing"). The laureates app keeps it on the laureate's programme record."""

    publish_name: bool = False
    publish_logo: bool = False
    publish_staff_names: bool = False
    at_risk: bool = False


# place=<Place>, accepted=<bool>, email=<str>, language=<str>, consent=<MediaConsent | None>: a
# laureate answered its letter; email and language are where the letter went (the
# organisation's contact); consent is what it said may be published (None: not asked).
award_answered = Signal()
