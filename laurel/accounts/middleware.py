from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import resolve
from django.urls.exceptions import Resolver404
from django.utils.translation import gettext as _

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


class SecondFactorRequiredMiddleware:
    """Staff, finance and committee reach no page but enrolment until they have a second factor."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and user.needs_second_factor
            and not self._allowed(request)
            and not Authenticator.objects.filter(user=user).exists()
        ):
            messages.warning(
                request,
                _("Your role needs a second factor. Set up an authenticator app to continue."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _allowed(request) -> bool:
        if request.path.startswith(("/static/", "/api/")):
            return True  # the API is opened by tokens, never by a session
        try:
            return resolve(request.path_info).url_name in ENROLMENT_VIEWS
        except Resolver404:
            return True  # a 404 page reveals nothing
