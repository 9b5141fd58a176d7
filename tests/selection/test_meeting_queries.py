"""The selection meeting's page and its polled fragment cost as many queries for two agenda
items as for five (moved from test_meeting.py, whose tests all start from one committee built
once for the module, where this one builds its own)."""

from django.urls import reverse

from laurel.selection import services
from tests.selection.helpers import scored_committee
from tests.selection.pages_helpers import signed_in


def test_the_meeting_page_and_fragment_take_as_many_queries_for_two_items_as_for_five(
    client, child10, staff_user
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    committee = scored_committee(child10, staff_user, count=5)
    for candidate in committee.candidates[:2]:
        services.shortlist_candidate(candidate, kind="shortlist", actor=staff_user)
    services.open_round(
        child10, method="approval", secret=True, candidates=committee.candidates[:2],
        actor=committee.chair,
    )  # fmt: skip
    chair = signed_in(client, committee.chair)
    urls = [reverse("selection:meeting"), reverse("selection:meeting_current")]

    def counted() -> list[int]:
        counts = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries_run:
                assert chair.get(url).status_code == 200
            counts.append(len(queries_run))
        return counts

    counted()  # the first visit creates the meeting
    two = counted()
    for candidate in committee.candidates[2:]:
        services.shortlist_candidate(candidate, kind="reserve", actor=staff_user)
    five = counted()

    assert two == five
