from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.core.services import ServiceError
from laurel.cycles.models import Cycle
from laurel.selection.enums import DecisionState
from laurel.selection.models import Decision
from laurel.selection.queries import conflicted_candidates


class SelectionError(ServiceError):
    """A selection step refused, with a message for the person who asked."""


def locked(cycle: Cycle) -> bool:
    return Decision.objects.filter(cycle=cycle).exclude(state=DecisionState.DRAFT).exists()


def not_conflicted(actor: User, cycle: Cycle, *candidate_ids: int, message: str = "") -> None:
    """Refuse a step on a candidate the actor has a conflict with: a chair with a conflict is
    conflicted like any member, and leaves that candidate's steps to staff."""
    if set(candidate_ids) & conflicted_candidates(actor, cycle):
        raise SelectionError(
            message or _("You have a conflict with this candidate: staff take this step.")
        )
