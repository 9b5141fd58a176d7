"""The selection pages' stages: a scored committee, a drafted decision, a locked one and an
announced one; signing in, shortlisting and reading a report."""

import subprocess
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from laurel.selection import services
from tests.conftest import sign_in
from tests.selection import helpers
from tests.selection.helpers import scored_committee


def build_committee(cycle, staff):
    cycle.laureate_count = 3
    cycle.save(update_fields=["laureate_count"])
    return scored_committee(cycle, staff, count=5)


@pytest.fixture
def committee(child10, staff_user):
    return build_committee(child10, staff_user)


def shared_committee():
    """The same committee built once for a module, each test in a savepoint of its own:
    `world, child10, staff_user, committee = shared_committee()`."""
    return helpers.shared_committee(build_committee)


def signed_in(client, user):
    sign_in(client, user)
    return client


def shortlist_all(committee, actor):
    return [
        services.shortlist_candidate(c, kind="shortlist", actor=actor) for c in committee.candidates
    ]


@pytest.fixture
def drafted(committee, staff_user):
    shortlist_all(committee, staff_user)
    return services.suggest_slate(
        committee.candidates[0].cycle,
        max_per_country=1,
        min_per_kind={},
        reserve_count=1,
        from_shortlist=True,
        actor=staff_user,
    )


def complete(decision, chair_client):
    for place in decision.places.filter(role="laureate"):
        chair_client.post(
            reverse("selection:place", args=[place.pk]),
            {
                f"p{place.pk}-reason": f"Reason for {place.candidate.name}.",
                f"p{place.pk}-citation_sv": f"Hyllning till {place.candidate.name}.",
                f"p{place.pk}-citation_en": f"Citation for {place.candidate.name}.",
                f"p{place.pk}-summary_sv": "Stödjer barn.",
                f"p{place.pk}-summary_en": "Supports children.",
            },
        )


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


@pytest.fixture
def locked(committee, drafted):
    for place in drafted.places.filter(role="laureate").select_related("candidate"):
        name = place.candidate.name
        services.write_place(
            place,
            reason=f"Reason for {name}.",
            citation={"sv": f"Hyllning till {name}.", "en": f"Citation for {name}."},
            summary={"sv": "Stödjer barn.", "en": "Supports children."},
            actor=committee.chair,
        )
    return services.lock_decision(drafted, actor=committee.chair)


@pytest.fixture
def announced(staff_user, locked):
    now = timezone.now()
    services.prepare_letters(
        locked,
        announce_at=now - timedelta(minutes=5),
        respond_by=now + timedelta(days=14),
        actor=staff_user,
    )
    services.release_letters(locked, actor=staff_user)
    for place in locked.places.filter(role="laureate").select_related("candidate"):
        accept_and_name(locked, place)
    return locked


def accept_and_name(decision, place):
    """The laureate accepts through its letter and lets its name be published."""
    from laurel.laureates import services as laureates
    from tests.laureates.portal_helpers import letter_to, token_of

    laureate = services.answer_award(token_of(letter_to(decision, place.candidate)), accept=True)
    laureates.set_media_consent(
        laureate.candidate.laureate, publish_name=True, publish_logo=False,
        publish_staff_names=False, at_risk=False, actor=None,
    )  # fmt: skip
