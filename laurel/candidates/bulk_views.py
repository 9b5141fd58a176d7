"""The candidates list and what staff do to many candidates at once from it, and the screening
progress: who is ready for the committee, and what the others still need. Marking many
ineligible and reminding many organisations go through the confirmation step (core.confirm)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from laurel.candidates import exports, queries, readiness
from laurel.candidates.enums import (
    BulkAction,
    CandidateState,
    Consent,
    DiligenceArea,
    Flag,
    ReadyFilter,
)
from laurel.candidates.forms import BulkForm
from laurel.candidates.services import bulk as services
from laurel.candidates.services import notices_wait
from laurel.core.confirm import confirmation, confirmed
from laurel.core.forms import refusals
from laurel.core.http import safe_next
from laurel.core.tables import FORMATS, table_response
from laurel.cycles.queries import cycle_for

FILTERS = ["q", "country", "state", "flag", "language", "nominations", "ready", "sort"]
SORTS = [
    ("name", gettext_lazy("Name, A–Z")),
    ("-name", gettext_lazy("Name, Z–A")),
    ("country", gettext_lazy("Country")),
    ("nominations", gettext_lazy("Most nominations")),
    ("nominators", gettext_lazy("Most nominators")),
    ("first", gettext_lazy("First nominated")),
    ("-first", gettext_lazy("Last nominated")),
]
# Names shown in a result message before "and N more".
NAMED = 10


@login_required
def candidate_list(request):
    cycle = cycle_for(request, "candidates.view_candidates")
    chosen = {name: request.GET.get(name, "") for name in FILTERS}
    rows = queries.candidate_list(
        cycle, **{name: chosen[name] for name in FILTERS if name != "q"}, search=chosen["q"]
    )
    if request.GET.get("format") in FORMATS:
        header, table = exports.candidate_table(rows)
        return table_response(f"candidates-{cycle.slug}", header, table, request.GET["format"])
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "candidates/list.html",
        {
            "cycle": cycle,
            "waiting_notices": queries.waiting_notices(cycle).count(),
            "page": page,
            "chosen": chosen,
            "states": CandidateState.choices,
            "flags": Flag.choices,
            "ready_choices": ReadyFilter.choices,
            "sorts": SORTS,
            **_kept_choice(request),
        },
    )


# A refused bulk action sends the list back with what was chosen still chosen.
KEPT = "candidates_bulk_kept"


def _keep_choice(request, form, back: str) -> None:
    if not back.startswith(reverse("candidates:list")):
        return
    request.session[KEPT] = {
        "candidate": [v for v in form.data.getlist("candidate") if v.isdigit()],
        "all_on_page": bool(form.data.get("all_on_page")),
        "action": form.data.get("action", ""),
        "reason": form.data.get("reason", ""),
    }


def _kept_choice(request) -> dict:
    kept = request.session.pop(KEPT, None) or {}
    initial = {name: kept[name] for name in ("action", "reason") if kept.get(name)}
    return {
        "bulk_form": BulkForm(initial=initial),
        "bulk_ticked": {int(v) for v in kept.get("candidate", [])},
        "bulk_all_on_page": kept.get("all_on_page", False),
    }


def _list_url(cycle) -> str:
    return f"{reverse('candidates:list')}?cycle={cycle.slug}"


@login_required
@require_POST
def bulk(request):
    """One action on the chosen candidates: eligible, ineligible (one reason for all), ready
    for the committee, or a consent reminder."""
    cycle = cycle_for(request, "candidates.screen")
    back = safe_next(request, _list_url(cycle))
    form = BulkForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        _keep_choice(request, form, back)
        return redirect(back)
    action, ids = form.cleaned_data["action"], form.chosen()
    if action == BulkAction.INELIGIBLE:
        emails = queries.bulk_ineligibility_emails(cycle, ids)
        if not confirmed(request, emails=emails):
            return _confirm_ineligible(request, cycle, ids, emails, back)
    if action == BulkAction.REMIND:
        emails = queries.consent_reminders(cycle, ids).count()
        if not confirmed(request, emails=emails):
            return _confirm_remind(request, ids, emails, back)
    with refusals(request):
        outcome = _run(action, cycle, ids, form.cleaned_data["reason"], request.user)
        _tell(request, action, outcome)
        return redirect(back)
    _keep_choice(request, form, back)  # refused: the choice stays on the list
    return redirect(back)


def _run(action: str, cycle, ids: list[int], reason: str, actor) -> services.BulkOutcome:
    if action in (BulkAction.ELIGIBLE, BulkAction.INELIGIBLE):
        return services.bulk_decide_eligibility(
            cycle,
            candidate_ids=ids,
            eligible=action == BulkAction.ELIGIBLE,
            reason=reason,
            actor=actor,
        )
    if action == BulkAction.READY:
        return services.bulk_mark_ready(cycle, candidate_ids=ids, actor=actor)
    return services.bulk_remind(cycle, candidate_ids=ids, actor=actor)


def _tell(request, action: str, outcome: services.BulkOutcome) -> None:
    """How many changed; which were skipped, and why."""
    count = len(outcome.changed)
    plural = {
        BulkAction.ELIGIBLE: ngettext(
            "%(count)d candidate marked eligible.",
            "%(count)d candidates marked eligible.",
            count,
        ),
        BulkAction.INELIGIBLE: ngettext(
            "%(count)d candidate marked ineligible.",
            "%(count)d candidates marked ineligible.",
            count,
        ),
        BulkAction.READY: ngettext(
            "%(count)d candidate marked ready for the committee.",
            "%(count)d candidates marked ready for the committee.",
            count,
        ),
        BulkAction.REMIND: ngettext(
            "%(count)d organisation reminded.", "%(count)d organisations reminded.", count
        ),
    }
    messages.success(request, plural[action] % {"count": count})
    if outcome.skipped:
        named = "; ".join(f"{c.name} ({why})" for c, why in outcome.skipped[:NAMED])
        more = len(outcome.skipped) - NAMED
        if more > 0:
            named += " " + ngettext("and %(count)d more", "and %(count)d more", more) % {
                "count": more
            }
        messages.warning(
            request,
            ngettext(
                "%(count)d skipped: %(names)s.",
                "%(count)d skipped: %(names)s.",
                len(outcome.skipped),
            )
            % {"count": len(outcome.skipped), "names": named},
        )


def _confirm_ineligible(request, cycle, ids: list[int], emails: int, back: str):
    consequences = [
        ngettext(
            "%(count)d chosen candidate is marked ineligible, for the reason chosen.",
            "%(count)d chosen candidates are marked ineligible, for the reason chosen.",
            len(ids),
        )
        % {"count": len(ids)}
    ]
    if emails and notices_wait(cycle):
        consequences.append(
            ngettext(
                "%(count)d nominator will be told, in neutral words and without the reason, "
                "when nominations close.",
                "%(count)d nominators will be told, in neutral words and without the reason, "
                "when nominations close.",
                emails,
            )
            % {"count": emails}
        )
    elif emails:
        consequences.append(
            ngettext(
                "%(count)d nominator is told at once, in neutral words and without the reason.",
                "%(count)d nominators are told at once, in neutral words and without the reason.",
                emails,
            )
            % {"count": emails}
        )
    return confirmation(
        request,
        title=_("Mark the chosen candidates ineligible?"),
        consequences=consequences,
        emails=emails,
        irreversible=bool(emails) and not notices_wait(cycle),
        button=_("Mark ineligible"),
        cancel_url=back,
    )


def _confirm_remind(request, ids: list[int], emails: int, back: str):
    return confirmation(
        request,
        title=_("Remind the organisations now?"),
        consequences=[
            ngettext(
                "%(count)d organisation that has not answered yet is reminded by email to "
                "say whether it agrees to be considered.",
                "%(count)d organisations that have not answered yet are reminded by email to "
                "say whether they agree to be considered.",
                emails,
            )
            % {"count": emails},
            ngettext(
                "The other %(count)d chosen candidate is skipped.",
                "The other %(count)d chosen candidates are skipped.",
                len(ids) - emails,
            )
            % {"count": len(ids) - emails},
        ],
        emails=emails,
        irreversible=True,
        button=_("Send the reminders"),
        cancel_url=back,
    )


@login_required
def progress(request):
    """Who is ready for the committee, and what each of the others still needs."""
    cycle = cycle_for(request, "candidates.view_candidates")
    show = request.GET.get("show", "")
    show = show if show in readiness.PROGRESS_FILTERS else ""
    rows, counts = readiness.screening_progress(cycle, show=show)
    page = Paginator(rows, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "candidates/progress.html",
        {
            "cycle": cycle,
            "page": page,
            "markable": [row for row in page if row.can_be_marked],
            "counts": counts,
            "show": show,
            "areas": len(DiligenceArea),
            "pending": Consent.PENDING,
        },
    )
