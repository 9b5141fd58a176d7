"""The read-only JSON API for staff tokens: /api/v1/… with its OpenAPI description at
/api/v1/openapi.json. Each call needs `Authorization: Bearer <key>` and the scope of what it
reads; each call is in the audit log (laurel.api.middleware)."""

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate
from ninja.security import HttpBearer

from laurel.api import tokens
from laurel.api.enums import Scope
from laurel.api.schemas import (
    CandidateOut,
    CycleOut,
    DecisionOut,
    Error,
    InvalidInput,
    LaureateOut,
    NominationOut,
    ReviewOut,
)
from laurel.candidates.models import Candidate
from laurel.core.personal import Kind
from laurel.cycles.models import Cycle
from laurel.laureates.models import Laureate
from laurel.nominations.enums import NominationState, Relationship
from laurel.nominations.models import Nomination
from laurel.notifications.models import Suppression
from laurel.review.models import Review
from laurel.selection.models import Decision, Place

PAGE_SIZE = 50
BEYOND_ANY_LIST = 2**62  # a row offset past this fits no database's integer
LARGEST_ID = 2**63 - 1  # a bigint's largest value, on either database
# 400: a request Django cannot read at all (a host name it does not serve, too many fields).
ERRORS = {400: Error, 401: Error, 403: Error, 404: Error, 422: InvalidInput}


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        found = tokens.authenticate(token)
        if found is not None:
            request.api_token = found
        return found


api = NinjaAPI(
    title="Laurel API",
    version="1",
    description=(
        "Read-only data of the awards Laurel runs, for staff tools. Lists are paginated "
        "(`page`, 50 items a page) and filtered by the parameters each names."
    ),
    auth=TokenAuth(),
    urls_namespace="api",
    docs_url=None,  # no browsable docs: they would load scripts from another host
)


@api.exception_handler(HttpError)
def http_error(request, error: HttpError):
    return api.create_response(request, {"detail": str(error)}, status=error.status_code)


def need(request, scope: str) -> None:
    if scope not in request.api_token.scopes:
        raise HttpError(403, f"this token may not read {scope}")


class Rows:
    """A queryset seen through `row`: the paginator counts it in the database and reads, and
    turns into dicts, only the page it returns."""

    def __init__(self, queryset, row):
        self.queryset, self.row = queryset, row

    def all(self):  # what the paginator counts
        return self.queryset

    def __getitem__(self, page: slice) -> list[dict]:
        if page.stop > BEYOND_ANY_LIST:  # no such page; the databases refuse such an offset
            return []
        return [self.row(item) for item in self.queryset[page]]


def cycle_or_404(slug: str) -> Cycle:
    return get_object_or_404(Cycle, slug=slug)


def _cycle_out(cycle: Cycle) -> dict:
    return {
        **{f: getattr(cycle, f) for f in CycleOut.model_fields if f != "phase"},
        "phase": cycle.phase,
    }


@api.get("/cycles", response={200: list[CycleOut], **ERRORS}, tags=["awards"])
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_cycles(request):
    need(request, Scope.CYCLES)
    return Rows(Cycle.objects.order_by("-nominations_open_at", "slug"), _cycle_out)


@api.get("/cycles/{slug}", response={200: CycleOut, **ERRORS}, tags=["awards"])
def get_cycle(request, slug: str):
    need(request, Scope.CYCLES)
    return _cycle_out(cycle_or_404(slug))


@api.get(
    "/cycles/{slug}/candidates", response={200: list[CandidateOut], **ERRORS}, tags=["candidates"]
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_candidates(request, slug: str, state: str | None = None, country: str | None = None):
    need(request, Scope.CANDIDATES)
    candidates = (
        Candidate.objects.filter(cycle=cycle_or_404(slug))
        .select_related("organisation")
        .annotate(count=Count("placements"))
        .order_by("organisation__name", "id")
    )
    if state:
        candidates = candidates.filter(state=state)
    if country:
        candidates = candidates.filter(organisation__country=country.upper())
    return Rows(candidates, lambda c: {
        "id": c.pk, "organisation": c.organisation.name, "country": c.organisation.country,
        "website": c.organisation.website, "state": c.state, "work_kinds": c.work_kinds,
        "nominations": c.count, "created_at": c.created_at,
    })  # fmt: skip


# What only the scope nominations.personal shows: who nominated, and whom the nomination names
# as the organisation's contact (the nomination's declaration), as far as the schema has them.
# The personal fields the API may give, by whose they are: each person's are left out when that
# person restricted processing (GDPR art. 18).
NOMINATORS = [
    n for n in Nomination.PERSONAL.fields(Kind.NOMINATOR) if n in NominationOut.model_fields
]
CONTACTS = [n for n in Nomination.PERSONAL.fields(Kind.CONTACT) if n in NominationOut.model_fields]


@api.get(
    "/cycles/{slug}/nominations",
    response={200: list[NominationOut], **ERRORS},
    tags=["nominations"],
    description=(
        "Nominations sent (drafts are not listed). With the scope `nominations.personal` the "
        "nominators' details, the answers and the answers to the award's own questions "
        "(`question_answers`) are included; with `nominations` they are null."
    ),
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_nominations(request, slug: str, state: str | None = None, country: str | None = None):
    personal = Scope.NOMINATIONS_PERSONAL in request.api_token.scopes
    if not personal:
        need(request, Scope.NOMINATIONS)
    nominations = (
        Nomination.objects.filter(cycle=cycle_or_404(slug))
        .exclude(state=NominationState.DRAFT)
        .select_related("placement")
        .order_by("submitted_at", "id")
    )
    if state:
        nominations = nominations.filter(state=state)
    if country:
        nominations = nominations.filter(org_country=country.upper())
    restricted = set(Suppression.objects.values_list("address", flat=True)) if personal else set()

    def free(email: str) -> bool:  # as Suppression.covers reads an address
        return email.strip().lower() not in restricted

    def row(n: Nomination) -> dict:
        placement = getattr(n, "placement", None)
        out = {
            "reference": n.reference or "", "state": n.state,
            "candidate_id": placement.candidate_id if placement else None,
            "org_name": n.org_name, "org_country": n.org_country, "org_website": n.org_website,
            "self_nomination": n.relationship == Relationship.SELF,
            "submitted_at": n.submitted_at, "confirmed_at": n.confirmed_at,
        }  # fmt: skip
        # A person who restricted processing is left out (GDPR art. 18): the nominator with
        # what they wrote, the organisation's contact person on their own.
        if personal and free(n.nominator_email):
            out |= {field: getattr(n, field) for field in NOMINATORS}
            out["answers"] = {str(k): str(v) for k, v in n.answers.items()}
            # Everything the nominator wrote goes together (Nomination.PERSONAL: written), the
            # answers that are personal data and those only staff read too: a token is staff's.
            out["question_answers"] = dict(n.question_answers or {})
        if personal and free(n.org_contact_email):
            out |= {field: getattr(n, field) for field in CONTACTS}
        return out

    return Rows(nominations, row)


@api.get(
    "/cycles/{slug}/reviews",
    response={200: list[ReviewOut], **ERRORS},
    tags=["reviews"],
    description="Scores and recommendations; members by number; comments are not included.",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_reviews(
    request,
    slug: str,
    # Up to the databases' largest integer: beyond it SQLite raised OverflowError (a 500).
    candidate: int | None = Query(None, ge=1, le=LARGEST_ID),
):
    need(request, Scope.REVIEWS)
    reviews = Review.objects.filter(cycle=cycle_or_404(slug)).order_by("candidate_id", "member_id")
    if candidate:
        reviews = reviews.filter(candidate_id=candidate)
    return Rows(reviews, lambda r: {
        "candidate_id": r.candidate_id, "member": r.member_id, "state": r.state,
        "abstained": r.abstained, "recommendation": r.recommendation,
        "scores": {str(k): int(v) for k, v in r.scores.items()}, "submitted_at": r.submitted_at,
    })  # fmt: skip


@api.get("/cycles/{slug}/decision", response={200: DecisionOut, **ERRORS}, tags=["decisions"])
def get_decision(request, slug: str):
    need(request, Scope.DECISIONS)
    places = Place.objects.select_related("candidate__organisation").order_by("role", "position")
    decision = get_object_or_404(
        Decision.objects.prefetch_related(Prefetch("places", queryset=places)),
        cycle=cycle_or_404(slug),
    )
    return {
        "state": decision.state, "locked_at": decision.locked_at,
        "announce_at": decision.announce_at, "announced_at": decision.announced_at,
        "places": [
            {"role": p.role, "position": p.position, "candidate_id": p.candidate_id,
             "organisation": p.candidate.organisation.name,
             "country": p.candidate.organisation.country, "answer": p.answer}
            for p in decision.places.all()
        ],
    }  # fmt: skip


@api.get(
    "/cycles/{slug}/laureates", response={200: list[LaureateOut], **ERRORS}, tags=["laureates"]
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_laureates(request, slug: str):
    need(request, Scope.LAUREATES)
    laureates = (
        Laureate.objects.filter(cycle=cycle_or_404(slug))
        .select_related("candidate__organisation")
        .order_by("candidate__organisation__name")
    )
    return Rows(laureates, lambda laureate: {
        "candidate_id": laureate.candidate_id,
        "organisation": laureate.candidate.organisation.name,
        "country": laureate.candidate.organisation.country,
        "accepted_at": laureate.accepted_at, "publish_name": laureate.publish_name,
        "at_risk": laureate.at_risk, "may_be_named": laureate.may_be_named,
        "media_consent_at": laureate.media_consent_at,
    })  # fmt: skip
