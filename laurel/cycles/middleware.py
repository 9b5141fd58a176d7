"""Every view shows a phase refusal as a message (never a 500): views that must keep what was
typed catch PhaseRefused themselves; any other caller is sent back to the page it came from."""

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

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
