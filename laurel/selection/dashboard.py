"""What the staff dashboard shows of the committee's work and of the decision: the reviews
once the assignment is published, how the laureates answered once the decision is announced, and
each answer as news (cycles.queries, DASHBOARD_SOURCES and DASHBOARD_NEWS). Selection sits above
the review app, so it reads the reviews too, as phase_work does."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from laurel.cycles.models import Cycle
from laurel.cycles.queries import DashboardNews
from laurel.review.enums import AssignmentState, ReviewState
from laurel.review.models import Assignment, Review
from laurel.selection.enums import Answer, DecisionState, PlaceRole
from laurel.selection.models import Place


def _announced(cycle: Cycle):
    return Place.objects.filter(decision__cycle=cycle, decision__state=DecisionState.ANNOUNCED)


def review_counts(cycle: Cycle) -> dict[str, int]:
    """Reviews submitted and still to write, once the assignment is published (no tiles before)."""
    assigned = Assignment.objects.filter(cycle=cycle, state=AssignmentState.PUBLISHED).count()
    if not assigned:
        return {}
    submitted = Review.objects.filter(cycle=cycle, state=ReviewState.SUBMITTED).count()
    return {
        "reviews_submitted": submitted,
        "reviews_outstanding": max(assigned - submitted, 0),
    }


def answer_counts(cycle: Cycle) -> dict[str, int]:
    """The laureates' answers, after the announcement only (nothing before: no tiles)."""
    now = timezone.now()
    unanswered = Q(role=PlaceRole.LAUREATE, answer="")
    counts = _announced(cycle).aggregate(
        laureates_offered=Count("pk", filter=Q(role__in=[PlaceRole.LAUREATE, PlaceRole.DECLINED])),
        laureates_accepted=Count("pk", filter=Q(answer=Answer.ACCEPTED)),
        laureates_declined=Count("pk", filter=Q(answer=Answer.DECLINED)),
        laureates_awaiting=Count("pk", filter=unanswered & ~Q(respond_by__lte=now)),
        laureates_overdue=Count("pk", filter=unanswered & Q(respond_by__lte=now)),
        # Declined, its place not yet offered to a reserve.
        places_to_offer=Count("pk", filter=Q(role=PlaceRole.LAUREATE, answer=Answer.DECLINED)),
    )
    return counts if counts["laureates_offered"] else {}


def answer_news(cycle: Cycle, limit: int = 10) -> list[DashboardNews]:
    url = reverse("selection:decision") + f"?cycle={cycle.slug}"
    news = []
    answered = (
        _announced(cycle)
        .exclude(answered_at=None)
        .select_related("candidate")
        .order_by("-answered_at")[:limit]
    )
    for place in answered:
        local = timezone.localtime(place.answered_at, cycle.zone)
        when = formats.date_format(local, "j F Y, H:i")
        names = {"name": place.candidate.name, "when": when}
        if place.answer == Answer.ACCEPTED:
            text = _("%(name)s accepted the award (%(when)s).") % names
        elif place.role == PlaceRole.LAUREATE:
            text = (
                _("%(name)s declined the award (%(when)s). Its place can be offered to a reserve.")
                % names
            )
        else:
            text = _("%(name)s declined the award (%(when)s).") % names
        waiting = place.answer == Answer.DECLINED and place.role == PlaceRole.LAUREATE
        news.append(DashboardNews(text=text, at=place.answered_at, url=url, warning=waiting))
    return news
