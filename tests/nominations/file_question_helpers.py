"""The Aurora Prize's `file` question (the rules of the council or board, asked when adults
lead the organisation), as its tests and the attacks on it post it."""

from django.utils import timezone

from laurel.cycles.models import Cycle
from laurel.nominations.models import Nomination
from tests.nominations.helpers import complete_post
from tests.scenarios import NOMINATE

FIELD = "q_council_rules"
LABEL = "The rules of the council or board"
ADULTS = {"q_leadership": "adults", "q_youth_say": "A youth board of twelve decides the budget."}


def ask(cycle: Cycle, **changes) -> None:
    """Change the question as staff would before the call opens (a new version of the cycle)."""
    cycle.questions.filter(key="council_rules").update(**changes)
    Cycle.objects.filter(pk=cycle.pk).update(updated_at=timezone.now())


def draft(client, cycle, token, **changes):
    return client.post(NOMINATE, complete_post(cycle, token, **{"action": "save", **changes}))


def held(nomination: Nomination) -> list[tuple[str, str]]:
    return list(nomination.attachments.values_list("question", "original_name"))
