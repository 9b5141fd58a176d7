"""The organisation's consent link: a candidate asked through it, the link, an upload."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from laurel.candidates import services
from laurel.candidates.models import Placement
from laurel.notifications.models import OutgoingEmail
from tests.candidates.consent_helpers import staff_member
from tests.candidates.helpers import confirmed

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def asked(cycle, *, name="Trygga Nätet", website="trygga.se", days=14, contact_name=""):
    nomination = confirmed(cycle, name, email="nominator.private@example.org", website=website)
    candidate = Placement.objects.get(nomination=nomination).candidate
    if contact_name:
        services.set_contact(
            candidate,
            name=contact_name,
            email=f"info@{website}",
            language="",
            actor=staff_member(),
        )
    token = services.invite_organisation(
        candidate,
        email=f"info@{website}",
        language="en",
        deadline=timezone.now() + timedelta(days=days),
        actor=staff_member(),
    )
    OutgoingEmail.objects.all().delete()
    return candidate, nomination, token


def url(token: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse("candidates:claim", args=[token])
