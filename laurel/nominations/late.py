"""The late-submission code a browser carries (typed on the closed page, kept in its session)."""

from laurel.nominations import services


def session_late_code(request, cycle):
    code = request.POST.get("late_code") or request.session.get("late_code", "")
    return services.find_late_code(cycle, code) if code else None
