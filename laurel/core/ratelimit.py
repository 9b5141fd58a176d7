"""Counting events in fixed windows, in the database: one statement per event, atomic on
SQLite and PostgreSQL alike, shared by every process on every machine."""

import hashlib
import math
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection
from django.db.models import F

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


# Back-off: instead of a hard lock after N failures (which anyone can trigger for a named
# account, and which shuts a whole office behind one address out), each failure past a free
# allowance doubles the wait before the next try, up to a ceiling. A row is one identity's
# failures: `count` is how many, `expires_at` is the last failure plus FORGET_AFTER, after which
# the row is forgotten (the clean-up in over_limit deletes it).
FORGET_AFTER = 24 * 60 * 60

BACKOFF_UPSERT = (
    "INSERT INTO core_ratecounter (key, count, expires_at) VALUES (%s, 1, %s) "
    "ON CONFLICT (key) DO UPDATE SET count = core_ratecounter.count + 1, "
    "expires_at = excluded.expires_at RETURNING count"
)


@dataclass(frozen=True)
class Backoff:
    """`free` failures cost nothing; the next waits 2 s, then 4, 8 … up to `ceiling` seconds."""

    scope: str
    free: int
    ceiling: int

    def delay(self, failures: int) -> int:
        if failures < self.free:
            return 0
        return min(2 ** (failures - self.free + 1), self.ceiling)

    def _key(self, identity: str) -> str:
        digest = hashlib.sha256(identity.lower().encode()).hexdigest()[:32]
        return f"backoff:{self.scope}:{digest}"

    def state(self, identity: str) -> tuple[int, int]:
        """(failures so far, seconds still to wait before the next try)."""
        row = RateCounter.objects.filter(key=self._key(identity)).values_list("count", "expires_at")
        found = row.first()
        if found is None:
            return 0, 0
        failures, expires_at = found
        last_failure = expires_at.timestamp() - FORGET_AFTER
        return failures, max(0, math.ceil(last_failure + self.delay(failures) - time.time()))

    def fail(self, identity: str) -> int:
        """Count one failure now; returns the failures counted so far."""
        expires_at = datetime.fromtimestamp(time.time() + FORGET_AFTER, tz=UTC)
        with connection.cursor() as cursor:
            cursor.execute(
                BACKOFF_UPSERT,
                [self._key(identity), connection.ops.adapt_datetimefield_value(expires_at)],
            )
            return cursor.fetchone()[0]

    def forgive(self, identity: str) -> None:
        RateCounter.objects.filter(key=self._key(identity)).delete()

    def forgive_one(self, identity: str) -> None:
        RateCounter.objects.filter(key=self._key(identity), count__gt=0).update(
            count=F("count") - 1
        )


def take_turn(rules: list[tuple[Backoff, str]]) -> bool:
    """Before an attempt: whether every (rule, identity) allows a try now. An allowed attempt is
    counted as a failure at once (the caller forgives it on success), so that many parallel
    tries cannot all pass the same open moment: a try that finds its count moved on by
    another is refused."""
    states = [(rule, identity, rule.state(identity)) for rule, identity in rules if identity]
    if any(wait for _rule, _identity, (_failures, wait) in states):
        return False
    raced = False
    for rule, identity, (failures, _wait) in states:
        counted = rule.fail(identity)
        if counted != failures + 1 and rule.delay(counted - 1):
            raced = True
    return not raced
