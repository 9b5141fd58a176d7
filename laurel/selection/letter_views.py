"""The decision letters (staff): write them, read and change each one (recipient, language,
text), and release them all at the announcement, after a confirmation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from laurel.core.confirm import confirmation, confirmed
from laurel.core.forms import refusals
from laurel.core.permissions import require
from laurel.cycles.queries import cycle_for
from laurel.notifications.enums import EmailState
from laurel.selection import queries, services
from laurel.selection.enums import DecisionState, LetterKind
from laurel.selection.forms import LetterForm, LettersForm, RecipientForm
from laurel.selection.models import Letter


def _missing(decision) -> list[tuple[str, list[str]]]:
    """(kind of letter, names) of the organisations that get no letter for want of a contact."""
    locked = decision is not None and decision.state == DecisionState.LOCKED
    missing = services.without_contact(decision) if locked else {}
    return [(LetterKind(kind).label, names) for kind, names in missing.items()]


def _dates_chosen(decision, zone) -> dict:
    """The announcement and answer dates the letters were last written with, in the award's
    local time, so that writing them again does not ask for both anew."""
    if decision is None or decision.announce_at is None:
        return {}
    respond_by = (
        decision.places.exclude(respond_by=None).values_list("respond_by", flat=True).first()
    )
    chosen = {"announce_at": decision.announce_at, "respond_by": respond_by}
    return {
        name: timezone.localtime(moment, zone).replace(tzinfo=None)
        for name, moment in chosen.items()
        if moment is not None
    }


@login_required
@require_http_methods(["GET", "POST"])
def letters(request):
    cycle = cycle_for(request, "selection.manage")
    decision = queries.decision_of(cycle)
    form = LettersForm(request.POST or None, initial=_dates_chosen(decision, cycle.zone))
    status = 200
    if request.method == "POST":
        with timezone.override(cycle.zone):  # the dates are the award's local times
            valid = form.is_valid()
        if valid and decision is not None:
            with refusals(request, form):
                counts = services.prepare_letters(decision, **form.cleaned_data, actor=request.user)
                messages.success(
                    request,
                    _("%(count)d letters wait in the outbox until you release them.")
                    % {"count": sum(counts.values())},
                )
                return redirect("selection:letters")
            status = 409
        else:
            status = 400
    all_letters = list(queries.letters_of(decision))
    return render(
        request,
        "selection/letters.html",
        {
            "cycle": cycle,
            "decision": decision,
            "form": form,
            "letters": all_letters,
            "edited": sum(letter.edited or letter.readdressed for letter in all_letters),
            "missing": _missing(decision),
            "now": timezone.now(),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def letter(request, pk: int):
    letter = get_object_or_404(
        Letter.objects.select_related("decision__cycle", "candidate", "email"), pk=pk
    )
    cycle = letter.decision.cycle
    require(request.user, "selection.manage", cycle)
    text_form = LetterForm(
        request.POST if "text" in request.POST else None,
        initial={"subject": letter.subject, "text": letter.body},
    )
    recipient_form = RecipientForm(
        request.POST if "to" in request.POST else None,
        initial={"to": letter.to, "language": letter.language},
    )
    form = text_form if "text" in request.POST else recipient_form
    if request.method == "POST" and form.is_valid():
        with refusals(request):
            if form is text_form:
                services.edit_letter(
                    letter,
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["text"],
                    actor=request.user,
                )
                done = _("The letter is changed; writing the letters again keeps your edit.")
            else:
                services.readdress_letter(letter, **form.cleaned_data, actor=request.user)
                done = _("The letter now goes to %(to)s, in %(language)s.") % {
                    "to": form.cleaned_data["to"],
                    "language": dict(RecipientForm.base_fields["language"].choices)[
                        form.cleaned_data["language"]
                    ],
                }
            messages.success(request, done)
        return redirect("selection:letters")
    return render(
        request,
        "selection/letter.html",
        {
            "cycle": cycle,
            "letter": letter,
            "email": letter.email,
            "text_form": text_form,
            "recipient_form": recipient_form,
            "held": letter.email is not None and letter.email.state == EmailState.HELD,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def release(request):
    cycle = cycle_for(request, "selection.manage")
    decision = queries.decision_of(cycle)
    held = services.held_by_kind(decision) if decision is not None else {}
    if decision is not None and not confirmed(request, emails=sum(held.values())):
        missing = _missing(decision)
        return confirmation(
            request,
            title=_("Release the decision letters and announce the decision?"),
            consequences=[
                ngettext(
                    "%(count)d letter to a laureate, with its private link to accept",
                    "%(count)d letters to laureates, each with its private link to accept",
                    held[LetterKind.LAUREATE],
                )
                % {"count": held[LetterKind.LAUREATE]},
                ngettext(
                    "%(count)d letter to a reserve",
                    "%(count)d letters to reserves",
                    held[LetterKind.RESERVE],
                )
                % {"count": held[LetterKind.RESERVE]},
                ngettext(
                    "%(count)d letter to a candidate not selected",
                    "%(count)d letters to candidates not selected",
                    held[LetterKind.NOT_SELECTED],
                )
                % {"count": held[LetterKind.NOT_SELECTED]},
                ngettext(
                    "%(count)d letter to a nominator",
                    "%(count)d letters to nominators",
                    held[LetterKind.NOMINATOR],
                )
                % {"count": held[LetterKind.NOMINATOR]},
                _(
                    "The decision is announced: it cannot be taken back, and no letter can be "
                    "changed afterwards."
                ),
                *[
                    _("No letter for want of a contact (%(kind)s): %(names)s")
                    % {"kind": kind, "names": ", ".join(names)}
                    for kind, names in missing
                ],
            ],
            emails=sum(held.values()),
            irreversible=True,
            button=_("Release every letter and announce the decision"),
            cancel_url=reverse("selection:letters"),
        )
    with refusals(request):
        if decision is None:
            raise services.SelectionError(_("There is no decision yet."))
        count = services.release_letters(decision, actor=request.user)
        messages.success(
            request,
            _(
                "%(count)d letters are on their way. The laureates page names each laureate "
                "once it has accepted the award and agreed to be named."
            )
            % {"count": count},
        )
    return redirect("selection:letters")
