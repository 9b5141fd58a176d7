from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from laurel.core.ratelimit import over_limit
from laurel.notifications.services import queue_rendered_email

# django-allauth's emails to one address an hour (reset keys, "no account with this address",
# security notices): its own limits count requests per form and per 15 minutes; this caps what
# one inbox can be sent by someone typing its address.
EMAILS_PER_ADDRESS_PER_HOUR = 5


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # Accounts come only from invitations; nominators need none.
        return False

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
        )

    def get_login_redirect_url(self, request) -> str:
        """Where each role starts: staff at the dashboard, the committee at its page, laureate
        contacts in their programme area; anyone else at the call."""
        from django.urls import reverse

        from laurel.accounts.enums import Role

        roles = request.user.role_set() if request.user.is_authenticated else set()
        for role, page in (
            (Role.STAFF, "staff:dashboard"),
            (Role.FINANCE, "laureates:payments"),
            (Role.COMMITTEE_CHAIR, "review:home"),
            (Role.COMMITTEE_MEMBER, "review:home"),
            (Role.LAUREATE_CONTACT, "laureates:home"),
        ):
            if role in roles:
                return reverse(page)
        return reverse("nominations:call")
