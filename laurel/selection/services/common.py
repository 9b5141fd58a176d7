from laurel.selection.enums import DecisionState
from laurel.selection.models import Decision


class SelectionError(Exception):
    """A selection step refused, with a message for the person who asked."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def locked(cycle) -> bool:
    return Decision.objects.filter(cycle=cycle).exclude(state=DecisionState.DRAFT).exists()
