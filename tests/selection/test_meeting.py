"""The selection meeting (issue 17, item 8): a round the chair opens reaches members through the
polled fragment, which answers 204 while nothing changes; the agenda puts the shortlist before
the reserve, steps with Previous and Next and marks the current item; Who recused starts ticked
from the conflict register. And who may not see or steer any of it."""

import re

from django.urls import reverse
from django.utils import translation

from laurel.selection import queries, services
from laurel.selection.models import Meeting
from tests.conftest import make_user
from tests.selection.helpers import scored_committee, shared_committee
from tests.selection.pages_helpers import signed_in


def _agenda(cycle, staff_user):
    committee = scored_committee(cycle, staff_user, count=5)
    first, second, third, fourth, fifth = committee.candidates
    # The reserve is filled first: the agenda must not follow the order of adding, nor the
    # alphabet ("reserve" before "shortlist").
    services.shortlist_candidate(fifth, kind="reserve", actor=staff_user)
    for candidate in (first, second, third, fourth):
        services.shortlist_candidate(candidate, kind="shortlist", actor=staff_user)
    return committee


# Built once for the module (tests.conftest.shared_world), each test in a savepoint of its own.
# The query count's test, which builds its own, is in test_meeting_queries.py.
world, child10, staff_user, committee = shared_committee(_agenda)


def polled_url(page: str) -> str:
    """The address the fragment polls, with the version of what the screen shows."""
    found = re.search(r'<section id="meeting-current"[^>]*hx-get="([^"]+)"', page)
    assert found, "no polled fragment on the page"
    return found.group(1).replace("&amp;", "&")


def test_a_round_the_chair_opens_reaches_a_members_screen_through_the_fragment(
    client, committee, staff_user
):
    alice = signed_in(client, committee.members[0])
    page = alice.get(reverse("selection:meeting")).content.decode()
    url = polled_url(page)
    unchanged = alice.get(url)
    cycle = committee.candidates[0].cycle

    round_ = services.open_round(
        cycle,
        method="approval",
        topic="laureates",
        secret=True,
        candidates=committee.candidates[:2],
        actor=committee.chair,
    )
    changed = alice.get(url)

    # The live region is outside what is swapped, so that the change is read out.
    assert re.search(
        r'<div data-meeting-live aria-live="polite">\s*<section id="meeting-current"', page
    )
    assert unchanged.status_code == 204 and unchanged.content == b""
    assert changed.status_code == 200
    fragment = changed.content.decode()
    assert fragment.lstrip().startswith('<section id="meeting-current"')
    assert f'href="{reverse("selection:round", args=[round_.pk])}"' in fragment
    assert "Round 1 is open: vote here" in fragment
    assert "<form" not in fragment  # nothing a member is typing is ever swapped away
    assert alice.get(polled_url(fragment)).status_code == 204


def test_the_fragment_changes_when_the_chair_moves_and_when_the_member_has_voted(client, committee):
    cycle = committee.candidates[0].cycle
    entries = list(queries.shortlist(cycle))
    round_ = services.open_round(
        cycle,
        method="approval",
        secret=True,
        candidates=committee.candidates[1:3],
        actor=committee.chair,
    )
    alice_user = committee.members[0]
    alice = signed_in(client, alice_user)
    url = polled_url(alice.get(reverse("selection:meeting")).content.decode())

    services.go_to(cycle, entry=entries[1], actor=committee.chair)
    moved = alice.get(url).content.decode()
    services.cast_ballot(
        round_, voter=alice_user, ranks={committee.candidates[1].pk: 1}, actor=alice_user
    )
    voted = alice.get(polled_url(moved)).content.decode()

    assert f"<h3>{entries[1].candidate.name}</h3>" in moved
    assert "Round 1 is open: vote here" in moved
    assert "Round 1 is open. You have voted in it." in voted
    assert "vote here" not in voted


def test_the_fragment_is_in_swedish_for_a_swedish_reader(client, committee):
    cycle = committee.candidates[0].cycle
    services.open_round(
        cycle, method="ranked", secret=True, candidates=committee.candidates[:2],
        actor=committee.chair,
    )  # fmt: skip
    alice = signed_in(client, committee.members[0])
    with translation.override("sv"):
        url = reverse("selection:meeting_current")

    fragment = alice.get(url).content.decode()

    assert "Omgång 1 är öppen: rösta här" in fragment


def agenda_names(page: str) -> list[str]:
    agenda = page[page.index('<ol class="meeting-agenda"') :]
    agenda = agenda[: agenda.index("</ol>")]
    return re.findall(r'<button type="submit" class="link-button"[^>]*>([^<]+)</button>', agenda)


def test_the_agenda_puts_the_shortlist_before_the_reserve(client, committee):
    chair = signed_in(client, committee.chair)

    page = chair.get(reverse("selection:meeting")).content.decode()

    assert agenda_names(page) == [c.name for c in committee.candidates]


def test_previous_and_next_step_through_the_agenda_and_the_current_item_is_marked(
    client, committee
):
    cycle = committee.candidates[0].cycle
    entries = list(queries.shortlist(cycle))
    chair = signed_in(client, committee.chair)

    start = chair.get(reverse("selection:meeting")).content.decode()
    chair.post(reverse("selection:go"), {"entry": entries[0].pk})  # what Next does at the start
    chair.post(reverse("selection:go"), {"entry": entries[1].pk})
    page = chair.get(reverse("selection:meeting")).content.decode()

    assert "meeting-steps__previous" not in start
    assert re.search(
        rf'value="{entries[0].pk}">\s*<button type="submit" class="meeting-steps__next"', start
    )
    assert Meeting.objects.get(cycle=cycle).current == entries[1]
    assert re.search(
        rf'value="{entries[0].pk}">\s*<button type="submit" class="meeting-steps__previous"'
        rf'[^>]*>Previous</button> <span id="step-previous"[^>]*>{entries[0].candidate.name}<',
        page,
    )
    assert re.search(
        rf'value="{entries[2].pk}">\s*<button type="submit" class="meeting-steps__next"'
        rf'[^>]*>Next</button> <span id="step-next"[^>]*>{entries[2].candidate.name}<',
        page,
    )
    current = re.findall(r'aria-current="step">([^<]+)</button>', page)
    assert current == [entries[1].candidate.name]


def test_next_is_not_offered_on_the_last_item(client, committee):
    cycle = committee.candidates[0].cycle
    entries = list(queries.shortlist(cycle))
    services.go_to(cycle, entry=entries[-1], actor=committee.chair)

    page = signed_in(client, committee.chair).get(reverse("selection:meeting")).content.decode()

    assert entries[-1].kind == "reserve"
    assert "meeting-steps__next" not in page
    assert "meeting-steps__previous" in page


def recused_ticked(page: str) -> set[int]:
    return {
        int(pk)
        for pk in re.findall(
            r'<input type="checkbox" name="recused" value="(\d+)"[^>]*checked', page
        )
    }


def test_who_recused_starts_ticked_from_the_conflict_register(client, committee):
    cycle = committee.candidates[0].cycle
    entries = list(queries.shortlist(cycle))
    _alice, bob = committee.members  # bob has declared a conflict with the first candidate
    chair = signed_in(client, committee.chair)

    chair.post(reverse("selection:go"), {"entry": entries[0].pk})
    conflicted = chair.get(reverse("selection:meeting")).content.decode()
    chair.post(reverse("selection:go"), {"entry": entries[1].pk})
    free = chair.get(reverse("selection:meeting")).content.decode()

    assert recused_ticked(conflicted) == {bob.pk}
    assert "Members with a known conflict with this candidate are ticked" in conflicted
    assert recused_ticked(free) == set()
    assert "Members with a known conflict" not in free


def test_a_saved_record_decides_who_is_ticked(client, committee):
    cycle = committee.candidates[0].cycle
    entry = next(iter(queries.shortlist(cycle)))
    alice, bob = committee.members
    chair = signed_in(client, committee.chair)
    chair.post(reverse("selection:go"), {"entry": entry.pk})

    chair.post(
        reverse("selection:record", args=[entry.pk]),
        {"arguments": "", "outcome": "supported", "recused": [bob.pk, alice.pk]},
    )
    page = chair.get(reverse("selection:meeting")).content.decode()

    assert recused_ticked(page) == {alice.pk, bob.pk}


def test_members_do_not_steer_and_see_no_record_form(client, committee):
    cycle = committee.candidates[0].cycle
    entries = list(queries.shortlist(cycle))
    services.go_to(cycle, entry=entries[1], actor=committee.chair)
    alice = signed_in(client, committee.members[0])

    page = alice.get(reverse("selection:meeting")).content.decode()
    moved = alice.post(reverse("selection:go"), {"entry": entries[2].pk})

    assert "meeting-agenda" not in page and "meeting-steps" not in page
    assert 'name="recused"' not in page
    assert moved.status_code == 404
    assert Meeting.objects.get(cycle=cycle).current == entries[1]


def test_the_fragment_is_refused_to_anyone_outside_the_committee(client, committee):
    url = reverse("selection:meeting_current") + "?seen=x"
    anonymous = client.get(url)
    signed_in(client, make_user("laureate", cycle=committee.candidates[0].cycle))
    outsider = client.get(url)

    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous.url
    assert outsider.status_code == 404
