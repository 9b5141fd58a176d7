"""Screening services: placing, merging and unmerging, splitting, eligibility, flags."""

import threading

import pytest
from django.db import connection

from laurel.candidates import services
from laurel.candidates.enums import CandidateState, Flag, SuggestionState
from laurel.candidates.models import Candidate, DuplicateSuggestion, MergeRecord, Placement
from laurel.core.models import AuditEntry
from laurel.cycles.enums import Phase
from laurel.notifications.models import OutgoingEmail
from tests.candidates.helpers import confirmed
from tests.conftest import make_user
from tests.factories import CycleFactory, in_phase

pytestmark = pytest.mark.django_db


def candidate_of(nomination) -> Candidate:
    return Placement.objects.get(nomination=nomination).candidate


def test_a_confirmed_nomination_becomes_a_candidate(child10):
    nomination = confirmed(child10, "Trygga Nätet", website="https://trygganatet.se")

    candidate = candidate_of(nomination)
    assert (candidate.name, candidate.state) == ("Trygga Nätet", CandidateState.TO_SCREEN)
    assert (candidate.nomination_count, candidate.nominator_count) == (1, 1)
    assert candidate.organisation.website == "https://trygganatet.se"


def test_a_nomination_of_the_same_website_joins_its_candidate(child10):
    first = confirmed(child10, "Trygga Nätet", website="https://www.trygganatet.se/")
    second = confirmed(child10, "Safe Net", website="trygganatet.se/en", email="b@other.org")

    assert candidate_of(first) == candidate_of(second)
    candidate = candidate_of(first)
    assert (candidate.nomination_count, candidate.nominator_count) == (2, 2)
    assert Candidate.objects.count() == 1


def test_distinct_nominators_are_counted_by_address(child10):
    confirmed(child10, "Trygga Nätet", email="same@example.org")
    nomination = confirmed(child10, "Trygga Natet", email="SAME@example.org")

    candidate = candidate_of(nomination)
    assert (candidate.nomination_count, candidate.nominator_count) == (2, 1)


def test_a_similar_name_is_suggested_not_joined(child10):
    first = confirmed(child10, "Digitala Kinderskyddsnätet")
    second = confirmed(child10, "Digitala Kinderskyddsnätat")

    assert candidate_of(first) != candidate_of(second)
    suggestion = DuplicateSuggestion.objects.get()
    assert {suggestion.first, suggestion.second} == {candidate_of(first), candidate_of(second)}
    assert suggestion.reasons == ["similar-name"]


def test_merge_moves_nominations_and_undo_moves_them_back(child10):
    staff = make_user("staff")
    source = candidate_of(confirmed(child10, "Hopp och Ljus"))
    target = candidate_of(confirmed(child10, "Hope and Light Sweden", country="SE"))
    services.decide_eligibility(source, eligible=True, actor=staff)

    merge = services.merge_candidates(source, target, actor=staff)

    source.refresh_from_db()
    target.refresh_from_db()
    assert (source.state, source.merged_into) == (CandidateState.MERGED, target)
    assert (target.nomination_count, source.nomination_count) == (2, 0)

    services.undo_merge(merge, actor=staff)

    source.refresh_from_db()
    target.refresh_from_db()
    assert (source.state, source.merged_into) == (CandidateState.ELIGIBLE, None)
    assert (source.nomination_count, target.nomination_count) == (1, 1)
    keys = list(AuditEntry.objects.filter(key__startswith="candidate.merge").values_list("key"))
    assert sorted(keys) == [("candidate.merge_undone",), ("candidate.merged",)]


def test_confirming_a_suggestion_merges_into_the_candidate_kept(child10):
    staff = make_user("staff")
    kept = candidate_of(confirmed(child10, "Digitala Kinderskyddsnätet"))
    other = candidate_of(confirmed(child10, "Digitala Kinderskyddsnätat"))
    suggestion = DuplicateSuggestion.objects.get()

    services.confirm_suggestion(suggestion, keep=kept, actor=staff)

    suggestion.refresh_from_db()
    other.refresh_from_db()
    assert suggestion.state == SuggestionState.CONFIRMED
    assert other.merged_into == kept


def test_a_rejected_suggestion_is_not_suggested_again(child10):
    staff = make_user("staff")
    confirmed(child10, "Digitala Kinderskyddsnätet")
    confirmed(child10, "Digitala Kinderskyddsnätat")
    services.reject_suggestion(DuplicateSuggestion.objects.get(), actor=staff)

    assert services.suggest_duplicates(child10) == 0
    assert DuplicateSuggestion.objects.get().state == SuggestionState.REJECTED


def test_merging_a_candidate_into_itself_is_refused(child10):
    candidate = candidate_of(confirmed(child10, "Ljus"))

    with pytest.raises(services.ScreeningError, match="into itself"):
        services.merge_candidates(candidate, candidate, actor=make_user("staff"))


def test_merging_across_cycles_is_refused_and_changes_nothing(child10):
    other_cycle = CycleFactory(slug="other-2023")
    here = candidate_of(confirmed(child10, "Ljus"))
    there = candidate_of(confirmed(other_cycle, "Ljus"))

    with pytest.raises(services.ScreeningError, match="different award cycles"):
        services.merge_candidates(here, there, actor=make_user("staff"))

    assert MergeRecord.objects.count() == 0
    assert Placement.objects.filter(candidate=here).count() == 1


def test_merging_a_merged_candidate_again_is_refused(child10):
    """What the second of two staff members merging the same pair at once sees."""
    staff = make_user("staff")
    source = candidate_of(confirmed(child10, "Ljus"))
    target = candidate_of(confirmed(child10, "Röst"))
    services.merge_candidates(source, target, actor=staff)

    with pytest.raises(services.ScreeningError, match="merged"):
        services.merge_candidates(source, target, actor=staff)

    assert MergeRecord.objects.count() == 1


def test_undoing_a_merge_that_a_later_merge_depends_on_is_refused(child10):
    staff = make_user("staff")
    first = candidate_of(confirmed(child10, "Ljus"))
    second = candidate_of(confirmed(child10, "Röst"))
    third = candidate_of(confirmed(child10, "Bro"))
    earlier = services.merge_candidates(first, second, actor=staff)
    services.merge_candidates(second, third, actor=staff)

    with pytest.raises(services.ScreeningError, match="Undo that merge first"):
        services.undo_merge(earlier, actor=staff)

    first.refresh_from_db()
    assert first.state == CandidateState.MERGED


def test_undoing_twice_is_refused(child10):
    staff = make_user("staff")
    merge = services.merge_candidates(
        candidate_of(confirmed(child10, "Ljus")),
        candidate_of(confirmed(child10, "Röst")),
        actor=staff,
    )
    services.undo_merge(merge, actor=staff)

    with pytest.raises(services.ScreeningError, match="undone already"):
        services.undo_merge(merge, actor=staff)


def test_a_nomination_split_off_becomes_its_own_candidate(child10):
    first = confirmed(child10, "Trygga Nätet", website="trygganatet.se")
    second = confirmed(child10, "Another Org", website="trygganatet.se")
    assert candidate_of(first) == candidate_of(second)

    new = services.split_nomination(second, actor=make_user("staff"))

    assert candidate_of(second) == new
    assert new.name == "Another Org"
    assert candidate_of(first).nomination_count == 1


def test_an_ineligible_candidate_s_nominators_are_told_once_in_their_language(child10):
    staff = make_user("staff")
    nomination = confirmed(child10, "Ljus", language="sv")
    candidate = candidate_of(nomination)
    in_phase(child10, Phase.SCREENING)  # nominations have closed: the email leaves at once
    OutgoingEmail.objects.all().delete()

    services.decide_eligibility(candidate, eligible=False, reason="outside_theme", actor=staff)
    services.decide_eligibility(candidate, eligible=True, actor=staff)
    services.decide_eligibility(candidate, eligible=False, reason="other", actor=staff)

    email = OutgoingEmail.objects.get()
    assert (email.key, email.to, email.language) == (
        "candidate_ineligible",
        nomination.nominator_email,
        "sv",
    )
    assert nomination.reference in email.body_text
    assert "tema" not in email.body_text.lower()  # the reason is not given
    assert nomination.nominator_name not in email.body_text  # nothing the nominator typed
    candidate.refresh_from_db()
    assert (candidate.state, candidate.ineligible_reason) == (CandidateState.INELIGIBLE, "other")


def test_ineligible_needs_a_reason(child10):
    candidate = candidate_of(confirmed(child10, "Ljus"))

    with pytest.raises(services.ScreeningError, match="why"):
        services.decide_eligibility(candidate, eligible=False, actor=make_user("staff"))


def test_a_burst_from_one_email_domain_is_flagged_as_coordinated(child10):
    for number in range(3):
        nomination = confirmed(
            child10, "Trygga Nätet", website="trygganatet.se", email=f"p{number}@campaign.org"
        )

    assert Flag.COORDINATED_DOMAIN in candidate_of(nomination).flags
    assert Flag.COORDINATED_NETWORK not in candidate_of(nomination).flags


def test_a_burst_from_one_network_is_flagged_as_coordinated(child10):
    for _number in range(3):
        nomination = confirmed(child10, "Trygga Nätet", website="trygganatet.se", network="abc")

    assert Flag.COORDINATED_NETWORK in candidate_of(nomination).flags


def test_a_withdrawn_nomination_stops_counting(child10):
    from laurel.nominations import services as nominations
    from laurel.nominations.models import Nomination, hash_token

    nomination = confirmed(child10, "Ljus")
    Nomination.objects.filter(pk=nomination.pk).update(token_hash=hash_token("mine"))

    nominations.withdraw_nomination(nomination, token="mine")

    assert candidate_of(nomination).nomination_count == 0


@pytest.mark.django_db(transaction=True)
def test_two_staff_merging_the_same_pair_at_once_leave_one_merge(child10):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite takes the write lock at BEGIN: the two merges cannot overlap there")
    staff = make_user("staff")
    source = candidate_of(confirmed(child10, "Ljus"))
    target = candidate_of(confirmed(child10, "Röst"))
    outcomes = []
    barrier = threading.Barrier(2)

    def merge():
        barrier.wait()
        try:
            services.merge_candidates(source, target, actor=staff)
            outcomes.append("merged")
        except services.ScreeningError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=merge) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["merged", "refused"]
    assert MergeRecord.objects.count() == 1
    assert Placement.objects.filter(candidate=target).count() == 2


def test_an_organisation_nominated_again_next_year_is_the_same_organisation(child10):
    next_year = CycleFactory(slug="child10-2023")
    this_year = candidate_of(confirmed(child10, "Trygga Nätet", website="https://trygga.se"))

    again = candidate_of(
        confirmed(next_year, "Trygga Natet Foundation", website="http://www.trygga.se/en")
    )

    assert again != this_year
    assert again.organisation == this_year.organisation
    assert again.cycle == next_year


def test_a_registration_number_finds_the_organisation_of_another_year(child10):
    next_year = CycleFactory(slug="child10-2023")
    this_year = candidate_of(confirmed(child10, "Ljus", registration="802000-1234"))

    again = candidate_of(confirmed(next_year, "Light Sweden", registration="8020001234"))

    assert again.organisation == this_year.organisation


def test_a_held_nomination_becomes_a_candidate_only_once_let_through(child10):
    from laurel.nominations import services as nominations
    from laurel.nominations.models import Nomination, hash_token, new_token

    token, _ = new_token()
    draft, _ = nominations.save_draft(
        child10, token=token, language="en", send_resume_link=False, complete=True,
        data={"org_name": "Held Org", "org_country": "SE", "nominator_email": "h@example.org"},
    )  # fmt: skip
    nomination = nominations.submit_nomination(
        draft, token=token, gate=nominations.Held("no-proof-of-work")
    )
    Nomination.objects.filter(pk=nomination.pk).update(confirm_token_hash=hash_token("held"))
    nominations.confirm_nomination("held")

    assert not Placement.objects.filter(nomination=nomination).exists()

    nominations.release_from_moderation(nomination, actor=make_user("staff"))

    assert candidate_of(nomination).name == "Held Org"


def test_erasing_a_nomination_keeps_its_reference_and_counts(child10):
    from laurel.nominations import services as nominations

    nomination = confirmed(child10, "Ljus", email="private@example.org")

    nominations.erase_content(nomination, reason="test")

    nomination.refresh_from_db()
    assert (nomination.nominator_email, nomination.answers) == ("", {})
    assert nomination.reference and nomination.state == "confirmed"
