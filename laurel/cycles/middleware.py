"""Every view shows a phase refusal as a message (never a 500): views that must keep what was
typed catch PhaseRefused themselves; any other caller is sent back to the page it came from.
Every page is served in a language its award offers on it (LanguageGate)."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path

from laurel.core.language import best_language, is_public_page
from laurel.cycles.identity import site_cycle
from laurel.cycles.phases import PhaseRefused


class PhaseRefusedMessage:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PhaseRefused):
            return None
        messages.error(request, exception.message)
        back = request.headers.get("referer", "")
        safe = url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        if not safe or (request.method == "GET" and back == request.build_absolute_uri()):
            back = "/"
        if getattr(request, "htmx", False):
            return HttpResponse(status=204, headers={"HX-Redirect": back})
        return HttpResponseRedirect(back)


class LanguageGate:
    """A page is served only in a language the award offers on it: a public page (marked with
    core.language.public_page) in the award's public languages, any other page in its working
    languages. A page asked for in another language (/de/staff/…, or /pl/ for an award that has
    no Polish) is sent to the same page in the language the visitor prefers among those offered;
    a form sent to such a page is handled in that language, never redirected (nothing lost).
    The languages offered on the page are on the request, for the language switch."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        language = get_language_from_path(request.path_info)
        if language is None:
            return None
        cycle = request.site_cycle = site_cycle()
        working = cycle.working if cycle else list(settings.WORKING_LANGUAGES)
        offered = (cycle.public if cycle else working) if is_public_page(view_func) else working
        request.offered_languages = offered
        if language in offered:
            return None
        best = best_language(request, offered)
        if request.method not in ("GET", "HEAD"):
            # A form sent from a page in a language no longer offered (the award's languages
            # changed while it was open): a redirect would lose what it carries, so it is
            # handled, and answered in the language the visitor prefers among those offered.
            translation.activate(best)
            request.LANGUAGE_CODE = best
            return None
        return HttpResponseRedirect(translate_url(request.get_full_path(), best))
