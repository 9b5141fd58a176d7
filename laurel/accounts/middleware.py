import time

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import resolve
from django.urls.exceptions import Resolver404
from django.utils.translation import gettext as _

from laurel.accounts.signals import SIGNED_IN_AT
from laurel.core.permissions import passed_second_factor

# What a user who must enrol a second factor may still reach: enrolment itself, signing out, and
# the health probes (which show nobody anything).
ENROLMENT_VIEWS = {
    "healthz",
    "readyz",
    "mfa_activate_totp",
    "mfa_index",
    "mfa_view_recovery_codes",
    "mfa_download_recovery_codes",
    "mfa_generate_recovery_codes",
    "account_logout",
    "account_reauthenticate",
    "set_language",
}
# What any signed-in user may reach whatever their second factor: the probes, signing out,
# the language switch, static files, the API and pages that do not exist.
OPEN = "(open)"
ALWAYS_OPEN = {OPEN, "healthz", "readyz", "account_logout", "set_language"}


def _sign_out_to_login(request, message: str):
    """End the session and send the person to the sign-in page, back here afterwards. An htmx
    request (a polling fragment) is told to load the sign-in page as a whole page."""
    path = request.get_full_path()
    logout(request)
    messages.info(request, message)
    response = redirect_to_login(path)
    if request.headers.get("HX-Request"):
        hx = HttpResponse(status=204)
        hx["HX-Redirect"] = response.url
        return hx
    return response


class SecondFactorRequiredMiddleware:
    """Staff, finance, committee and superusers reach no page but enrolment until they have a
    second factor, and none at all with a session that did not pass it (a password alone, or a
    session made some other way than allauth's sign-in)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not (user.is_authenticated and user.needs_second_factor):
            return self.get_response(request)
        view = self._view_name(request)
        if view in ALWAYS_OPEN:
            return self.get_response(request)
        if not Authenticator.objects.filter(user=user).exists():
            if view in ENROLMENT_VIEWS:
                return self.get_response(request)
            messages.warning(
                request,
                _("Your role needs a second factor. Set up an authenticator app to continue."),
            )
            return redirect("mfa_activate_totp")
        if not passed_second_factor(request):
            # Not even the second-factor pages (recovery codes!) for such a session.
            return _sign_out_to_login(
                request, _("Sign in again, with your second factor, to continue.")
            )
        return self.get_response(request)

    @staticmethod
    def _view_name(request) -> str:
        if request.path.startswith(("/static/", "/api/")):
            return OPEN  # the API is opened by tokens, never by a session
        try:
            return resolve(request.path_info).url_name or ""
        except Resolver404:
            return OPEN  # a 404 page reveals nothing


class SessionLifetimeMiddleware:
    """A signed-in session ends SESSION_ABSOLUTE_HOURS after its sign-in, however busy it is:
    the idle timeout alone would let a page that polls (the meeting page) keep it for ever."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            signed_in_at = request.session.get(SIGNED_IN_AT)
            if not isinstance(signed_in_at, int | float):
                # A session from before this rule: its lifetime starts now.
                request.session[SIGNED_IN_AT] = time.time()
            elif time.time() - signed_in_at > settings.SESSION_ABSOLUTE_HOURS * 3600:
                return _sign_out_to_login(
                    request, _("Your session has ended. Sign in again to continue.")
                )
        return self.get_response(request)
