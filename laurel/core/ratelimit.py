"""Counting events in fixed windows, in the database: one statement per event, atomic on
SQLite and PostgreSQL alike, shared by every process on every machine."""

import hashlib
import secrets
import time
from datetime import UTC, datetime

from django.db import connection

from laurel.core.models import RateCounter

UPSERT = (
    "INSERT INTO core_ratecounter (key, count, expires_at) VALUES (%s, 1, %s) "
    "ON CONFLICT (key) DO UPDATE SET count = core_ratecounter.count + 1 RETURNING count"
)


def over_limit(scope: str, identity: str, *, limit: int, window: int) -> bool:
    """Count one event for (scope, identity) and say whether it went past `limit` per `window`
    seconds. Identities are hashed: no address or email is stored as it is."""
    if not identity:
        return False
    bucket = int(time.time()) // window
    digest = hashlib.sha256(identity.lower().encode()).hexdigest()[:32]
    key = f"{scope}:{digest}:{bucket}"
    expires_at = datetime.fromtimestamp((bucket + 1) * window, tz=UTC)
    with connection.cursor() as cursor:
        # Stored as the ORM stores a DateTimeField (naive UTC text on SQLite), so that the
        # clean-up below compares like with like.
        expires_at = connection.ops.adapt_datetimefield_value(expires_at)
        cursor.execute(UPSERT, [key, expires_at])
        count = cursor.fetchone()[0]
    if secrets.randbelow(200) == 0:  # now and then, forget windows that are over
        RateCounter.objects.filter(expires_at__lt=datetime.now(tz=UTC)).delete()
    return count > limit
