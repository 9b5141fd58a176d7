"""What is still unfinished in a cycle before staff move it to another phase (the dashboard and
the confirmation of a move list it): nominations, screening, assignments, reviews, the votes
and the decision's letters and answers. Selection sits above the apps it reads."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from laurel.candidates.queries import dashboard_counts as candidate_counts
from laurel.cycles.enums import Phase
from laurel.cycles.models import Cycle
from laurel.nominations.queries import dashboard_counts as nomination_counts
from laurel.review.enums import AssignmentState, ReviewState
from laurel.review.models import Assignment, Review
from laurel.selection.enums import DecisionState, PlaceRole
from laurel.selection.models import Decision, Place


def still_open(cycle: Cycle, to: Phase) -> list[str]:
    found: list[str] = []
    if to == Phase.SCREENING:
        counts = nomination_counts(cycle)
        if counts["nominations_unconfirmed"]:
            found.append(
                ngettext(
                    "%(count)d nomination awaits its email confirmation.",
                    "%(count)d nominations await their email confirmation.",
                    counts["nominations_unconfirmed"],
                )
                % {"count": counts["nominations_unconfirmed"]}
            )
        if counts["nominations_held"]:
            found.append(
                ngettext(
                    "%(count)d nomination is held for moderation.",
                    "%(count)d nominations are held for moderation.",
                    counts["nominations_held"],
                )
                % {"count": counts["nominations_held"]}
            )
    if to == Phase.REVIEW:
        counts = candidate_counts(cycle)
        if counts["candidates_to_screen"]:
            found.append(
                ngettext(
                    "%(count)d candidate is not yet screened.",
                    "%(count)d candidates are not yet screened.",
                    counts["candidates_to_screen"],
                )
                % {"count": counts["candidates_to_screen"]}
            )
        if counts["duplicates_to_decide"]:
            found.append(
                ngettext(
                    "%(count)d possible duplicate is not decided.",
                    "%(count)d possible duplicates are not decided.",
                    counts["duplicates_to_decide"],
                )
                % {"count": counts["duplicates_to_decide"]}
            )
        proposed = Assignment.objects.filter(cycle=cycle, state=AssignmentState.PROPOSED).count()
        if proposed:
            found.append(
                ngettext(
                    "%(count)d assignment is proposed but not published.",
                    "%(count)d assignments are proposed but not published.",
                    proposed,
                )
                % {"count": proposed}
            )
    if to == Phase.DELIBERATION:
        published = Assignment.objects.filter(cycle=cycle, state=AssignmentState.PUBLISHED).count()
        submitted = Review.objects.filter(cycle=cycle, state=ReviewState.SUBMITTED).count()
        if published > submitted:
            found.append(
                ngettext(
                    "%(count)d review is not submitted (reviews close with this move).",
                    "%(count)d reviews are not submitted (reviews close with this move).",
                    published - submitted,
                )
                % {"count": published - submitted}
            )
    if to == Phase.PROGRAMME:
        found += _letters_and_answers(cycle)
    return found


def _letters_and_answers(cycle: Cycle) -> list[str]:
    decision = Decision.objects.filter(cycle=cycle).first()
    if decision is None or decision.state == DecisionState.DRAFT:
        return [_("The decision is not locked.")]
    found = []
    if decision.state != DecisionState.ANNOUNCED:
        found.append(_("The decision letters are not released."))
    awaited = Place.objects.filter(decision=decision, role=PlaceRole.LAUREATE, answer="").count()
    if awaited:
        found.append(
            ngettext(
                "%(count)d laureate has not answered yet.",
                "%(count)d laureates have not answered yet.",
                awaited,
            )
            % {"count": awaited}
        )
    return found
