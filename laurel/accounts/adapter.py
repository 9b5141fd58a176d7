import ipaddress

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.internal.flows.login import record_authentication
from allauth.account.signals import password_reset
from allauth.core import context as allauth_request_context
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy

from laurel.core import crypto
from laurel.core.http import client_ip, forwarded_hops
from laurel.core.ratelimit import Backoff, over_limit, take_turn
from laurel.notifications.services import queue_rendered_email

# Sign-in back-off (instead of allauth's hard lock after five failures per address and per
# account). Each failure past the free allowance doubles the wait, up to 15 minutes:
# - per account and address: someone guessing one account from one place is slowed at once;
# - per address, looser: one place guessing many accounts (an office behind one address has
#   room for its people's typos);
# - per account from anywhere, loosest, and not applied to a browser this account has signed
#   in from before (a signed cookie): many places guessing one account slow its guessers, not
#   its owner at their usual browser; elsewhere the owner waits at most 15 minutes, or resets
#   the password, which clears the account's count.
SIGN_IN_PAIR = Backoff("sign-in-pair", free=5, ceiling=15 * 60)
SIGN_IN_ADDRESS = Backoff("sign-in-address", free=30, ceiling=15 * 60)
SIGN_IN_ACCOUNT = Backoff("sign-in-account", free=20, ceiling=15 * 60)
# The second-factor step is reached only with the right password; the same shape of back-off.
SECOND_FACTOR_PAIR = Backoff("second-factor-pair", free=5, ceiling=15 * 60)
SECOND_FACTOR_ACCOUNT = Backoff("second-factor-account", free=10, ceiling=15 * 60)

KNOWN_BROWSER_COOKIE = "laurel_known"
KNOWN_BROWSER_SALT = "laurel.accounts.known-browser"
KNOWN_BROWSER_DAYS = 180


def _account_mark(login: str) -> str:
    """A keyed digest of the address: the cookie does not say which account it is for."""
    return salted_hmac(KNOWN_BROWSER_SALT, login.strip().lower()).hexdigest()[:32]


def _known_browser(request, login: str) -> bool:
    mark = request.get_signed_cookie(KNOWN_BROWSER_COOKIE, default=None, salt=KNOWN_BROWSER_SALT)
    return mark is not None and mark == _account_mark(login)


def _address(request) -> str:
    """The client's address; for IPv6 its /64, which one machine usually has whole."""
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    return str(ipaddress.ip_network(f"{ip}/64", strict=False)) if ip.version == 6 else address


def _sign_in_rules(request, login: str) -> list[tuple[Backoff, str]]:
    address, account = _address(request), login.strip().lower()
    rules = [(SIGN_IN_PAIR, f"{account}|{address}"), (SIGN_IN_ADDRESS, address)]
    if not _known_browser(request, account):
        rules.append((SIGN_IN_ACCOUNT, account))
    return rules


def _second_factor_rules(request, user) -> list[tuple[Backoff, str]]:
    address = _address(request)
    return [
        (SECOND_FACTOR_PAIR, f"{user.pk}|{address}"),
        (SIGN_IN_ADDRESS, address),
        (SECOND_FACTOR_ACCOUNT, str(user.pk)),
    ]


@receiver(password_reset, dispatch_uid="laurel.accounts.reset_clears_backoff")
def forgive_after_password_reset(sender, request, user, **kwargs) -> None:
    """A password reset (its link proves the mailbox) clears the account's back-off: the way in
    for an owner whose account strangers keep slowing down."""
    account = user.email.strip().lower()
    SIGN_IN_ACCOUNT.forgive(account)
    SIGN_IN_PAIR.forgive(f"{account}|{_address(request)}")


# django-allauth's emails to one address an hour (reset keys, "no account with this address",
# security notices): its own limits count requests per form and per 15 minutes; this caps what
# one inbox can be sent by someone typing its address.
EMAILS_PER_ADDRESS_PER_HOUR = 5


class AccountAdapter(DefaultAccountAdapter):
    # The back-off's refusal says how long at most (the ceiling above), for the password and the
    # second-factor code alike; allauth's own says only "later".
    error_messages = DefaultAccountAdapter.error_messages | {
        # allauth's Swedish for this one is not the site's ("Epost-adressen och/eller").
        "email_password_mismatch": gettext_lazy(
            "The email address and/or password you specified are not correct."
        ),
        "too_many_login_attempts": gettext_lazy(
            "Too many wrong attempts. Wait a moment (at most 15 minutes) and try again."
        ),
    }

    def is_open_for_signup(self, request) -> bool:
        # Accounts come only from invitations; nominators need none.
        return False

    def pre_authenticate(self, request, **credentials) -> None:
        """Laurel's back-off replaces allauth's login_failed lock (see SIGN_IN_PAIR)."""
        login = credentials.get("email", credentials.get("username", "")) or ""
        if not take_turn(_sign_in_rules(request, login)):
            raise self.validation_error("too_many_login_attempts")

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is not None:
            # The right password: this account's counts start again; the address only takes
            # back this attempt, so that signing in now and then does not hide a guesser.
            login = (credentials.get("email", credentials.get("username", "")) or "").lower()
            SIGN_IN_ACCOUNT.forgive(login.strip())
            for rule, identity in _sign_in_rules(request, login):
                (rule.forgive_one if rule is SIGN_IN_ADDRESS else rule.forgive)(identity)
        return user

    def post_login(self, request, user, **kwargs):
        """Remember this browser for this account: the account-wide back-off, which strangers
        can drive, does not apply to it."""
        response = super().post_login(request, user, **kwargs)
        response.set_signed_cookie(
            KNOWN_BROWSER_COOKIE,
            _account_mark(user.email),
            salt=KNOWN_BROWSER_SALT,
            max_age=KNOWN_BROWSER_DAYS * 24 * 3600,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
        return response

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's emails go through our outbox too: retried on failure, visible to staff.
        Past the hourly limit for the address nothing is sent (the page says the same)."""
        if over_limit("account-email-to", email, limit=EMAILS_PER_ADDRESS_PER_HOUR, window=3600):
            return
        from allauth.account.adapter import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {
                "request": request,
                "email": email,
                "current_site": get_current_site(request),
                **context,
            },
        )
        html = next(
            (
                body
                for body, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        queue_rendered_email(
            template_prefix,
            to=email,
            language=translation.get_language() or "en",
            subject=message.subject,
            text=message.body,
            html=html,
            context=context,  # its reset and confirm links are kept out of the stored bodies
        )

    def get_client_ip(self, request) -> str:
        """The address allauth's rate limits count: the same as ours (core.http.client_ip).
        Behind a proxy, a request without the proxy's header did not come through it: refused."""
        if settings.TRUSTED_PROXY_HEADER and not forwarded_hops(request):
            raise PermissionDenied("The request did not come through the proxy.")
        return client_ip(request)

    def get_login_redirect_url(self, request) -> str:
        """Where each role starts: staff at the dashboard, the committee at its page, laureate
        contacts in their programme area; anyone else at the call."""
        from laurel.accounts.queries import start_page

        return start_page(request.user)


class MFAAdapter(DefaultMFAAdapter):
    """Second-factor secrets (TOTP keys, recovery-code seeds) are stored encrypted with the
    field keys (core.crypto): a copy of the database or a backup holds no usable secret."""

    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.decrypt(encrypted_text)


class _BackedOffCode:
    """The second-factor code, behind the same kind of back-off as the password."""

    def clean_code(self) -> str:
        rules = _second_factor_rules(allauth_request_context.request, self.user)
        if not take_turn(rules):
            raise get_account_adapter().validation_error("too_many_login_attempts")
        code = super().clean_code()  # raises on a wrong code: the failure stays counted
        for rule, identity in rules:
            (rule.forgive_one if rule is SIGN_IN_ADDRESS else rule.forgive)(identity)
        return code


class SecondFactorForm(_BackedOffCode, AuthenticateForm):
    pass


class SecondFactorReauthenticateForm(_BackedOffCode, ReauthenticateForm):
    pass


class EnrolTOTPForm(ActivateTOTPForm):
    """Activating an authenticator app means typing a code it made: the session has passed the
    second factor, as signing in with it would have recorded (the accounts middleware asks)."""

    def clean_code(self) -> str:
        code = super().clean_code()
        request = allauth_request_context.request
        record_authentication(request, self.user, "mfa", type="totp", enrolled=True)
        return code
