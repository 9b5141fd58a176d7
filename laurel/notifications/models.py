import json

from django.db import models
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from laurel.core.crypto import EncryptedTextField
from laurel.core.models import TimeStamped
from laurel.notifications.enums import EmailState


def link_placeholder(number: int) -> str:
    """What stands in the stored body for an email's capability link number `number` (from 1):
    plain ASCII that HTML escaping leaves alone, inert if copied, plain to staff in a preview."""
    return f"[private-link-{number}]"


class OutgoingEmail(TimeStamped):
    """One email, rendered when it was queued and kept until sent (the outbox).

    The bodies hold no capability link (ARCHITECTURE rule 9: a copy of the database opens
    nothing): each one is a `link_placeholder`, and the links themselves wait in `links`,
    encrypted with the field keys (which backups do not hold), until the email is sent or
    cancelled; then they are gone. `with_links` puts them back in for the sending task only.
    """

    key = models.CharField(_("kind"), max_length=60, db_index=True)
    to = models.EmailField(_("to"))
    language = models.CharField(_("language"), max_length=8)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    # Who it comes from and where replies go: the award's own sender (services.sender_of),
    # fixed when queued. Blank in rows queued before these existed: DEFAULT_FROM_EMAIL then.
    from_email = models.CharField(_("from"), max_length=200, blank=True)
    reply_to = models.CharField(_("reply to"), max_length=200, blank=True)
    # The capability links, a JSON list in placeholder order, encrypted; "" once sent or cancelled.
    links = EncryptedTextField(blank=True, default="")
    state = models.CharField(
        _("state"), max_length=12, choices=EmailState.choices, default=EmailState.QUEUED
    )
    # A group of held emails released together (decision letters: "decision:<cycle id>").
    batch = models.CharField(max_length=60, blank=True, db_index=True)
    # Never delivered before this moment, whoever releases it (an embargo).
    not_before = models.DateTimeField(_("not before"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # The kind of error only (exception class and SMTP code): never the message body.
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("email")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self) -> str:
        return f"{self.key} → {self.to}"

    def with_links(self) -> tuple[str, str]:
        """The plain text and HTML bodies as the recipient gets them, links in place."""
        text, html = self.body_text, self.body_html
        for number, link in enumerate(json.loads(self.links) if self.links else [], 1):
            placeholder, safe = link_placeholder(number), escape(link)
            text = text.replace(placeholder, link)
            # In an attribute (href="…") the link itself; in the text (a letter staff edited,
            # its HTML made from plain text) a link to click.
            html = html.replace(f'"{placeholder}"', f'"{safe}"')
            html = html.replace(f">{placeholder}</a>", f">{safe}</a>")  # already a link's text
            html = html.replace(placeholder, f'<a href="{safe}">{safe}</a>')
        return text, html


class Suppression(models.Model):
    """An address Laurel must not write to: processing restricted at the person's request
    (privacy app). Emails to it are kept as a record, cancelled, never rendered or sent."""

    address = models.EmailField(unique=True)  # stored lower-case
    reason = models.CharField(max_length=60)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"suppressed: {self.reason}"

    @classmethod
    def covers(cls, address: str) -> bool:
        return cls.objects.filter(address=address.strip().lower()).exists()
