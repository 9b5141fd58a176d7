"""What other apps hear about a cycle. Sent inside the service's transaction."""

from django.dispatch import Signal

# cycle=<Cycle>, actor=<User | None>, previous=<Phase>: staff moved the cycle to another phase
# (cycles.services). Candidates tell the nominators whose ineligibility email waited for the
# nominations to close.
phase_moved = Signal()
