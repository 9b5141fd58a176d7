"""What the candidates app tells the apps above it, which it never imports."""

from django.dispatch import Signal

# Candidates were made ready for the committee: `candidate_ids`. Sanctions screening screens
# them (laurel.sanctions, issue 21).
candidates_ready = Signal()
