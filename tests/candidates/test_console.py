"""The screening console as staff use it: lists, filters, the candidate page, decisions."""

import pytest
from django.urls import reverse
from django.utils import translation

from laurel.candidates import services
from laurel.candidates.enums import CandidateState
from laurel.candidates.models import Candidate, DuplicateSuggestion, MergeRecord, Placement
from laurel.core.models import AuditEntry
from tests.candidates.helpers import confirmed

pytestmark = pytest.mark.django_db


def test_the_list_filters_and_sorts_through_an_allowlist(staff_client, child10):
    confirmed(child10, "Ljus", country="SE")
    confirmed(child10, "Licht", country="DE")
    confirmed(child10, "Licht", country="DE", email="x@example.org")

    response = staff_client.get(
        reverse("candidates:list"), {"country": "DE", "sort": "__class__", "nominations": "2"}
    )

    assert [c.name for c in response.context["page"]] == ["Licht"]


def test_the_list_searches_by_name(staff_client, child10):
    confirmed(child10, "Trygga Nätet")
    confirmed(child10, "Röst")

    response = staff_client.get(reverse("candidates:list"), {"q": "nät"})

    assert [c.name for c in response.context["page"]] == ["Trygga Nätet"]


def test_the_list_costs_the_same_queries_for_one_candidate_and_many(
    staff_client, child10, queries_for_one_and_many
):
    names = iter(f"Organisation {number} Ljus" for number in range(100))

    def add(count):
        for _ in range(count):
            confirmed(child10, next(names), website=f"https://site{count}-{_}.example.org")

    one, many = queries_for_one_and_many(
        lambda: staff_client.get(reverse("candidates:list")), add, many=12
    )

    assert one == many


def test_the_candidate_page_shows_every_nomination_and_its_history(staff_client, child10):
    first = confirmed(child10, "Trygga Nätet", website="trygganatet.se")
    confirmed(child10, "Safe Net", website="trygganatet.se")
    candidate = Placement.objects.get(nomination=first).candidate

    response = staff_client.get(reverse("candidates:detail", args=[candidate.pk]))
    page = response.content.decode()

    assert [n.org_name for n in response.context["nominations"]] == ["Trygga Nätet", "Safe Net"]
    assert "Nomination joined this candidate" in page  # its history, in words
    # The second joined without asking, and its history says on what evidence.
    assert "Nomination joined this candidate automatically: the same website, " in " ".join(
        page.split()
    )
    with translation.override("sv"):
        swedish = staff_client.get(reverse("candidates:detail", args=[candidate.pk]))
    assert "automatiskt: samma webbplats, " in " ".join(swedish.content.decode().split())


def test_screening_from_the_page_and_an_error_next_to_the_field(staff_client, child10):
    candidate = Placement.objects.get(nomination=confirmed(child10, "Ljus")).candidate
    url = reverse("candidates:screen", args=[candidate.pk])

    refused = staff_client.post(url, {"decision": "ineligible", "reason": "", "note": "kept"})
    accepted = staff_client.post(url, {"decision": "eligible", "note": "checked"})

    assert refused.status_code == 400
    assert refused.context["screening"].form.errors["reason"]
    assert 'value="kept"' in refused.content.decode()
    assert accepted.status_code == 302
    candidate.refresh_from_db()
    assert candidate.state == CandidateState.ELIGIBLE


def test_merge_and_undo_from_the_pages(staff_client, child10):
    source = Placement.objects.get(nomination=confirmed(child10, "Ljus")).candidate
    target = Placement.objects.get(nomination=confirmed(child10, "Röst")).candidate

    merged = staff_client.post(reverse("candidates:merge", args=[source.pk]), {"target": target.pk})
    record = MergeRecord.objects.get()
    undone = staff_client.post(reverse("candidates:undo", args=[record.pk]))
    again = staff_client.post(reverse("candidates:undo", args=[record.pk]), follow=True)

    assert merged.url == reverse("candidates:detail", args=[target.pk])
    assert undone.url == reverse("candidates:detail", args=[source.pk])
    assert "This merge was undone already." in again.content.decode()
    source.refresh_from_db()
    assert source.state == CandidateState.TO_SCREEN


def test_merging_into_itself_from_the_page_is_refused_with_a_message(staff_client, child10):
    candidate = Placement.objects.get(nomination=confirmed(child10, "Ljus")).candidate

    response = staff_client.post(
        reverse("candidates:merge", args=[candidate.pk]), {"target": candidate.pk}
    )

    assert response.status_code == 400
    assert response.context["merge"].form.errors["target"]


def test_suggestions_are_decided_from_their_page(staff_client, child10):
    kept = Placement.objects.get(nomination=confirmed(child10, "Digitala Kinderskyddsnätet"))
    confirmed(child10, "Digitala Kinderskyddsnätat")
    suggestion = DuplicateSuggestion.objects.get()

    listed = staff_client.get(reverse("candidates:suggestions"))
    decided = staff_client.post(
        reverse("candidates:suggestion_decide", args=[suggestion.pk]),
        {"decision": "merge", "keep": kept.candidate_id},
    )

    # The page lists pairs and groups (issue 18): this one is a pair.
    assert [row["suggestion"] for row in listed.context["units"]] == [suggestion]
    assert decided.status_code == 302
    assert Candidate.objects.filter(state=CandidateState.MERGED).count() == 1


def test_reading_a_nomination_s_full_text_is_logged(staff_client, staff_user, child10):
    nomination = confirmed(child10, "Ljus")
    candidate = Placement.objects.get(nomination=nomination).candidate

    response = staff_client.get(
        reverse("candidates:nomination", args=[candidate.pk, nomination.pk])
    )

    assert response.status_code == 200
    entry = AuditEntry.objects.get(key="nomination.read")
    assert (entry.actor, entry.subject_id) == (staff_user, str(nomination.pk))


def test_a_nomination_of_another_candidate_is_not_found(staff_client, child10):
    one = Placement.objects.get(nomination=confirmed(child10, "Ljus")).candidate
    other = confirmed(child10, "Röst")

    response = staff_client.get(reverse("candidates:nomination", args=[one.pk, other.pk]))

    assert response.status_code == 404


def test_the_dashboard_counts_candidates(staff_client, child10):
    confirmed(child10, "Ljus")
    services.suggest_duplicates(child10)

    response = staff_client.get(reverse("staff:dashboard"))

    assert response.context["counts"]["candidates_to_screen"] == 1


def test_one_click_screening_from_the_list_returns_to_the_list(staff_client, child10):
    candidate = Placement.objects.get(nomination=confirmed(child10, "Ljus")).candidate
    back = reverse("candidates:list") + "?state=to_screen"

    listed = staff_client.get(back).content.decode()
    response = staff_client.post(
        reverse("candidates:screen", args=[candidate.pk]), {"decision": "eligible", "next": back}
    )

    assert f'action="{reverse("candidates:screen", args=[candidate.pk])}"' in listed
    assert response.url == back
    candidate.refresh_from_db()
    assert candidate.state == CandidateState.ELIGIBLE


def test_a_next_address_on_another_site_is_ignored(staff_client, child10):
    candidate = Placement.objects.get(nomination=confirmed(child10, "Ljus")).candidate

    response = staff_client.post(
        reverse("candidates:screen", args=[candidate.pk]),
        {"decision": "eligible", "next": "https://evil.example/"},
    )

    assert response.url == reverse("candidates:detail", args=[candidate.pk])


def test_the_history_holds_the_candidate_s_and_its_nominations_events(
    staff_client, staff_user, child10
):
    nomination = confirmed(child10, "Ljus")
    candidate = Placement.objects.get(nomination=nomination).candidate
    services.save_committee_version(nomination, texts={}, actor=staff_user)

    response = staff_client.get(reverse("candidates:detail", args=[candidate.pk]))

    keys = [entry.key for entry in response.context["history"]]
    assert keys[0] == "nomination.redacted"
    assert "nomination.placed" in keys and "nomination.confirmed" in keys
