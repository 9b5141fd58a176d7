from django.conf import settings

from laurel.core.states import state_enums


def site(request):
    return {"SITE_URL": settings.SITE_URL}


def states(request):
    """The apps' choice enums by name (`DecisionState`, `NominationState` …), so that a template
    compares a state with `DecisionState.DRAFT`, never with "draft" typed again."""
    return state_enums()
