"""ALTCHA proof of work, served and checked here: no third party sees the form. The altcha
library loads with the first challenge served or checked, not for pages that have none."""

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from laurel.nominations.models import UsedChallenge

ALGORITHM = "PBKDF2/SHA-256"
# The widget's own words ("I'm not a robot") in each language Laurel speaks but English (the
# widget's default): the altcha package's translations, vendored unchanged as
# static/vendor/altcha/altcha-<name>.js, each naming itself as here.
WIDGET_LANGUAGES = {
    "sv": "sv",
    "de": "de",
    "fr": "fr-fr",
    "es": "es-es",
    "it": "it",
    "pl": "pl",
    "ro": "ro",
    "uk": "uk",
}
VALID_FOR = timedelta(minutes=30)


def _secret() -> str:
    # Derived, so that the HMAC key is not the SECRET_KEY itself.
    return hmac.new(settings.SECRET_KEY.encode(), b"laurel-altcha", hashlib.sha256).hexdigest()


def new_challenge() -> dict:
    import altcha

    challenge = altcha.create_challenge(
        ALGORITHM,
        settings.ALTCHA_COST,
        hmac_secret=_secret(),
        expires_at=datetime.now(UTC) + VALID_FOR,
    )
    return challenge.to_dict()


# One statement, no savepoint: a signature already there inserts nothing (SQLite and PostgreSQL).
USE_UP = (
    "INSERT INTO nominations_usedchallenge (signature, expires_at) VALUES (%s, %s) "
    "ON CONFLICT (signature) DO NOTHING"
)


def _use_up(signature: str) -> bool:
    """Record a solution as used; False if it was used before."""
    with connection.cursor() as cursor:
        expires_at = connection.ops.adapt_datetimefield_value(timezone.now() + VALID_FOR)
        cursor.execute(USE_UP, [signature, expires_at])
        return cursor.rowcount == 1


def verify(payload: str) -> bool:
    """True for a correct, unexpired solution never used before; it is then used up."""
    if not payload or len(payload) > 4000:
        return False
    import altcha

    try:
        if not altcha.verify_solution(payload, _secret()).verified:
            return False
        signature = json.loads(base64.b64decode(payload))["challenge"]["signature"]
    except (ValueError, KeyError, TypeError, binascii.Error):
        return False
    if not _use_up(str(signature)[:128]):
        return False  # a replay
    if secrets.randbelow(50) == 0:  # now and then, forget the expired ones
        UsedChallenge.objects.filter(expires_at__lt=timezone.now()).delete()
    return True
