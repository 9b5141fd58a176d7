"""The laureates announced and their letters delivered: the letter to a candidate and its
accept link's token."""

import pytest
from django.core import mail

from laurel.selection import services
from tests.selection.helpers import announced_decision

TEXTS = {"sv": "Svensk text.", "en": "English text."}


# The letters delivered before the test's own actions (the outbox keeps no link: read them here).
DELIVERED: list = []


def token_of(letter) -> str:
    """The accept link's token: from the letter waiting in the outbox (its link is kept
    encrypted until it is sent), or from the letter as it was delivered."""
    bodies = [letter.with_links()[0]] if letter.links else []
    bodies += [m.body for m in [*DELIVERED, *mail.outbox] if m.to == [letter.to]]
    line = next(line for body in bodies for line in body.splitlines() if "/laureate/" in line)
    return line.rsplit("/laureate/", 1)[1].strip("/")


@pytest.fixture
def announced(child10, staff_user, run_tasks):
    """Two laureates and one reserve, the letters released; every email so far delivered."""
    decision = announced_decision(child10, staff_user, texts=lambda name: (TEXTS, TEXTS))
    run_tasks()
    DELIVERED[:] = mail.outbox
    mail.outbox.clear()
    yield decision
    DELIVERED.clear()  # other tests' letters go to the same addresses: never read them there


def letter_to(decision, candidate):
    email, _language = services.announcing._contact(candidate)
    return services.letters(decision).get(key="decision_laureate", to=email)
