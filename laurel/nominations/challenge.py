"""ALTCHA proof of work, served and checked here: no third party sees the form."""

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from datetime import UTC, datetime, timedelta

import altcha
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from laurel.nominations.models import UsedChallenge

ALGORITHM = "PBKDF2/SHA-256"
VALID_FOR = timedelta(minutes=30)


def _secret() -> str:
    # Derived, so that the HMAC key is not the SECRET_KEY itself.
    return hmac.new(settings.SECRET_KEY.encode(), b"laurel-altcha", hashlib.sha256).hexdigest()


def new_challenge() -> dict:
    challenge = altcha.create_challenge(
        ALGORITHM,
        settings.ALTCHA_COST,
        hmac_secret=_secret(),
        expires_at=datetime.now(UTC) + VALID_FOR,
    )
    return challenge.to_dict()


def verify(payload: str) -> bool:
    """True for a correct, unexpired solution never used before; it is then used up."""
    if not payload or len(payload) > 4000:
        return False
    try:
        if not altcha.verify_solution(payload, _secret()).verified:
            return False
        signature = json.loads(base64.b64decode(payload))["challenge"]["signature"]
    except (ValueError, KeyError, TypeError, binascii.Error):
        return False
    try:
        with transaction.atomic():
            UsedChallenge.objects.create(
                signature=str(signature)[:128], expires_at=timezone.now() + VALID_FOR
            )
    except IntegrityError:
        return False  # a replay
    if secrets.randbelow(50) == 0:  # now and then, forget the expired ones
        UsedChallenge.objects.filter(expires_at__lt=timezone.now()).delete()
    return True
