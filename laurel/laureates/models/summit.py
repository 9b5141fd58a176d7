from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from laurel.core.crypto import EncryptedTextField
from laurel.core.models import TimeStamped
from laurel.core.personal import Kind, Personal
from laurel.core.texts import in_language
from laurel.laureates.enums import Booking, DelegateState, VisaState


class EncryptedLineField(EncryptedTextField):
    """Encrypted at rest like the passport fields, and typed on one line (an input, as before)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"widget": forms.TextInput, **kwargs})


def translated(verbose_name: str) -> models.JSONField:
    """A text in every language of the site, {"sv": "...", "en": "..."}, as the cycle's."""
    return models.JSONField(verbose_name, default=dict, blank=True)


class Summit(TimeStamped):
    """The summit and award ceremony of one cycle, as staff define it. What laureates and
    consulates read is kept in each language (title, programme, accommodation, costs); names
    and addresses are one text."""

    cycle = models.OneToOneField("cycles.Cycle", on_delete=models.CASCADE, related_name="summit")
    title = translated(_("title"))
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    place = models.CharField(_("place"), max_length=200)
    address = models.TextField(_("address"), max_length=500)
    programme = translated(_("programme"))
    ceremony_at = models.DateTimeField(_("award ceremony"))
    places_per_laureate = models.PositiveSmallIntegerField(_("delegates per laureate"), default=2)
    registration_closes_at = models.DateTimeField(_("registration closes"))
    accommodation = translated(_("accommodation (for visa letters)"))
    costs = translated(_("what the organiser pays (for visa letters)"))
    host = models.TextField(_("inviting organisation and its address"), max_length=500)
    signatory = models.CharField(_("who signs the visa letters"), max_length=200)
    signatory_title = models.CharField(_("the signatory's title"), max_length=200, blank=True)
    # Passport data is deleted this many days after the last day.
    passport_days = models.PositiveSmallIntegerField(
        _("days after the summit before passport data is deleted"), default=30
    )

    def __str__(self) -> str:
        return in_language(self.title, "en")


class Delegate(TimeStamped):
    """A person a laureate sends to the summit."""

    laureate = models.ForeignKey(
        "laureates.Laureate", on_delete=models.CASCADE, related_name="delegates"
    )
    full_name = models.CharField(_("full name, as in the passport"), max_length=200)
    role = models.CharField(_("role in the organisation"), max_length=120)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40)
    travelling_from = models.CharField(_("travelling from (city, country)"), max_length=200)
    arrive_on = models.DateField(_("arrives"))
    leave_on = models.DateField(_("leaves"))
    booking = models.CharField(_("travel booked by"), max_length=12, choices=Booking.choices)
    needs_room = models.BooleanField(_("needs a hotel room"), default=True)
    # Special-category data (health): kept only with the delegate's explicit consent, and like
    # the emergency contact encrypted at rest (ARCHITECTURE rule 9). Never searched or sorted.
    dietary = EncryptedLineField(_("dietary needs"), max_length=500, blank=True)
    dietary_consent = models.BooleanField(
        _("I agree that the organiser keeps my dietary needs for this event"), default=False
    )
    accessibility = EncryptedLineField(_("accessibility needs"), max_length=500, blank=True)
    accessibility_consent = models.BooleanField(
        _("I agree that the organiser keeps my accessibility needs for this event"),
        default=False,
    )
    interpretation = models.CharField(_("interpretation needs"), max_length=200, blank=True)
    emergency_contact = EncryptedLineField(_("emergency contact (name, phone)"), max_length=200)
    needs_visa = models.BooleanField(_("needs a Schengen visa"), default=False)
    state = models.CharField(
        max_length=10, choices=DelegateState.choices, default=DelegateState.REGISTERED
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # Not stored: set by services.change_delegate when a change sent the visa letter back.
    letter_sent_back: bool = False

    PERSONAL = Personal(
        {
            Kind.CONTACT: ("full_name", "role", "email", "phone", "emergency_contact"),
            Kind.TRAVEL: ("travelling_from", "arrive_on", "leave_on"),
            Kind.NEEDS: (
                "dietary", "dietary_consent", "accessibility", "accessibility_consent",
                "interpretation",
            ),
        },
        kept=(
            "id", "created_at", "updated_at", "laureate", "booking", "needs_room", "needs_visa",
            "state", "confirmed_at",
        ),
    )  # fmt: skip

    class Meta:
        ordering = ["laureate", "full_name"]

    def __str__(self) -> str:
        return self.full_name


class VisaRequest(TimeStamped):
    """What an invitation letter for a Schengen visa needs. Encrypted at rest, shown masked,
    deleted `Summit.passport_days` after the summit."""

    delegate = models.OneToOneField(Delegate, on_delete=models.CASCADE, related_name="visa")
    passport_number = EncryptedTextField(_("passport number"), blank=True)
    nationality = EncryptedTextField(_("nationality"), blank=True)
    date_of_birth = EncryptedTextField(_("date of birth"), blank=True)
    passport_expires_on = EncryptedTextField(_("passport valid until"), blank=True)
    masked = models.CharField(max_length=40, blank=True)
    state = models.CharField(max_length=10, choices=VisaState.choices, default=VisaState.REQUESTED)
    approved_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    delete_after = models.DateField()
    erased_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"visa for {self.delegate_id}"

    @property
    def reference(self) -> str:
        """What a consulate quotes to verify the letter: the award's prefix and the request's
        number (C10-2022-VISA-0007)."""
        return f"{self.delegate.laureate.cycle.reference_prefix}-VISA-{self.pk:04d}"
