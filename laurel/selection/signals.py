"""What other apps hear about the decision. Sent inside the service's transaction."""

from django.dispatch import Signal

# place=<Place>, accepted=<bool>, email=<str>, language=<str>: a laureate answered its letter;
# email and language are where the letter went (the organisation's contact).
award_answered = Signal()
