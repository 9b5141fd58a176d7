"""A candidate whose organisation has been asked for its consent, as staff ask it."""

from datetime import timedelta

from django.utils import timezone

from laurel.candidates import services
from laurel.candidates.models import Placement
from laurel.notifications.models import OutgoingEmail
from tests.candidates.helpers import confirmed
from tests.conftest import make_user


def staff_member():
    from laurel.accounts.models import User

    return User.objects.filter(email="staff@example.org").first() or make_user("staff")


def asked(cycle, *, days=14, language="en"):
    nomination = confirmed(
        cycle, "Trygga Nätet", email="nominator.private@example.org", website="trygga.se"
    )
    candidate = Placement.objects.get(nomination=nomination).candidate
    OutgoingEmail.objects.all().delete()
    token = services.invite_organisation(
        candidate,
        email="info@trygga.se",
        language=language,
        deadline=timezone.now() + timedelta(days=days),
        actor=staff_member(),
    )
    return candidate, nomination, token
