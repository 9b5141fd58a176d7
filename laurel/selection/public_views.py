"""The public side of the decision: the laureates page and its open data, and the laureate's
answer through the private link in its letter."""

import json

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from laurel.core.tables import table_response
from laurel.selection import queries, services


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


def laureates(request):
    cycle, places = _laureates()
    return render(request, "selection/laureates.html", {"cycle": cycle, "laureates": places})


def laureates_csv(request):
    cycle, places = _laureates()
    if cycle is None:
        raise Http404
    rows = _rows(cycle, places)
    header = list(rows[0]) if rows else ["name"]
    body = [[row[name] for name in header] for row in rows]
    return table_response(f"laureates-{cycle.slug}", header, body, "csv")


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


@require_http_methods(["GET", "POST"])
def answer(request, token: str):
    try:
        place = services.find_place(token)
    except services.AnswerRefused as refused:
        status = 404 if refused.reason == "unknown" else 410
        return render(
            request, "selection/answer_refused.html", {"reason": refused.reason}, status=status
        )
    if request.method == "POST" and request.POST.get("answer") in {"accept", "decline"}:
        try:
            place = services.answer_award(token, accept=request.POST["answer"] == "accept")
        except services.AnswerRefused as refused:
            return render(
                request, "selection/answer_refused.html", {"reason": refused.reason}, status=410
            )
        return render(request, "selection/answer_done.html", {"place": place})
    return render(
        request,
        "selection/answer.html",
        {"place": place, "cycle": place.decision.cycle},
        status=400 if request.method == "POST" else 200,
    )
