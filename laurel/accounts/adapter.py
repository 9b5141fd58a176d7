from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from laurel.notifications.services import queue_rendered_email


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # Accounts come only from invitations; nominators need none.
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's emails go through our outbox too: retried on failure, visible to staff."""
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
