from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from laurel.accounts.models import Invitation, User
from laurel.core.permissions import require
from laurel.cycles.models import Benefit, Criterion, Cycle
from laurel.notifications.enums import EmailState
from laurel.notifications.queries import outbox_counts


def with_call_content(cycles: QuerySet) -> QuerySet:
    return cycles.prefetch_related(
        Prefetch("criteria", queryset=Criterion.objects.order_by("number")),
        Prefetch("benefits", queryset=Benefit.objects.order_by("number")),
    )


def public_cycle() -> Cycle | None:
    """The call the public sees: the latest cycle that has opened and is not yet archived.

    Its criteria and benefits are read only when the page's cached fragment is missing."""
    now = timezone.now()
    return (
        Cycle.objects.filter(nominations_open_at__lte=now, archive_at__gt=now)
        .order_by("-nominations_open_at")
        .first()
    )


def staff_cycles() -> QuerySet:
    return Cycle.objects.order_by("-nominations_open_at")


def current_cycle_or_404() -> Cycle:
    """The cycle of the public pages (the call, the form): `public_cycle`, else 404. Public pages
    ask no permission; every other page names one through `cycle_for`."""
    cycle = public_cycle()
    if cycle is None:
        raise Http404
    return cycle


def cycle_for(request: HttpRequest, perm: str) -> Cycle:
    """The cycle a signed-in page is about, once the user may `perm` in that very cycle: the one
    named by `?cycle=slug`, else the latest one the user may `perm` in (staff: the latest; a
    committee member or chair: the latest of their role grants; a laureate contact: their
    laureate's). A cycle picked by the address is checked like any other object, and one out of
    reach is a 404, as `require` answers (ARCHITECTURE rule 3). Views keep `@login_required` in
    front, so a visitor who is not signed in is sent to sign in first."""
    slug = request.GET.get("cycle", "")
    if slug:
        cycle = staff_cycles().filter(slug=slug).first()
    else:
        cycle = next((c for c in staff_cycles() if request.user.has_perm(perm, c)), None)
    if cycle is None:
        raise Http404
    require(request.user, perm, cycle)
    return cycle


# Apps above this one add their numbers to the dashboard here (from their AppConfig.ready):
# each source takes the cycle and returns {name: number}.
DASHBOARD_SOURCES: list[Callable[[Cycle], dict[str, int]]] = []


@dataclass(frozen=True)
class DashboardNews:
    """Something that happened which staff should know or act on (a laureate accepted or
    declined), shown on the dashboard newest first, with the page where staff act on it."""

    text: str
    at: datetime
    url: str = ""
    warning: bool = False


# Apps above this one add their news to the dashboard here, as they add numbers: each source
# takes the cycle and returns its latest DashboardNews.
DASHBOARD_NEWS: list[Callable[[Cycle], list[DashboardNews]]] = []


def dashboard_news(cycle: Cycle | None, limit: int = 10) -> list[DashboardNews]:
    if cycle is None:
        return []
    news = [item for source in DASHBOARD_NEWS for item in source(cycle)]
    return sorted(news, key=lambda item: item.at, reverse=True)[:limit]


def dashboard_counts(cycle: Cycle | None) -> dict[str, int]:
    """The numbers on the staff dashboard, ours and those the apps above add."""
    counts = _own_counts()
    if cycle is not None:
        for source in DASHBOARD_SOURCES:
            counts.update(source(cycle))
    return counts


def _own_counts() -> dict[str, int]:
    outbox = outbox_counts()
    return {
        "users": User.objects.filter(is_active=True).count(),
        "open_invitations": Invitation.objects.filter(
            accepted_at=None, revoked_at=None, expires_at__gt=timezone.now()
        ).count(),
        "emails_failed": outbox[EmailState.FAILED],
        "emails_held": outbox[EmailState.HELD],
    }
