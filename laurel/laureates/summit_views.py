"""The summit for staff: the event, the participants and their summaries, visa letters."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from laurel.core.confirm import confirmation, confirmed
from laurel.core.downloads import content_as_download
from laurel.core.forms import refusals
from laurel.core.permissions import require
from laurel.core.tables import table_response
from laurel.core.texts import in_language
from laurel.cycles.queries import cycle_for
from laurel.laureates import documents, exports, queries, services
from laurel.laureates.enums import DelegateState
from laurel.laureates.forms import InformationForm, SummitForm
from laurel.laureates.models import Delegate, VisaRequest


def summaries(delegates) -> dict:
    """Rooms, diets and access needs for the organisers (needs only with consent)."""
    going = [d for d in delegates if d.state != DelegateState.CANCELLED]
    return {
        "rooms": [(d, (d.leave_on - d.arrive_on).days) for d in going if d.needs_room],
        "diets": [(d, d.dietary) for d in going if d.dietary and d.dietary_consent],
        "access": [
            (d, d.accessibility) for d in going if d.accessibility and d.accessibility_consent
        ],
        "interpretation": [(d, d.interpretation) for d in going if d.interpretation],
        "count": len(going),
    }


@login_required
@require_http_methods(["GET", "POST"])
def summit(request):
    cycle = cycle_for(request, "laureates.manage")
    event = queries.summit_of(cycle)
    form = SummitForm(request.POST or None, instance=event)
    status = 200
    if request.method == "POST":
        status = 400
        with timezone.override(cycle.zone):
            valid = form.is_valid()
        if valid:
            with refusals(request, form):
                services.define_summit(cycle, values=form.cleaned_data, actor=request.user)
                messages.success(request, _("The summit is saved."))
                return redirect("laureates:staff_summit")
    delegates = list(queries.participants(cycle))
    return render(
        request,
        "laureates/staff_summit.html",
        {
            "cycle": cycle,
            "summit": event,
            "form": form,
            "delegates": delegates,
            "summaries": summaries(delegates),
            "information_form": InformationForm(),
        },
        status=status,
    )


@login_required
@require_POST
def confirm(request, pk: int):
    require(request.user, "laureates.manage")
    delegate = get_object_or_404(Delegate, pk=pk)
    with refusals(request):
        services.confirm_delegate(delegate, actor=request.user)
    return redirect("laureates:staff_summit")


def _visa(pk: int) -> VisaRequest:
    return get_object_or_404(
        VisaRequest.objects.select_related(
            "delegate__laureate__candidate", "delegate__laureate__cycle"
        ),
        pk=pk,
    )


def _visa_page(request, visa: VisaRequest, *, revealed: bool = False):
    shown = {}
    if revealed:
        shown = {
            "nationality": documents.nationality_country(visa.nationality),
            "date_of_birth": documents.stored_date(visa.date_of_birth),
            "passport_expires_on": documents.stored_date(visa.passport_expires_on),
        }
    return render(
        request,
        "laureates/staff_visa.html",
        {
            "cycle": visa.delegate.laureate.cycle,
            "visa": visa,
            "delegate": visa.delegate,
            "summit": queries.summit_of(visa.delegate.laureate.cycle),
            "revealed": revealed,
            "languages": documents.LETTER_LANGUAGES,
            **shown,
        },
    )


@login_required
def visa(request, pk: int):
    """What staff check before approving a request: masked until they ask to see it."""
    require(request.user, "laureates.manage")
    return _visa_page(request, _visa(pk))


@login_required
@require_POST
def reveal_passport(request, pk: int):
    """The full passport data, to compare with the passport's copy (a POST: the read is
    logged)."""
    require(request.user, "laureates.manage")
    visa = _visa(pk)
    with refusals(request) as outcome:
        services.reveal_passport_data(visa, actor=request.user)
    if outcome.refused:
        return redirect("laureates:visa", pk=visa.pk)
    return _visa_page(request, visa, revealed=True)


@login_required
@require_POST
def approve_visa(request, pk: int):
    require(request.user, "laureates.manage")
    visa = get_object_or_404(VisaRequest, pk=pk)
    with refusals(request):
        services.approve_visa_letter(visa, actor=request.user)
        messages.success(request, _("Approved: the letter can be downloaded."))
    return redirect("laureates:visa", pk=visa.pk)


@login_required
def visa_letter(request, pk: int):
    """The letter as PDF, in the language asked (`?language=sv`), English by default."""
    require(request.user, "laureates.manage")
    visa = _visa(pk)
    cycle = visa.delegate.laureate.cycle
    language = request.GET.get("language", "en")
    if language not in documents.LETTER_LANGUAGES:
        language = "en"
    with refusals(request) as outcome:
        data = services.letter_data(visa, actor=request.user)
    if outcome.refused:
        return redirect("laureates:staff_summit")
    return content_as_download(
        documents.visa_letter(data, queries.summit_of(cycle), language=language),
        filename=f"invitation-{visa.reference}-{language}.pdf",
        kind="pdf",
    )


@login_required
def guests_csv(request):
    """The guest list for the venue and the hotel, with the needs delegates agreed to share
    (staff only, as the summit page)."""
    cycle = cycle_for(request, "laureates.manage")
    header, rows = exports.guest_list(queries.participants(cycle))
    return table_response(f"guests-{cycle.slug}", header, rows, "csv")


@login_required
@require_POST
def information(request):
    cycle = cycle_for(request, "laureates.manage")
    event = queries.summit_of(cycle)
    form = InformationForm(request.POST)
    if event is None or not form.is_valid():
        messages.error(request, _("Write a subject and a text in each language."))
        return redirect("laureates:staff_summit")
    people = len(queries.summit_recipients(cycle))
    if not confirmed(request, emails=people):
        return confirmation(
            request,
            title=_("Send the practical information?"),
            consequences=[
                ngettext(
                    "“%(subject)s” goes to %(count)d person: the confirmed delegates and "
                    "their laureates' contacts.",
                    "“%(subject)s” goes to %(count)d people: the confirmed delegates and "
                    "their laureates' contacts.",
                    people,
                )
                % {"subject": in_language(form.subjects(), get_language()), "count": people},
            ],
            emails=people,
            irreversible=True,
            button=_("Send it"),
            cancel_url=reverse("laureates:staff_summit"),
        )
    count = services.send_practical_information(
        event, subject=form.subjects(), text=form.texts(), actor=request.user
    )
    messages.success(request, _("Sent to %(count)d people.") % {"count": count})
    return redirect("laureates:staff_summit")
