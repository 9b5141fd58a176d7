"""The decision page's rules, read in `selection.pages` rather than in its view: which laureate
places may go to a reserve, and what each constraint of the suggestion costs."""

from datetime import timedelta

from django.utils import timezone

from laurel.candidates.enums import WorkKind
from laurel.selection.enums import Answer
from laurel.selection.models import Decision, Place
from laurel.selection.pages import Cost, costs, may_be_offered


def test_a_place_goes_to_a_reserve_once_declined_or_its_answer_is_overdue():
    now = timezone.now()
    hour = timedelta(hours=1)

    assert may_be_offered(Place(answer=Answer.DECLINED, respond_by=now + hour), now)
    assert may_be_offered(Place(answer="", respond_by=now - hour), now)
    assert may_be_offered(Place(answer="", respond_by=now), now)
    assert not may_be_offered(Place(answer="", respond_by=now + hour), now)
    assert not may_be_offered(Place(answer="", respond_by=None), now)
    assert not may_be_offered(Place(answer=Answer.ACCEPTED, respond_by=now - hour), now)


def test_each_constraint_says_what_it_costs_and_whether_the_changes_broke_it():
    decision = Decision(
        min_per_kind={"technology": 2},
        suggestion={"costs": {"country": 1.5, "kind:technology": 0.25}},
    )

    assert costs(decision, broken={"country"}) == [
        Cost(1.5, "", 0, True),
        Cost(0.25, WorkKind.TECHNOLOGY.label, 2, False),
    ]
    assert costs(Decision(min_per_kind={}, suggestion={}), broken=set()) == []
