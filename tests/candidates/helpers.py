"""Nominations confirmed the way nominators confirm them, so that they become candidates;
the checks, the closed call and the duplicate suggestions several candidate tests arrange."""

from itertools import count

from laurel.candidates import services as screening
from laurel.candidates.enums import DiligenceArea
from laurel.candidates.models import (
    Candidate,
    DuplicateSuggestion,
    Placement,
)
from laurel.nominations import services
from laurel.nominations.models import Nomination, hash_token, new_token

_numbers = count(1)


def confirmed(
    cycle,
    name: str,
    *,
    country: str = "SE",
    website: str = "",
    registration="",
    email: str = "",
    relationship: str = "partner",
    network: str = "",
    language: str = "en",
    answers: dict | None = None,
    questions: dict | None = None,
) -> Nomination:
    """A nomination submitted and confirmed by its nominator (the link in the email)."""
    number = next(_numbers)
    token, _ = new_token()
    draft, _ = services.save_draft(
        cycle,
        token=token,
        language=language,
        send_resume_link=False,
        complete=True,
        data={
            "org_name": name,
            "org_country": country,
            "org_website": website,
            "org_registration_number": registration,
            "nominator_name": f"Nominator {number}",
            "nominator_email": email or f"nominator{number}@example.org",
            "relationship": relationship,
            "preferred_language": language,
            "answers": answers or {"1": "Trains moderators and runs a helpline."},
            # The answers to the award's own questions, by key (Nomination.question_answers).
            "question_answers": questions or {},
        },
    )
    nomination = services.submit_nomination(draft, token=token, network=network)
    confirm_token = f"confirm-{number}-{token}"
    Nomination.objects.filter(pk=nomination.pk).update(confirm_token_hash=hash_token(confirm_token))
    return services.confirm_nomination(confirm_token)


def complete_diligence(candidate, staff):
    for area in DiligenceArea.values:
        screening.update_check(
            candidate, area=area, status="satisfactory", notes="Checked.", actor=staff
        )


def close_nominations(cycle) -> None:
    """The deadline passes (the stored phase may still say nominations: the dates close it)."""
    from datetime import timedelta

    from django.utils import timezone

    type(cycle).objects.filter(pk=cycle.pk).update(
        nominations_close_at=timezone.now() - timedelta(minutes=5)
    )
    cycle.refresh_from_db()


def candidate_of(nomination) -> Candidate:
    return Placement.objects.get(nomination=nomination).candidate


def suggest(cycle, one, other, reasons, confidence=0.9, matched=()) -> DuplicateSuggestion:
    pair = sorted([one.pk, other.pk])
    return DuplicateSuggestion.objects.create(
        cycle=cycle,
        first_id=pair[0],
        second_id=pair[1],
        confidence=confidence,
        reasons=reasons,
        matched=list(matched),
    )
