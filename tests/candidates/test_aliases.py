"""Every name an organisation is known by, wherever names are compared (issue 18, item 3):
its nominations' names, the names merged into it, a name it corrected, another year's names."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from laurel.candidates import services
from laurel.candidates.enums import CandidateState
from laurel.candidates.models import Candidate, DuplicateSuggestion, Organisation, Placement
from laurel.candidates.services.common import ALIAS_LIMIT, records_of, remember_names
from laurel.core.models import AuditEntry
from tests.candidates.helpers import confirmed
from tests.conftest import count_queries, make_user
from tests.factories import CycleFactory

pytestmark = pytest.mark.django_db


def candidate_of(nomination) -> Candidate:
    return Placement.objects.get(nomination=nomination).candidate


@pytest.fixture
def staff(db):
    return make_user("staff")


def merged(cycle, kept_name, merged_name, staff, **details):
    """Two nominations of one organisation that did not meet, merged by staff: the kept
    candidate, the merge."""
    kept = candidate_of(confirmed(cycle, kept_name, **details))
    other = candidate_of(confirmed(cycle, merged_name, email="second@example.org", **details))
    assert kept != other
    return kept, services.merge_candidates(other, kept, actor=staff)


# --- the records matching sees ---------------------------------------------------------


def test_a_candidates_record_carries_its_nominations_names_websites_and_other_names(child10):
    first = confirmed(child10, "Trygga Nätet", website="https://trygga.se")
    confirmed(child10, "Safe Net Sweden", website="https://trygga.se/en", email="b@example.org")
    candidate = candidate_of(first)
    organisation = candidate.organisation
    organisation.aliases = ["Trygga Nätet Stiftelse"]
    organisation.save(update_fields=["aliases"])

    (found,) = records_of([Candidate.objects.select_related("organisation").get()])

    assert (found.key, found.name, found.website) == (
        candidate.pk,
        "Trygga Nätet",
        "https://trygga.se",
    )
    assert found.aliases == ("Trygga Nätet Stiftelse", "Safe Net Sweden")  # no repeat of its name
    assert found.websites == ("https://trygga.se/en",)


def test_the_records_of_many_candidates_take_as_many_queries_as_those_of_one(child10):
    for number in range(12):
        confirmed(child10, f"Organisation number {number}", country="NO")

    def records(count):
        candidates = list(Candidate.objects.select_related("organisation")[:count])
        return lambda: records_of(candidates)

    assert count_queries(records(1)) == count_queries(records(12)) == 1


def test_looking_for_duplicates_takes_as_many_queries_for_many_candidates_as_for_few(child10):
    words = iter(
        [
            "Fjord",
            "Bjørk",
            "Elv",
            "Fjell",
            "Havn",
            "Lys",
            "Ravn",
            "Skog",
            "Stjerne",
            "Tind",
            "Vind",
            "Øy",
        ]
    )

    def add(count):
        for _number in range(count):
            confirmed(child10, f"Barnas {next(words)}", country="NO")

    def suggest():
        services.suggest_duplicates(child10)

    add(2)
    few = count_queries(suggest)
    add(10)
    assert count_queries(suggest) == few


def test_other_names_stay_unique_and_bounded():
    organisation = Organisation(name="Trygga Nätet", aliases=["Safe Net"])

    added = remember_names(organisation, ["trygga  nätet", "SAFE NET", "Tryggt Nät", "Tryggt Nät"])

    assert added == ["Tryggt Nät"]
    assert organisation.aliases == ["Safe Net", "Tryggt Nät"]
    remember_names(organisation, [f"Name {number}" for number in range(40)])
    assert len(organisation.aliases) == ALIAS_LIMIT
    assert organisation.aliases[:2] == ["Safe Net", "Tryggt Nät"]  # the first ones stay


# --- candidates: placing a nomination ------------------------------------------------------


def test_a_nomination_under_a_name_only_a_merged_nomination_carried_joins_the_candidate(
    child10, staff
):
    kept, _merge = merged(child10, "Trygga Nätet", "Safe Net Sweden", staff)

    later = confirmed(child10, "Safe Net Sweden", email="third@example.org")

    assert candidate_of(later) == kept
    kept.refresh_from_db()
    assert kept.nomination_count == 3
    placed = AuditEntry.objects.filter(key="nomination.placed").latest("id")
    assert placed.data["joined"] is True


def test_a_new_candidate_is_suggested_against_a_name_a_nomination_of_another_carried(child10):
    first = candidate_of(confirmed(child10, "Trygga Nätet", website="https://trygga.se"))
    confirmed(child10, "Digitala Kinderskyddsnätet", website="trygga.se", email="b@example.org")
    assert Candidate.objects.count() == 1  # joined by its website

    other = candidate_of(confirmed(child10, "Digitala Kinderskyddsnätat", email="c@example.org"))

    assert other != first
    suggestion = DuplicateSuggestion.objects.get()
    assert {suggestion.first_id, suggestion.second_id} == {first.pk, other.pk}
    # What staff compare: the name the first candidate's other nomination was written with.
    assert sorted(suggestion.matched) == [
        "Digitala Kinderskyddsnätat",
        "Digitala Kinderskyddsnätet",
    ]


# --- organisations found again in a later cycle --------------------------------------------


@pytest.fixture
def last_year(db):
    return CycleFactory(eligible_countries=["SE", "NO"])


def test_an_organisation_of_another_year_is_found_again_by_its_name(child10, last_year):
    before = candidate_of(confirmed(last_year, "Stiftelsen Trygga Nätet"))

    now = candidate_of(confirmed(child10, "Trygga Nätet", email="new@example.org"))

    assert now.organisation == before.organisation
    assert now.cycle == child10


def test_an_organisation_of_another_year_is_found_again_by_a_name_it_was_known_by(
    child10, last_year
):
    before = candidate_of(confirmed(last_year, "Trygga Nätet"))
    organisation = before.organisation
    organisation.aliases = ["Safe Net Sweden"]
    organisation.save(update_fields=["aliases"])

    now = candidate_of(confirmed(child10, "Safe Net Sweden", email="new@example.org"))

    assert now.organisation == organisation
    assert now.name == "Trygga Nätet"


def test_an_organisation_of_another_year_is_found_again_by_a_name_it_was_nominated_under(
    child10, last_year
):
    before = candidate_of(confirmed(last_year, "Trygga Nätet", website="https://trygga.se"))
    confirmed(last_year, "Safe Net Sweden", website="trygga.se/en", email="b@example.org")
    assert Candidate.objects.count() == 1

    now = candidate_of(confirmed(child10, "Safe Net Sweden", email="new@example.org"))

    assert now.organisation == before.organisation


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Digitala Barnskyddsnätat", "SE"),  # a letter apart: a suggestion, not the same
        ("Digitala Barnskyddsnätet", "NO"),  # the same words in another country
    ],
)
def test_a_weaker_likeness_never_reuses_another_years_organisation(
    child10, last_year, name, country
):
    before = candidate_of(confirmed(last_year, "Digitala Barnskyddsnätet"))

    now = candidate_of(confirmed(child10, name, country=country, email="new@example.org"))

    assert now.organisation != before.organisation
    assert now.organisation.name == name
    assert Organisation.objects.count() == 2


# --- merging ------------------------------------------------------------------------------


def test_a_merge_gives_the_kept_organisation_the_merged_ones_names_and_undo_takes_them_back(
    child10, staff
):
    kept = candidate_of(confirmed(child10, "Trygga Nätet"))
    kept.organisation.aliases = ["Tryggt Nät"]
    kept.organisation.save(update_fields=["aliases"])
    source = candidate_of(
        confirmed(child10, "Safe Net Sweden", website="safenet.se", email="b@example.org")
    )
    source.organisation.aliases = ["SNS", "Tryggt Nät"]
    source.organisation.save(update_fields=["aliases"])
    joined = confirmed(child10, "Nätverket Trygg Webb", website="safenet.se", email="c@e.org")
    assert candidate_of(joined) == source

    merge = services.merge_candidates(source, kept, actor=staff)

    kept.organisation.refresh_from_db()
    added = ["Safe Net Sweden", "SNS", "Nätverket Trygg Webb"]
    assert kept.organisation.aliases == ["Tryggt Nät", *added]
    assert merge.aliases_added == added

    services.undo_merge(merge, actor=staff)

    kept.organisation.refresh_from_db()
    source.refresh_from_db()
    assert kept.organisation.aliases == ["Tryggt Nät"]  # as it was, its own alias kept
    assert source.state == CandidateState.TO_SCREEN
    assert source.organisation.aliases == ["SNS", "Tryggt Nät"]
    undone = AuditEntry.objects.get(key="candidate.merge_undone")
    assert undone.data["aliases_removed"] == added


# --- the consent page's corrections --------------------------------------------------------


def asked(cycle, name, staff, **details):
    candidate = candidate_of(confirmed(cycle, name, **details))
    token = services.invite_organisation(
        candidate,
        email="info@example.org",
        language="en",
        deadline=timezone.now() + timedelta(days=14),
        actor=staff,
    )
    return candidate, token


def test_a_corrected_name_is_kept_and_a_candidate_it_now_matches_is_suggested(
    client, child10, staff
):
    candidate, token = asked(child10, "Trygg Nät", staff, website="https://tryggnat.se")
    other = candidate_of(
        confirmed(child10, "Föreningen Barnens Trygga Nätet Sverige", email="b@example.org")
    )
    assert not DuplicateSuggestion.objects.exists()

    response = client.post(
        reverse("candidates:claim", args=[token]),
        {"consent": "yes", "name": "Barnens Trygga Nätet Sverige", "city": "Umeå"},
    )

    assert response.status_code == 302
    candidate.refresh_from_db()
    organisation = candidate.organisation
    assert (candidate.name, organisation.name) == (
        "Barnens Trygga Nätet Sverige",
        "Barnens Trygga Nätet Sverige",
    )
    assert organisation.aliases == ["Trygg Nät"]
    suggestion = DuplicateSuggestion.objects.get()
    assert {suggestion.first_id, suggestion.second_id} == {candidate.pk, other.pk}


def test_a_profile_answer_that_changes_no_name_adds_no_other_name(client, child10, staff):
    candidate, token = asked(child10, "Trygg Nät", staff)

    client.post(reverse("candidates:claim", args=[token]), {"consent": "yes", "city": "Umeå"})

    candidate.organisation.refresh_from_db()
    assert candidate.organisation.aliases == []
    assert candidate.organisation.city == "Umeå"
