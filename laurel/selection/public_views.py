"""The public side of the decision: the laureates page and its open data, and the laureate's
answer through the private link in its letter."""

import json

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from laurel.core.confirm import confirmation, confirmed
from laurel.core.language import public_page
from laurel.core.tables import table_response
from laurel.core.texts import in_language
from laurel.cycles.identity import site_cycle
from laurel.selection import queries, services
from laurel.selection.forms import MediaConsentForm


def _laureates():
    """The announced cycle and the laureates that may be named in public (see
    queries.announced_laureates): of any other laureate, nothing at all is shown."""
    cycle = queries.announced_cycle()
    if cycle is None:
        return None, []
    return cycle, list(queries.announced_laureates(cycle))


def _rows(cycle, laureates) -> list[dict]:
    return [
        {
            "name": place.candidate.name,
            "country": place.candidate.country,
            "what_it_does_sv": place.summary.get("sv", ""),
            "what_it_does_en": place.summary.get("en", ""),
            "citation_sv": place.citation.get("sv", ""),
            "citation_en": place.citation.get("en", ""),
            "award": cycle.slug,
        }
        for place in laureates
    ]


# The public list changes the moment a laureate declines, opts out or says it is at risk: no
# browser or proxy may keep a copy to show later (there is no server-side cache of it either).
@public_page
@never_cache
def laureates(request):
    cycle, places = _laureates()
    upcoming = site_cycle() if cycle is None else None
    return render(
        request,
        "selection/laureates.html",
        {
            "cycle": cycle,
            # Before the announcement: the award whose laureates are awaited, for its date.
            "upcoming": upcoming,
            "announcement_due": upcoming is not None and upcoming.decision_at > timezone.now(),
            "laureates": places,
            "total": cycle.laureate_count if cycle else 0,
            "all_named": cycle is not None and len(places) >= cycle.laureate_count,
        },
    )


@public_page
@never_cache
def laureates_csv(request):
    cycle, places = _laureates()
    if cycle is None:
        raise Http404
    rows = _rows(cycle, places)
    header = list(rows[0]) if rows else ["name"]
    body = [[row[name] for name in header] for row in rows]
    return table_response(f"laureates-{cycle.slug}", header, body, "csv")


@public_page
@never_cache
def laureates_json(request):
    cycle, places = _laureates()
    if cycle is None:
        raise Http404
    body = {
        "award": {"slug": cycle.slug, "name": cycle.name, "theme": cycle.theme},
        "announced_at": cycle.decision.announced_at.isoformat(),
        "laureates": _rows(cycle, places),
    }
    return HttpResponse(
        json.dumps(body, ensure_ascii=False, indent=2), content_type="application/json"
    )


def _refused(request, reason: str, status: int):
    return render(request, "selection/answer_refused.html", {"reason": reason}, status=status)


@public_page
@require_http_methods(["GET", "POST"])
def answer(request, token: str):
    """Accept with what may be published, or decline after a confirmation step. The token is in
    the path only: logs redact it, and no-store and the referrer policy keep it in the page."""
    try:
        place = services.find_place(token)
    except services.AnswerRefused as refused:
        return _refused(request, refused.reason, 404 if refused.reason == "unknown" else 410)
    choice = request.POST.get("answer") if request.method == "POST" else None
    form = MediaConsentForm(request.POST if choice == "accept" else None)
    if choice == "decline" and not confirmed(request):
        return _confirm_decline(request, place)
    if choice == "decline" or (choice == "accept" and form.is_valid()):
        accept = choice == "accept"
        try:
            place = services.answer_award(
                token, accept=accept, consent=form.consent() if accept else None
            )
        except services.AnswerRefused as refused:
            return _refused(request, refused.reason, 410)
        named = accept and place.candidate_id in queries.named_in_public(place.decision.cycle)
        return render(request, "selection/answer_done.html", {"place": place, "named": named})
    return render(
        request,
        "selection/answer.html",
        {"place": place, "cycle": place.decision.cycle, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def _confirm_decline(request, place):
    cycle = place.decision.cycle
    return confirmation(
        request,
        title=_("Decline the award?"),
        consequences=[
            _(
                "%(name)s will not be a laureate of %(award)s: no summit, support programme or "
                "prize money."
            )
            % {"name": place.candidate.name, "award": in_language(cycle.name, get_language())},
            _("The place may be offered to another organisation."),
            _("Nothing about your organisation will be published."),
        ],
        irreversible=True,
        button=_("Yes, we decline the award"),
        cancel_url=request.path,
    )
