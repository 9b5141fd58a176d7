"""What other apps hear about nominations. Sent inside the service's transaction, so whatever
a receiver writes is committed with the change, or not at all."""

from django.dispatch import Signal

# nomination=<Nomination>: it now counts (the nominator confirmed the address).
nomination_confirmed = Signal()
# nomination=<Nomination>: it no longer counts (withdrawn, or its details changed).
nomination_changed = Signal()
