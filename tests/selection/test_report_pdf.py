"""The decision report read as a board member reads it, page by page (issue 17, item 6): no table
row divided between two pages, each vote result numbered once, rounds titled by what they
decided, every balance rule stated, the chair marked, the review period as it really was, and
the shortlist before the reserve. In English and in Swedish."""

import subprocess
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation

from laurel.candidates.models import Candidate
from laurel.review.models import Review
from laurel.selection import services
from tests.selection.helpers import scored_committee

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# Four unique words a row, so that a row's text can be found on its page (and nowhere else).
WORDS = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"]


def pages(content: bytes) -> list[str]:
    """The PDF's text, one string a page (pdftotext ends each page with a form feed)."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "report.pdf"
        path.write_bytes(content)
        result = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        )
    return result.stdout.split("\f")[:-1]


def flat(text: str) -> str:
    return " ".join(text.split())


def report(client, language: str = "en") -> list[str]:
    with translation.override(language):
        url = reverse("selection:report")
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return pages(response.content)


@pytest.fixture
def twelve(child10, staff_user):
    """Twelve scored candidates with names long enough to wrap over several lines of the
    scores table, all shortlisted: the table runs over more than one page."""
    child10.laureate_count = 3
    child10.save(update_fields=["laureate_count"])
    committee = scored_committee(child10, staff_user, count=12)
    for index, candidate in enumerate(committee.candidates):
        tokens = " ".join(f"{word}{index:02d}x" for word in WORDS)
        Candidate.objects.filter(pk=candidate.pk).update(
            name=f"{candidate.name} {tokens} Child Protection Network Organisation"
        )
        candidate.refresh_from_db()
        services.shortlist_candidate(candidate, kind="shortlist", actor=staff_user)
    return committee


def scores_section(document: list[str]) -> list[str]:
    """The pages' text between the Scores heading and the deliberation, page by page."""
    text = "\f".join(document)
    start = text.index("Agreement between reviewers")
    end = text.index("The deliberation")
    return text[start:end].split("\f")


def test_no_row_of_the_scores_table_is_divided_between_pages(staff_client, twelve):
    section = scores_section(report(staff_client))

    assert len(section) >= 2  # the table runs over a page break
    for index in range(12):
        tokens = [f"{word}{index:02d}x" for word in WORDS]
        on_pages = {n for n, page in enumerate(section) for token in tokens if token in page}
        assert len(on_pages) == 1, f"row {index + 1} is on pages {sorted(on_pages)}"
    # The header row is repeated on each page the table runs over.
    assert [page.count("Normalised") for page in section if "Alpha" in page] == [1] * len(
        [page for page in section if "Alpha" in page]
    )


def open_and_close(cycle, committee, candidates, *, method, topic, ranks):
    round_ = services.open_round(
        cycle,
        method=method,
        topic=topic,
        secret=False,
        candidates=candidates,
        actor=committee.chair,
    )
    ballot = dict(zip([c.pk for c in candidates], ranks, strict=True))
    for voter in (committee.chair, committee.members[0]):
        services.cast_ballot(round_, voter=voter, ranks=ballot, actor=voter)
    return services.close_round(round_, actor=committee.chair)


@pytest.fixture
def voted(child10, staff_user):
    """Four shortlisted candidates, two rounds (one on the shortlist, one on the laureates) and
    a draft slate under a country limit and two kinds-of-work minimums."""
    committee = scored_committee(child10, staff_user, count=4)
    child10.laureate_count = 2
    child10.save(update_fields=["laureate_count"])
    _first, second, third, fourth = committee.candidates
    for candidate in committee.candidates:
        services.shortlist_candidate(candidate, kind="shortlist", actor=staff_user)
    open_and_close(
        child10, committee, [second, third, fourth], method="approval", topic="shortlist",
        ranks=[1, 1, 1],
    )  # fmt: skip
    open_and_close(
        child10, committee, [second, third], method="ranked", topic="laureates", ranks=[1, 2]
    )
    services.suggest_slate(
        child10, max_per_country=1, min_per_kind={"technology": 1, "victim_support": 1},
        reserve_count=1, from_shortlist=True, actor=staff_user,
    )  # fmt: skip
    return committee


def test_rounds_are_titled_by_what_they_decided_and_each_result_numbered_once(staff_client, voted):
    text = flat(" ".join(report(staff_client)))
    swedish = flat(" ".join(report(staff_client, "sv")))
    second, third = voted.candidates[1].name, voted.candidates[2].name

    assert "Round 1: the shortlist" in text
    assert "Round 2: the laureates" in text
    assert "Approval: tick every candidate" not in text and "Ranked: number the" not in text
    assert f"1 {second} 1 " in text and f"2 {third} 0" in text  # place, name, beats
    assert "1. 1." not in text and "1. 1 " not in text
    assert "Omgång 1: kortlistan" in swedish
    assert "Omgång 2: pristagarna" in swedish


def test_every_balance_rule_is_stated(staff_client, voted):
    text = flat(" ".join(report(staff_client)))
    swedish = flat(" ".join(report(staff_client, "sv")))

    assert (
        "The balance rules the slate was asked to meet: • 2 laureates in all. "
        "• At most 1 laureate from one country. • Victim support: at least 1 laureate. "
        "• Technology: at least 1 laureate. • Laureates only from the shortlist."
    ) in text
    assert (
        "Reglerna för balansen som urvalet skulle uppfylla: • 2 pristagare sammanlagt. "
        "• Högst 1 pristagare från samma land. • Stöd till utsatta: minst 1 pristagare. "
        "• Teknik: minst 1 pristagare. • Pristagarna väljs bara från kortlistan."
    ) in swedish


def test_a_slate_without_rules_says_so(staff_client, child10, staff_user):
    committee = scored_committee(child10, staff_user, count=3)
    child10.laureate_count = 2
    child10.save(update_fields=["laureate_count"])
    for candidate in committee.candidates:
        services.shortlist_candidate(candidate, kind="shortlist", actor=staff_user)
    services.suggest_slate(
        child10, max_per_country=None, min_per_kind={}, reserve_count=1, from_shortlist=False,
        actor=staff_user,
    )  # fmt: skip

    text = flat(" ".join(report(staff_client)))

    assert (
        "• 2 laureates in all. • No limit on laureates from one country. "
        "• No minimum for any kind of work."
    ) in text
    assert "Laureates only from the shortlist." not in text


def test_the_chair_comes_first_in_the_committee_and_is_marked(staff_client, voted):
    chair = voted.chair.full_name

    text = flat(" ".join(report(staff_client)))
    swedish = flat(" ".join(report(staff_client, "sv")))

    assert f"The committee • {chair} (chair) • " in text
    assert text.count("(chair)") == 1
    assert f"{chair} (ordförande)" in swedish


def test_the_review_period_is_from_the_first_to_the_last_review_submitted(
    staff_client, voted, child10
):
    reviews = list(Review.objects.filter(cycle=child10).order_by("pk"))
    for review, day in zip(reviews, [3, 5, 9] + [4] * len(reviews), strict=False):
        Review.objects.filter(pk=review.pk).update(
            submitted_at=datetime(2022, 3, day, 12, tzinfo=STOCKHOLM)
        )
    planned = child10.review_close_at.astimezone(STOCKHOLM)

    text = flat(" ".join(report(staff_client)))
    swedish = flat(" ".join(report(staff_client, "sv")))

    assert "The committee reviewed from 3 March 2022 to 9 March 2022." in text
    assert f"to {planned.day} {planned:%B} {planned.year}" not in text
    assert "Kommittén bedömde från 3 mars 2022 till 9 mars 2022." in swedish


def test_the_report_tells_the_shortlist_before_the_reserve(staff_client, child10, staff_user):
    committee = scored_committee(child10, staff_user, count=4)
    first, second, third, fourth = committee.candidates
    # Added to the reserve first: the alphabet ("reserve" < "shortlist") must not decide.
    services.shortlist_candidate(fourth, kind="reserve", actor=staff_user)
    for candidate in (second, first, third):
        services.shortlist_candidate(candidate, kind="shortlist", actor=staff_user)

    text = flat(" ".join(report(staff_client)))
    deliberation = text[text.index("The deliberation") :]

    order = sorted((first, second, third, fourth), key=lambda c: deliberation.index(c.name))
    assert order == [second, first, third, fourth]
