"""What sanctions screening does when another app tells it something."""

from typing import Any

from laurel.core.services import enqueue

SCREEN = "laurel.sanctions.tasks.screen_candidates"


def screen_when_ready(sender: Any, *, candidate_ids: list[int], **kwargs: Any) -> None:
    """Candidates ready for the committee are screened, by the worker: the first screening in
    a process reads the lists, seconds a page should not wait. Queued in the caller's
    transaction (nothing if it rolls back)."""
    enqueue(SCREEN, list(candidate_ids))
