"""The nomination form: a new nomination, its draft behind the private link, saving it."""

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from laurel.core.language import public_page, switched_from
from laurel.core.limits import HONEYPOT_FIELD
from laurel.cycles.queries import current_cycle_or_404
from laurel.nominations import challenge, services, submission_views
from laurel.nominations.enums import NominationState
from laurel.nominations.forms import NominationForm, initial_from
from laurel.nominations.gate import RequestGate
from laurel.nominations.late import session_late_code
from laurel.nominations.models import new_token

TOKEN_LENGTH = range(20, 64)


def _takesession_late_code(request, cycle):
    """The closed page's form: a valid code opens the form for this browser."""
    if services.find_late_code(cycle, request.POST.get("late_code", "")) is None:
        messages.error(request, _("This late-submission code is not valid, or was used already."))
    else:
        request.session["late_code"] = request.POST["late_code"].strip().upper()
    return redirect("nominations:nominate")


@public_page
@never_cache
@require_http_methods(["GET", "POST"])
def nominate(request):
    """A new nomination. Its private token is made here and travels in the form, so the first
    save, a double click or a retry all reach the same draft."""
    cycle = current_cycle_or_404()
    if request.method == "POST":
        if "token" not in request.POST and "late_code" in request.POST:
            return _takesession_late_code(request, cycle)
        token = request.POST.get("token", "")
        if len(token) not in TOKEN_LENGTH:
            raise Http404
        return _save(request, cycle, token, nomination=None)
    if not services.is_open(cycle, late_code=session_late_code(request, cycle)):
        return render(request, "nominations/closed.html", {"cycle": cycle})
    token, _hash = new_token()
    language = translation.get_language()
    # Built only if the cached fragments of the blank form are missing.
    form = SimpleLazyObject(
        lambda: NominationForm(
            cycle=cycle, complete=False, initial={"preferred_language": language}
        )
    )
    return _form_page(request, cycle, form, token, nomination=None, blank=True)


@public_page
@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token: str):
    """The private link: the draft while it is one; later the nomination, to edit or withdraw."""
    nomination = services.find_by_token(token)
    if nomination is None:
        raise Http404
    cycle = nomination.cycle
    if request.method == "POST":
        return _save(request, cycle, token, nomination=nomination)
    if nomination.state == NominationState.DRAFT and services.is_open(
        cycle, late_code=session_late_code(request, cycle)
    ):
        # ?check=1 (submission_views.CHECK): the draft checked as for submitting, each missing
        # answer marked, when the review found it incomplete.
        checking = bool(request.GET.get(submission_views.CHECK))
        saved = initial_from(nomination)
        previous = switched_from(request)
        if previous and saved.get("preferred_language") == previous:
            # The emails' language was the page's (the form's default): it follows the language
            # switch too, until the nominator chooses one apart; the next save keeps it.
            saved["preferred_language"] = translation.get_language()
        # A draft that holds a field as typed, failing its check, shows it with its message
        # again (after a change of language, or coming back by the private link).
        form = NominationForm(
            saved if checking or nomination.unchecked else None,
            cycle=cycle,
            complete=checking,
            initial=saved,
            existing_attachments=_evidence_count(nomination),
            held_files=services.held_files(nomination),
        )
        removing = request.GET.get("remove", "")
        confirming = (
            nomination.attachments.filter(pk=int(removing)).first() if removing.isdigit() else None
        )
        return _form_page(request, cycle, form, token, nomination, confirming=confirming)
    return submission_views.manage_submitted(request, nomination, token)


def _form_page(request, cycle, form, token, nomination, status=200, blank=False, confirming=None):
    return render(
        request,
        "nominations/form.html",
        {
            "cycle": cycle,
            "form": form,
            "token": token,
            "nomination": nomination,
            # Called by the template only if the cached fragments are missing: a lambda, because
            # even naming `form.sections` would build the lazy blank form.
            "sections": lambda: form.sections(),
            # The documents of evidence; a question's file is shown at its question.
            "attachments": nomination.attachments.filter(question="") if nomination else [],
            # A new, empty form is the same for everyone: its fields come from the cache.
            "blank": blank,
            # The document whose removal waits for a second click.
            "confirming": confirming,
            # Once there is a draft, the language links lead to it, not to a blank form.
            "language_base": _manage_url(token) if nomination else None,
        },
        status=status,
    )


def _save(request, cycle, token, nomination):
    """Save what was typed (a draft, or an edit of a submitted nomination), then go on. A body
    larger than the form takes never gets here (core.limits refuses it before it is read)."""
    action = request.POST.get("action", "save")
    submitted = nomination is not None and nomination.state != NominationState.DRAFT
    existing = nomination
    if existing is None and request.FILES.getlist("attachments"):
        # The form at /nominate/ (its autosave, or Back after a save, made the draft): the
        # documents that draft holds count towards the limit, or a fourth would go unsaid.
        existing = services.find_by_token(token)
    # The file this request removes (a draft's "Yes, remove it"; an edit stages a removal at
    # once) answers its question no more: a required question asks for another.
    going = request.POST.get("remove_attachment" if submitted else "confirm_removal", "")
    form = NominationForm(
        request.POST,
        request.FILES,
        cycle=cycle,
        complete=action == "review" or submitted,
        existing_attachments=_evidence_count(existing) if existing else 0,
        # The form at /nominate/ saves a draft made by an earlier save or autosave of the same
        # page: the files its questions hold are looked up only if a `file` question asks.
        held_files=SimpleLazyObject(
            lambda: services.held_files(nomination or services.find_by_token(token))
        ),
        removing=int(going) if going.isdigit() else None,
    )
    valid = form.is_valid()
    # Asked in the service's transaction: the counter and the draft commit together, once.
    gate = RequestGate(request)
    try:
        if submitted:
            return submission_views.save_edit(request, nomination, token, form, valid, gate)
        return _save_draft(request, cycle, token, form, valid, action, gate)
    except services.TooManySaves:
        typed = {"cycle": cycle, "typed": _typed_copy(form)}
        return render(request, "nominations/slow_down.html", typed, status=429)
    except services.NominationsClosed:
        typed = {"cycle": cycle, "typed": _typed_copy(form)}
        return render(request, "nominations/closed.html", typed, status=403)
    except services.NotEditable:
        return redirect("nominations:manage", token=token)
    except services.StorageFull:
        # Nothing was saved; the form comes back with everything typed, the files to add again.
        form.add_error(
            "attachments",
            _(
                "We could not store your documents just now, so nothing was saved. Your text "
                "is still here: please try again in a few minutes, or save without the documents."
            ),
        )
        return _form_page(request, cycle, form, token, nomination, status=507)


def _save_draft(request, cycle, token, form, valid, action, gate):
    nomination, _created = services.save_draft(
        cycle,
        token=token,
        data=form.nomination_data(),
        language=translation.get_language(),
        uploads=form.checked_uploads,
        late_code=session_late_code(request, cycle),
        honeypot=form.honeypot_filled,
        send_resume_link=action == "save",
        # An autosave or a plain save of a complete form keeps the draft ready for review.
        complete=form.passes_submission_checks(),
        gate=gate,
    )
    # Removing a document takes two clicks: "Remove" asks (everything typed is saved first),
    # "Yes, remove it" removes. Neither button is the form's default (Enter).
    asked = _attachment(nomination, request.POST.get("remove_attachment", ""))
    confirmed = _attachment(nomination, request.POST.get("confirm_removal", ""))
    if confirmed is not None:
        name = confirmed.original_name
        services.remove_attachment(confirmed)
        messages.success(request, _("“%(name)s” was removed.") % {"name": name})
        return redirect("nominations:manage", token=token)
    if asked is not None:
        return redirect(f"{_manage_url(token)}?remove={asked.pk}#confirm-removal")
    if request.htmx and action == "autosave":
        response = render(
            request,
            "nominations/form.html#autosave-status",
            {"nomination": nomination, "draft_urls": _draft_urls(token, nomination.cycle)},
        )
        # The page moves to the draft's private address: reload, bookmark or the language
        # switch now reach the draft, not a blank form.
        response["HX-Replace-Url"] = _manage_url(token)
        return response
    if not valid:
        messages.error(request, _("Please correct the fields marked below. Your draft is saved."))
        return _form_page(request, cycle, form, token, nomination, status=200)
    if action == "review":
        return redirect("nominations:review", token=token)
    if nomination.email_withheld:
        # Neutral: the address has had its share of our emails for this hour.
        # No email carries the private link this time: the page's own address is the link.
        saved = _(
            "Your draft is saved. We sent no email this time: this address has had several "
            "from us in the last hour. Bookmark this page: its address is your private link "
            "to the draft."
        )
    else:
        saved = _(
            "Your draft is saved. You can come back to it with your private link; we emailed "
            "it to you if you gave your address."
        )
    messages.success(request, saved)
    return redirect("nominations:manage", token=token)


def _evidence_count(nomination) -> int:
    """The documents of evidence held, as a change not yet confirmed would leave them."""
    return services.MAX_ATTACHMENTS - services.documents_room(nomination)


def _attachment(nomination, pk: str):
    return nomination.attachments.filter(pk=int(pk)).first() if pk.isdigit() else None


def _manage_url(token: str) -> str:
    return reverse("nominations:manage", kwargs={"token": token})


def _draft_urls(token: str, cycle) -> dict[str, str]:
    """The draft's private address in each language, for the language links after an autosave."""
    urls = {}
    for code in cycle.public:
        with translation.override(code):
            urls[code] = _manage_url(token)
    return urls


def _typed_copy(form) -> list[tuple[str, str]]:
    """What the nominator typed, to copy and keep when the deadline has passed."""
    copy = []
    for name, field in form.fields.items():
        value = form.data.get(name, "")
        if value and isinstance(value, str) and name != HONEYPOT_FIELD:
            copy.append((strip_tags(str(field.label)), value))  # a label may be marked up
    return copy


@public_page
@never_cache
@require_GET
def altcha_challenge(request):
    return JsonResponse(challenge.new_challenge())
