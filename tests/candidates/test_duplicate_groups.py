"""The duplicates page at real scale (issue 18, item 4): three or more candidates that
suggestions join are one group, merged at once or one set apart; every name and alias side by
side; the evidence in words, not a bare percentage; hundreds of suggestions in pages, in a fixed
number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from laurel.candidates import services
from laurel.candidates.duplicate_pages import level
from laurel.candidates.enums import CandidateState, SuggestionState
from laurel.candidates.models import (
    Candidate,
    DuplicateSuggestion,
    MergeRecord,
    Organisation,
)
from laurel.core.models import AuditEntry
from tests.candidates.helpers import candidate_of, confirmed, suggest

pytestmark = pytest.mark.django_db


def page(client, **query):
    return client.get(reverse("candidates:suggestions"), query)


def test_three_candidates_suggestions_join_are_one_group_strongest_first(staff_client, bris, pair):
    response = page(staff_client)
    units = response.context["units"]

    assert [unit["kind"] for unit in units] == ["group", "pair"]
    group = units[0]
    assert group["size"] == 3
    assert group["sides"][0]["candidate"] == bris["national"]
    assert {side["candidate"] for side in group["sides"]} == {
        bris["national"],
        bris["acronym"],
        bris["english"],
    }
    assert [row["suggestion"] for row in group["pairs"]] == bris["pairs"]
    assert [row["suggestion"] for row in response.context["comparisons"]] == [pair]
    html = response.content.decode()
    assert "3 candidates that may be one organisation" in html
    assert "Merge these 3 into the one kept" in html
    assert html.index("Children&#x27;s Rights in Society") < html.index("Trygga Nätet")


def test_the_group_shows_every_name_website_and_nomination_and_what_they_share(staff_client, bris):
    group = page(staff_client).context["units"][0]
    national = group["sides"][0]
    acronym = next(side for side in group["sides"] if side["candidate"] == bris["acronym"])

    assert [item["value"] for item in national["names"]] == [
        "Barnens Rätt i Samhället",
        "Barnens Ratt i Samhallet",
    ]
    assert national["nominations"] == 2
    assert len(national["nomination_list"]) == 2
    assert [(item["value"], item["shared"]) for item in acronym["websites"]] == [
        ("https://bris.se/en", True)
    ]
    assert [item["shared"] for item in national["names"]] == [False, False]
    html = page(staff_client).content.decode()
    for nomination in national["nomination_list"]:
        link = reverse("candidates:nomination", args=[bris["national"].pk, nomination.pk])
        assert f'href="{link}"' in html
    # The kept candidate by default: the one with the most nominations.
    assert f'value="{bris["national"].pk}" id="group-keep-' in html
    assert group["keep"] == bris["national"]


def post_group(client, bris, **data):
    anchor = min(s.pk for s in bris["pairs"])
    members = [bris["national"].pk, bris["acronym"].pk, bris["english"].pk]
    return client.post(
        reverse("candidates:group_decide", args=[anchor]),
        {"member": members, **data},
        follow=True,
    )


def test_merging_a_group_merges_all_into_the_one_kept_audited_and_each_undoable(
    staff_client, staff_user, bris
):
    kept = bris["acronym"]

    response = post_group(staff_client, bris, keep=kept.pk, decision="merge")

    merges = MergeRecord.objects.filter(undone_at=None, target=kept)
    assert {merge.source_id for merge in merges} == {bris["national"].pk, bris["english"].pk}
    assert set(
        Candidate.objects.filter(pk__in=[bris["national"].pk, bris["english"].pk]).values_list(
            "state", "merged_into"
        )
    ) == {(CandidateState.MERGED, kept.pk)}
    kept.refresh_from_db()
    assert kept.nomination_count == 4
    assert set(
        DuplicateSuggestion.objects.filter(pk__in=[s.pk for s in bris["pairs"]]).values_list(
            "state", "decided_by"
        )
    ) == {(SuggestionState.CONFIRMED, staff_user.pk)}
    merged_entries = AuditEntry.objects.filter(key="candidate.merged")
    assert {entry.data["source"] for entry in merged_entries} == {
        bris["national"].pk,
        bris["english"].pk,
    }
    confirmed_entries = AuditEntry.objects.filter(key="duplicate.confirmed")
    assert {entry.data["kept"] for entry in confirmed_entries} == {kept.pk}
    assert confirmed_entries.count() == 2
    html = response.content.decode()
    assert f"2 candidates are merged into {kept.name}." in html
    assert f'href="{reverse("candidates:detail", args=[kept.pk])}#merges"' in html
    assert response.context["units"] == []
    decided = page(staff_client, show="decided").content.decode()
    section = decided[decided.index(f'id="suggestion-{bris["pairs"][1].pk}-section"') :]
    section = section[: section.index("</section>")]
    # The pair national–English, confirmed by the group though neither was kept, links to where
    # one of them joined the kept candidate: there its merge is undone.
    assert any(f"#merge-{merge.pk}" in section for merge in merges)

    undo = merges.get(source=bris["national"])
    staff_client.post(reverse("candidates:undo", args=[undo.pk]))

    national = Candidate.objects.get(pk=bris["national"].pk)
    assert (national.state, national.merged_into_id, national.nomination_count) == (
        CandidateState.TO_SCREEN,
        None,
        2,
    )
    assert Candidate.objects.get(pk=kept.pk).nomination_count == 2
    assert AuditEntry.objects.filter(key="candidate.merge_undone").count() == 1
    assert DuplicateSuggestion.objects.get(pk=bris["pairs"][0].pk).state == SuggestionState.OPEN


def test_a_refused_step_changes_nothing_and_says_which(staff_client, bris):
    Candidate.objects.filter(pk=bris["english"].pk).update(state=CandidateState.WITHDRAWN)
    before = list(Candidate.objects.order_by("pk").values_list("pk", "state", "merged_into"))

    response = post_group(staff_client, bris, keep=bris["national"].pk, decision="merge")

    html = response.content.decode()
    assert "Nothing was merged: Children&#x27;s Rights in Society could not join" in html
    assert "withdrawn already" in html
    assert not AuditEntry.objects.filter(key="candidate.merged").exists()
    assert MergeRecord.objects.count() == 1  # the fixture's own, nothing more
    assert list(Candidate.objects.order_by("pk").values_list("pk", "state", "merged_into")) == (
        before
    )
    assert set(
        DuplicateSuggestion.objects.filter(pk__in=[s.pk for s in bris["pairs"]]).values_list(
            "state", flat=True
        )
    ) == {SuggestionState.OPEN}
    assert not AuditEntry.objects.filter(key__in=["candidate.merged", "duplicate.confirmed"])


def test_a_group_decided_in_part_since_the_page_was_shown_is_not_merged(
    staff_client, staff_user, bris
):
    services.reject_suggestion(bris["pairs"][1], actor=staff_user)

    response = post_group(staff_client, bris, keep=bris["national"].pk, decision="merge")

    assert "Someone decided part of this group since the page was shown" in (
        response.content.decode()
    )
    assert not Candidate.objects.filter(state=CandidateState.MERGED).exclude(
        name="Barnens Ratt i Samhallet"
    )


def test_one_record_set_apart_leaves_the_rest_to_decide(staff_client, staff_user, bris):
    english = bris["english"]

    response = post_group(staff_client, bris, separate=english.pk)

    to_decide, set_apart = bris["pairs"]
    to_decide.refresh_from_db()
    set_apart.refresh_from_db()
    assert to_decide.state == SuggestionState.OPEN
    assert (set_apart.state, set_apart.decided_by) == (SuggestionState.REJECTED, staff_user)
    assert AuditEntry.objects.filter(key="duplicate.rejected").count() == 1
    assert MergeRecord.objects.count() == 1  # the fixture's own, nothing more
    html = response.content.decode()
    assert "is marked as a different organisation from the rest of the group" in html
    assert [row["suggestion"] for row in response.context["units"]] == [to_decide]


def test_the_evidence_reads_as_levels_with_the_figure_beside(staff_client, bris, pair):
    english = page(staff_client).content.decode()
    with translation.override("sv"):
        swedish = page(staff_client).content.decode()

    assert "Strong evidence</strong> – enough to join them automatically" in english
    # 0.88: suggested, a weaker likeness (from LIKELY_FROM = 0.9 it would be "Likely").
    assert "Possible</strong> – a weaker likeness: compare the details before deciding" in english
    assert "combined score 0.97" in english
    assert "combined score 0.88" in english
    assert " 97 %" not in english and "97%" not in english
    assert "Starka belägg</strong> – tillräckligt för att slå ihop dem automatiskt" in swedish
    assert "Möjligt</strong> – en svagare likhet: jämför uppgifterna innan du avgör" in swedish
    assert "sammanlagd poäng 0,97" in swedish
    assert "namnlikhet" in swedish


@pytest.mark.parametrize(
    ("confidence", "key"),
    [
        (0.97, "strong"),
        (0.95, "strong"),
        (0.949, "likely"),
        (0.9, "likely"),
        (0.899, "possible"),
        (0.86, "possible"),
    ],
)
def test_each_combined_score_reads_as_one_level(confidence, key):
    assert level(confidence)["key"] == key


def test_new_reasons_and_the_names_that_matched_are_worded(staff_client, bris):
    english = page(staff_client).content.decode()
    with translation.override("sv"):
        swedish = page(staff_client).content.decode()

    assert "one name is the other's acronym" in english
    assert "the same name in another language" in english
    assert "names that matched: “BRIS” and “Barnens Rätt i Samhället”" in english
    assert "det ena namnet är en förkortning av det andra" in swedish
    assert "samma namn på ett annat språk" in swedish
    assert "namn som stämde överens: ”BRIS” och ”Barnens Rätt i Samhället”" in swedish


@pytest.mark.parametrize(
    "reason",
    ["alias", "acronym", "contains-name", "domain-name", "translation"],
)
def test_every_new_reason_has_words_in_both_languages(staff_client, child10, reason):
    one = candidate_of(confirmed(child10, "Alfa Ett", country="PL"))
    other = candidate_of(confirmed(child10, "Beta Två", country="CZ"))
    DuplicateSuggestion.objects.all().delete()
    suggest(child10, one, other, [reason])

    english = page(staff_client).context["units"][0]
    html = page(staff_client).content.decode()
    with translation.override("sv"):
        swedish = page(staff_client).content.decode()

    assert english["matched"][0]["reasons"] == [reason]
    for text in (html, swedish):
        assert f"Name – {reason}" not in text and f"Namn – {reason}" not in text
    assert "Name – nothing found" not in html


def test_the_country_filter_keeps_units_with_a_candidate_in_that_country(staff_client, bris, pair):
    polish = page(staff_client, country="PL").context["units"]
    finnish = page(staff_client, country="FI").context["units"]
    choices = page(staff_client).context["countries"]

    assert [unit["suggestion"] for unit in polish] == [pair]
    assert [unit["kind"] for unit in finnish] == ["group"]
    assert {code for code, _name in choices} == {"SE", "FI", "DK", "PL"}


def _bulk_suggestions(cycle, count: int, *, start: int = 0) -> None:
    """`count` pairs and `count // 3` groups of three, made directly: hundreds of suggestions
    without placing hundreds of nominations."""
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Organisation {start + n}", country="SE") for n in range(count * 3)
    )
    candidates = Candidate.objects.bulk_create(
        Candidate(cycle=cycle, organisation=o, name=o.name, country="SE") for o in organisations
    )
    rows = []
    for n in range(count):
        one, other, third = candidates[3 * n : 3 * n + 3]
        rows.append((one, other))
        if n % 3 == 0:
            rows.append((other, third))
    DuplicateSuggestion.objects.bulk_create(
        DuplicateSuggestion(
            cycle=cycle,
            first_id=min(a.pk, b.pk),
            second_id=max(a.pk, b.pk),
            confidence=0.85 + (n % 10) / 100,
            reasons=["similar-name"],
        )
        for n, (a, b) in enumerate(rows)
    )


def count_queries(client, **query) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = page(client, **query)
    assert response.status_code == 200
    return len(captured), response


def test_hundreds_of_suggestions_come_in_pages_in_a_fixed_number_of_queries(staff_client, child10):
    _bulk_suggestions(child10, 1)
    one, _response = count_queries(staff_client)
    _bulk_suggestions(child10, 300, start=10)
    many, response = count_queries(staff_client)
    last, last_response = count_queries(staff_client, page=12)

    assert DuplicateSuggestion.objects.filter(state=SuggestionState.OPEN).count() > 300
    assert many == one
    assert last == one
    assert len(response.context["units"]) == 30
    assert response.context["open_count"] == 301
    assert {unit["kind"] for unit in response.context["units"]} == {"pair", "group"}
    assert response.context["page"].paginator.num_pages == 11
    strengths = [unit["level"]["figure"] for unit in response.context["units"]]
    assert strengths == sorted(strengths, reverse=True)
    assert last_response.context["page"].number == 11


def test_a_decision_taken_in_one_country_comes_back_to_that_country(staff_client, bris, pair):
    response = staff_client.post(
        reverse("candidates:suggestion_decide", args=[pair.pk]),
        {"decision": "reject", "country": "PL"},
    )
    html = page(staff_client, country="FI").content.decode()

    assert response.status_code == 302
    assert response.url.endswith("&country=PL")
    assert '<input type="hidden" name="country" value="FI">' in html
