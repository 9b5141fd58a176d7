"""What the API returns: the OpenAPI description is generated from these."""

from datetime import datetime
from typing import Any

from ninja import Schema
from pydantic import Field


class Error(Schema):
    detail: str


class InvalidInput(Schema):
    """A parameter that is not what the description allows (e.g. page=0)."""

    detail: list[dict[str, Any]]


class CycleOut(Schema):
    slug: str
    name: dict[str, str]
    time_zone: str
    phase: str
    laureate_count: int
    prize_amount: int
    prize_currency: str
    eligible_countries: list[str]
    nominations_open_at: datetime
    nominations_close_at: datetime
    review_open_at: datetime
    review_close_at: datetime
    decision_at: datetime


class CandidateOut(Schema):
    id: int
    organisation: str
    country: str
    website: str
    state: str
    work_kinds: list[str]
    nominations: int
    created_at: datetime


class NominationOut(Schema):
    reference: str
    state: str
    candidate_id: int | None
    org_name: str
    org_country: str
    org_website: str
    self_nomination: bool
    submitted_at: datetime | None
    confirmed_at: datetime | None
    # Only with the scope nominations.personal; null otherwise.
    nominator_name: str | None = None
    nominator_email: str | None = None
    nominator_organisation: str | None = None
    org_contact_name: str | None = None
    org_contact_email: str | None = None
    answers: dict[str, str] | None = None
    # Written by the nominator, as `answers`: only with the same scope.
    question_answers: dict[str, str | int | list[str]] | None = Field(
        None,
        description=(
            "The answers to the award's own questions by question key, as stored (text, "
            "option key, yes/no, whole number, ISO date, country code, list of option keys); "
            "null without the scope nominations.personal or when the nominator restricted "
            "processing."
        ),
    )


class ReviewOut(Schema):
    candidate_id: int
    member: int
    state: str
    abstained: bool
    recommendation: str
    scores: dict[str, int]
    submitted_at: datetime | None


class PlaceOut(Schema):
    role: str
    position: int
    candidate_id: int
    organisation: str
    country: str
    answer: str


class DecisionOut(Schema):
    state: str
    locked_at: datetime | None
    announce_at: datetime | None
    announced_at: datetime | None
    places: list[PlaceOut]


class LaureateOut(Schema):
    candidate_id: int
    organisation: str
    country: str
    accepted_at: datetime
    publish_name: bool
    # At risk when named: nothing public names it, whatever publish_name says.
    at_risk: bool
    # The rule a tool publishing from this list applies: publish_name and not at_risk.
    may_be_named: bool
    media_consent_at: datetime | None
