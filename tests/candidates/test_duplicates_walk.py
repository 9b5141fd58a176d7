"""Attacks on the duplicates page's group decisions (issue 18, part 7's walk): tampered and odd
form values, a pair marked different inside a group, the record that joins the group set apart,
double submits."""

import pytest
from django.urls import reverse

from laurel.candidates import services
from laurel.candidates.enums import CandidateState, SuggestionState
from laurel.candidates.models import Candidate, DuplicateSuggestion, MergeRecord
from tests.candidates.helpers import candidate_of, confirmed, suggest

pytestmark = pytest.mark.django_db


def group_url(bris):
    return reverse("candidates:group_decide", args=[min(s.pk for s in bris["pairs"])])


def members(bris):
    return [bris["national"].pk, bris["acronym"].pk, bris["english"].pk]


@pytest.mark.parametrize("value", ["²", "9" * 5000, str(2**70), "-1", " 1"])
def test_odd_numbers_in_the_group_form_are_refused_without_a_server_error(
    staff_client,
    bris,
    value,
):
    for data in (
        {"member": members(bris), "keep": value},
        {"member": members(bris), "separate": value},
        {"member": [value], "keep": value},
    ):
        response = staff_client.post(group_url(bris), data)
        assert response.status_code == 302, data
    assert not MergeRecord.objects.exclude(source__name="Barnens Ratt i Samhallet").exists()
    assert DuplicateSuggestion.objects.filter(state=SuggestionState.OPEN).count() == 2


@pytest.mark.parametrize("value", ["²", "9" * 5000, str(2**70)])
def test_odd_numbers_in_the_pair_form_are_refused_without_a_server_error(
    staff_client,
    bris,
    value,
):
    url = reverse("candidates:suggestion_decide", args=[bris["pairs"][0].pk])
    response = staff_client.post(url, {"keep": value})
    assert response.status_code == 302
    bris["pairs"][0].refresh_from_db()
    assert bris["pairs"][0].state == SuggestionState.OPEN


def test_a_member_not_in_the_group_is_refused(staff_client, child10, bris):
    stranger = candidate_of(confirmed(child10, "Wildwasser Berlin e.V.", country="DE"))
    response = staff_client.post(
        group_url(bris),
        {"member": [*members(bris), stranger.pk], "keep": bris["national"].pk},
        follow=True,
    )
    assert "Someone decided part of this group" in response.content.decode()
    stranger.refresh_from_db()
    assert stranger.state != CandidateState.MERGED


def test_a_group_posted_twice_merges_once(staff_client, bris):
    data = {"member": members(bris), "keep": bris["national"].pk}
    staff_client.post(group_url(bris), data)
    response = staff_client.post(group_url(bris), data, follow=True)
    assert response.status_code == 200
    assert MergeRecord.objects.filter(target=bris["national"], undone_at=None).count() == 3
    assert not response.context["units"]


def test_a_pair_marked_different_inside_a_group_is_not_merged_by_the_group(
    staff_client,
    staff_user,
    child10,
    bris,
):
    """Acronym and English name were marked as different organisations; both are still suggested
    with the national name, so all three show as one group. Merging the group must not undo
    that decision silently."""
    rejected = suggest(child10, bris["acronym"], bris["english"], ["translation"], 0.8)
    services.reject_suggestion(rejected, actor=staff_user)

    page = staff_client.get(reverse("candidates:suggestions")).content.decode()
    assert "were marked as not the same organisation" in page

    response = staff_client.post(
        group_url(bris), {"member": members(bris), "keep": bris["national"].pk}, follow=True
    )
    assert "were marked as not the same organisation" in response.content.decode()
    for record in (bris["acronym"], bris["english"]):
        record.refresh_from_db()
        assert record.state != CandidateState.MERGED


def test_setting_apart_the_record_that_joins_the_others_says_they_are_no_longer_joined(
    staff_client,
    bris,
):
    """The national name is the only link between the acronym and the English name: set apart,
    no suggestion is left between the other two, and the message must not say they are still
    to decide."""
    response = staff_client.post(
        group_url(bris), {"member": members(bris), "separate": bris["national"].pk}, follow=True
    )
    html = response.content.decode()
    assert "the others are still to decide" not in html
    assert "No suggestion joins the others any more" in html
    assert not DuplicateSuggestion.objects.filter(state=SuggestionState.OPEN).exists()
    assert Candidate.objects.filter(state=CandidateState.MERGED).count() == 1


def test_the_decision_urls_take_no_get(staff_client, bris):
    for url in (
        group_url(bris),
        reverse("candidates:suggestion_decide", args=[bris["pairs"][0].pk]),
        reverse("candidates:suggestion_reopen", args=[bris["pairs"][0].pk]),
    ):
        assert staff_client.get(url).status_code == 405
    assert not MergeRecord.objects.exclude(source__name="Barnens Ratt i Samhallet").exists()


def test_another_cycle_s_suggestion_id_merges_nothing_of_this_cycle(
    staff_client,
    bris,
):
    from tests.factories import CycleFactory

    other_cycle = CycleFactory(slug="other-2023")
    one = candidate_of(confirmed(other_cycle, "Ljus"))
    two = candidate_of(confirmed(other_cycle, "Röst"))
    theirs = suggest(other_cycle, one, two, ["contains-name"], 0.9)

    response = staff_client.post(
        reverse("candidates:group_decide", args=[theirs.pk]),
        {"member": members(bris), "keep": bris["national"].pk},
        follow=True,
    )
    assert response.status_code == 200
    assert not MergeRecord.objects.exclude(source__name="Barnens Ratt i Samhallet").exists()
    assert (
        DuplicateSuggestion.objects.filter(
            cycle=bris["national"].cycle, state=SuggestionState.OPEN
        ).count()
        == 2
    )


def test_undoing_one_merge_of_a_group_brings_the_record_back_to_decide(
    staff_client,
    staff_user,
    bris,
):
    """Kept: the acronym. The English name was suggested with the national name only; undoing
    its merge should put a question about it back on the duplicates page."""
    services.merge_group(
        [bris["national"], bris["acronym"], bris["english"]],
        keep=bris["acronym"],
        actor=staff_user,
    )
    merge = MergeRecord.objects.get(source=bris["english"], undone_at=None)
    services.undo_merge(merge, actor=staff_user)

    assert (
        DuplicateSuggestion.objects.filter(
            state=SuggestionState.OPEN, first_id__in=[bris["english"].pk], second_id__gt=0
        ).exists()
        or DuplicateSuggestion.objects.filter(
            state=SuggestionState.OPEN, second_id=bris["english"].pk
        ).exists()
    )


def test_the_candidate_page_leads_to_the_duplicates_page_in_its_country(
    staff_client,
    bris,
):
    national = bris["national"]
    html = staff_client.get(reverse("candidates:detail", args=[national.pk])).content.decode()
    link = f"{reverse('candidates:suggestions')}?cycle={national.cycle.slug}&amp;country=SE"
    assert f'href="{link}"' in html
    page = staff_client.get(
        reverse("candidates:suggestions"), {"cycle": national.cycle.slug, "country": "SE"}
    )
    assert [unit["kind"] for unit in page.context["units"]] == ["group"]


def test_a_name_written_as_markup_is_shown_as_text_in_the_group_and_its_messages(
    staff_client,
    staff_user,
    child10,
    bris,
):
    markup = '<img src=x onerror="alert(1)">'
    sneaky = candidate_of(confirmed(child10, markup, country="NO"))
    suggest(child10, bris["english"], sneaky, ["similar-name"], 0.86)
    rejected = suggest(child10, bris["acronym"], sneaky, ["similar-name"], 0.85)
    services.reject_suggestion(rejected, actor=staff_user)

    page = staff_client.get(reverse("candidates:suggestions")).content.decode()
    assert markup not in page
    assert "&lt;img src=x" in page
    response = staff_client.post(
        group_url(bris),
        {"member": [*members(bris), sneaky.pk], "keep": bris["national"].pk},
        follow=True,
    )
    html = response.content.decode()
    assert "were marked as not the same organisation; nothing was merged" in html
    assert markup not in html
